// Writes an FsuMessage as Cargo-IMP text: header, consignment line, one line per status, OSI lines.
// Values that cannot travel in a slash-separated line are refused rather than silently altered.
import { CargoImpError } from './errors';
import { writeDayTime, writeQuantity } from './fields';
import type { FsuMessage, FsuStatus } from './fsu-message';

/** Upper-case letters, digits, space and the punctuation Cargo-IMP free text allows; never '/'. */
const FREE_TEXT = /^[A-Z0-9 .,\-()'&:+?]*$/;

export function writeFsu(message: FsuMessage, options: { lineEnding?: string } = {}): string {
  const { prefix, serial, origin, destination } = message.consignment;
  const quantity = message.quantity ? `/${writeQuantity(message.quantity)}` : '';
  const lines = [`FSU/${message.version}`, `${prefix}-${serial}${origin}${destination}${quantity}`];
  for (const status of message.statuses) lines.push(writeStatus(status));
  for (const text of message.otherServiceInformation) lines.push(`OSI/${freeText(text, 'OSI text')}`);
  return lines.join(options.lineEnding ?? '\r\n');
}

function writeStatus(status: FsuStatus): string {
  const parts: string[] = [status.code];
  if (status.flight) parts.push(`${status.flight.carrier}${status.flight.number}${status.flight.suffix ?? ''}`);
  parts.push(writeDayTime(status.when), status.airports.join(''));
  if (status.discrepancy) parts.push(status.discrepancy);
  if (status.quantity) parts.push(writeQuantity(status.quantity));
  for (const indicator of status.timeIndicators ?? []) parts.push(`${indicator.kind}${indicator.time}`);
  if (status.name !== undefined) parts.push(freeText(status.name, `${status.code} name`));
  return parts.join('/');
}

function freeText(value: string, what: string): string {
  const upper = value.toUpperCase();
  if (!FREE_TEXT.test(upper)) {
    throw new CargoImpError('UNENCODABLE', `${what} "${value}" has characters Cargo-IMP cannot carry (only A–Z, 0–9, space and . , - ( ) ' & : + ?); remove '/' and accents`);
  }
  return upper;
}
