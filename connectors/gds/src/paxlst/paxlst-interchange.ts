// A PAXLST interchange of one or more parts. A long list is split: every part repeats the flight,
// carries the same common access reference (UNH 0068, flight/date/time) and a sequence (UNH S010:
// 01:C for the first, 02, 03 … and nn:F for the last). The engine's writer makes UNB; the UNH/UNT/UNZ
// are written here with its SegmentWriter because MessageInput has no 0068/S010. Counts are ours.
import { edifact } from '@interline/hub';

export const PAXLST_ID = ['PAXLST', 'D', '05B', 'UN', 'IATA'] as const;

export interface PaxlstInterchangeSpec {
  sender: string;
  recipient: string;
  controlRef: string;
  preparedAt: Date;
  /** e.g. LH400/250314/1035: the same in every part. */
  commonAccessReference: string;
  /** Segments between UNH and UNT, one array per part. */
  parts: edifact.SegmentInput[][];
}

export function messageReference(controlRef: string, part: number): string {
  return `${controlRef.slice(-10)}${String(part).padStart(2, '0')}`;
}

/** UNH S010: sequence number and first (C) / final (F) marker; absent for a single message. */
function transferStatus(part: number, total: number): string[] {
  if (total === 1) return [];
  const sequence = String(part).padStart(2, '0');
  if (part === 1) return [sequence, 'C'];
  if (part === total) return [sequence, 'F'];
  return [sequence];
}

export function paxlstInterchangeText(spec: PaxlstInterchangeSpec): string {
  if (spec.parts.length === 0) throw new Error('a PAXLST interchange needs at least one message');
  if (spec.parts.length > 99) throw new Error(`a PAXLST split into ${spec.parts.length} parts exceeds the 99 UNH S010 allows; raise paxlst.maxPassengersPerMessage`);
  const syntax = { identifier: 'UNOA', version: 4 as const };
  const writer = new edifact.InterchangeWriter({ sender: spec.sender, recipient: spec.recipient, controlRef: spec.controlRef, date: spec.preparedAt, syntax, lineEnd: '\n' });
  const segments = new edifact.SegmentWriter(writer.separators, '\n');
  let text = writer.header();
  spec.parts.forEach((body, index) => {
    const part = index + 1;
    const reference = messageReference(spec.controlRef, part);
    const status = transferStatus(part, spec.parts.length);
    const unh: string[][] = [[reference], [...PAXLST_ID]];
    if (spec.parts.length > 1) unh.push([spec.commonAccessReference], status);
    text += segments.write({ tag: 'UNH', elements: unh });
    for (const segment of body) text += segments.write(segment);
    text += segments.write({ tag: 'UNT', elements: [[String(body.length + 2)], [reference]] });
  });
  return text + segments.write({ tag: 'UNZ', elements: [[String(spec.parts.length)], [spec.controlRef]] });
}
