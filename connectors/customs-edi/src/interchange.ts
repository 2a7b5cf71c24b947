// Builds the interchange around one message: the engine writes UNH…UNT and UNZ with the counts; the
// UNB is written here because it carries the authority's password (S005), which the engine's
// envelope parameters do not offer. Then the bytes are encoded in the declared repertoire.
import { PermanentError, edifact } from '@interline/hub';
import type { CustomsEdiConfig, InterchangeParty } from './config';

export interface InterchangeSpec {
  sender: InterchangeParty;
  recipient: InterchangeParty;
  controlRef: string;
  preparedAt: Date;
  ackRequested: boolean;
  testIndicator: boolean;
  syntax: { identifier: string; version: 3 | 4 };
  password?: string;
  message: edifact.MessageInput;
}

function party(p: InterchangeParty): string[] {
  return p.qualifier ? [p.id, p.qualifier] : [p.id];
}

function preparation(at: Date, version: number): string[] {
  const iso = at.toISOString();
  const date = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
  return [version >= 4 ? date : date.slice(2), `${iso.slice(11, 13)}${iso.slice(14, 16)}`];
}

export function interchangeText(spec: InterchangeSpec): string {
  const writer = new edifact.InterchangeWriter({
    sender: spec.sender.id,
    recipient: spec.recipient.id,
    controlRef: spec.controlRef,
    date: spec.preparedAt,
    syntax: spec.syntax,
  });
  writer.header(); // the writer insists on a header before messages; ours below replaces it
  const unb = new edifact.SegmentWriter(writer.separators).write({
    tag: 'UNB',
    elements: [
      [spec.syntax.identifier, String(spec.syntax.version)],
      party(spec.sender),
      party(spec.recipient),
      preparation(spec.preparedAt, spec.syntax.version),
      [spec.controlRef],
      spec.password ? [spec.password, 'BB'] : [],
      [],
      [],
      [spec.ackRequested ? '1' : ''],
      [],
      [spec.testIndicator ? '1' : ''],
    ],
  });
  return unb + writer.message(spec.message) + writer.trailer();
}

/** Encode for the declared repertoire, refusing characters it cannot carry (naming where they are). */
export function encodeInterchange(text: string, identifier: string, what: string): Buffer {
  if (identifier === 'UNOW' || identifier === 'UNOY') return Buffer.from(text, 'utf8');
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) {
      const start = text.lastIndexOf("'", i) + 1;
      const tag = text.slice(start, start + 3);
      throw new PermanentError(
        `${what}: segment ${tag} holds "${text[i]}" (U+${code.toString(16).toUpperCase().padStart(4, '0')}), which ${identifier} (ISO 8859-1) cannot carry; replace it in the source data, or set syntax.identifier to UNOW if the authority accepts UTF-8`,
      );
    }
  }
  return Buffer.from(text, 'latin1');
}

export function syntaxOf(config: CustomsEdiConfig): { identifier: string; version: 3 | 4 } {
  return { identifier: config.syntax?.identifier ?? 'UNOC', version: config.syntax?.version ?? 3 };
}
