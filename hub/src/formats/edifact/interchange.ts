// The envelope tree: interchange → groups? → messages → segments, as the parser hands it out.
import type { EdifactError } from './errors';
import type { Segment } from './segment';
import type { SyntaxInfo } from './tokenizer';

export interface Party {
  id: string;
  qualifier?: string;
  /** Internal (reverse routing) address, S002/S003 third component. */
  internalId?: string;
}

export interface Message {
  /** 1-based ordinal of the message in the interchange. */
  index: number;
  /** 1-based ordinal of the enclosing functional group, if any. */
  groupIndex?: number;
  /** UNH 0062 message reference number. */
  reference: string;
  type: string;
  version: string;
  release: string;
  agency: string;
  association?: string;
  header: Segment;
  /** UNT; absent when the message was closed by the next UNH/UNE/UNZ. */
  trailer?: Segment;
  /** Segments received from UNH to UNT inclusive. */
  segmentCount: number;
  /** UNH … UNT when the parser retains segments (parseInterchange does; streaming validation does not). */
  segments: Segment[];
}

export interface Group {
  index: number;
  /** UNG 0048 group reference number. */
  reference: string;
  /** UNG 0038 message group identification (the message type of the group). */
  messageType?: string;
  header: Segment;
  trailer?: Segment;
  /** The group's messages (empty when the parser does not retain messages, as in streaming validation). */
  messages: Message[];
  /** Messages received in the group, retained or not. */
  messageCount: number;
}

export interface Interchange {
  syntax: SyntaxInfo;
  header: Segment;
  trailer?: Segment;
  sender: Party;
  recipient: Party;
  /** UNB S004 date as sent (YYMMDD or CCYYMMDD) and time (HHMM). */
  date: string;
  time: string;
  controlReference: string;
  /** UNB 0031 = 1: the sender asks for a CONTRL. */
  ackRequested: boolean;
  /** UNB 0035 = 1. */
  test: boolean;
  groups: Group[];
  /** Messages outside functional groups (empty when messages are not retained). */
  messages: Message[];
  /** Messages received in total, grouped or not, retained or not. */
  messageCount: number;
  segmentCount: number;
  /** Errors found while reading: characters outside the repertoire, structure (UNH without UNT, …). */
  errors: EdifactError[];
  /** Deviations tolerated by leniency. */
  warnings: EdifactError[];
}

/** Every message of the interchange in order, grouped or not. */
export function allMessages(interchange: Pick<Interchange, 'groups' | 'messages'>): Message[] {
  return interchange.groups.length > 0 ? interchange.groups.flatMap((group) => group.messages) : interchange.messages;
}

export function partyFrom(components: string[] | undefined): Party {
  const party: Party = { id: components?.[0] ?? '' };
  if (components?.[1]) party.qualifier = components[1];
  if (components?.[2]) party.internalId = components[2];
  return party;
}
