// Canonical CustomsResponse → CUSRES D.96B segments: what the simulated authority sends back, and
// the reverse of cusres-to-response (so the round trip is proven). Status in GIS (1131 = STA),
// errors in SG4 (ERP position, ERC code + severity, FTX AAO text, FTX ZZZ pointer), duties in SG5.
import { fromMinorUnits } from '@interline/hub';
import type { CustomsResponse } from '@interline/hub';
import { MUTUAL, SEVERITY_CODES, STATUS_CODES } from './customs-codes';
import type { EdiSegment } from './edi-read';

function segment(tag: string, ...elements: Array<string | string[]>): EdiSegment {
  return { tag, elements: elements.map((e) => (typeof e === 'string' ? [e] : e)) };
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function freeText(qualifier: string, text: string): EdiSegment[] {
  return chunks(text, 350).map((piece) => segment('FTX', qualifier, '', '', chunks(piece, 70)));
}

function utc(value: string): string {
  const iso = new Date(Date.parse(value)).toISOString();
  return iso.slice(0, 19).replace(/[-:T]/g, '');
}

/** ERP C701: heading section (1), or detail section (2) with the goods item number a pointer names. */
function errorPoint(pointer: string | undefined): string[] {
  const item = pointer ? /^\/goodsItems\/(\d+)(\/|$)/.exec(pointer) : null;
  return item ? ['2', String(Number(item[1]) + 1)] : ['1'];
}

export interface CusresOptions {
  /** UNH 0062 of the message answered, written as RFF+ACW so the sender can match the answer. */
  answers?: string;
}

export function responseToCusres(response: CustomsResponse, options: CusresOptions = {}): EdiSegment[] {
  const status = STATUS_CODES[response.status];
  if (!status) throw new Error(`status "${response.status}" has no CUSRES code`);
  const out: EdiSegment[] = [segment('BGM', '962', response.declaration.mrn ?? response.declaration.lrn, '11', status.responseType)];
  if (response.issuedAt) out.push(segment('DTM', ['137', utc(response.issuedAt), '204']));
  if (response.controlInstructions) out.push(...freeText('CCI', response.controlInstructions));
  out.push(segment('GIS', [status.code, 'STA', MUTUAL]));
  const a = response.authority;
  out.push({ tag: 'NAD', elements: [['MS'], [a.officeCode ?? ''], [], [a.system ?? ''], [], [], [], [], [a.countryCode]] });
  out.push(segment('RFF', ['ABE', response.declaration.lrn]));
  if (response.declaration.mrn) out.push(segment('RFF', ['ABT', response.declaration.mrn]));
  if (options.answers) out.push(segment('RFF', ['ACW', options.answers]));
  for (const error of response.errors) {
    if (error.code.length > 8) throw new Error(`error code "${error.code}" is ${error.code.length} characters; ERC 9321 holds at most 8`);
    out.push(segment('ERP', errorPoint(error.pointer)), segment('ERC', [error.code, SEVERITY_CODES[error.severity], MUTUAL]), ...freeText('AAO', error.text));
    if (error.pointer) out.push(...freeText('ZZZ', error.pointer));
  }
  for (const duty of response.duties ?? []) {
    out.push(segment('TAX', '5', duty.type.length <= 3 ? [duty.type] : ['', '', '', duty.type]), segment('MOA', ['161', fromMinorUnits(duty.amount.amountMinor, duty.amount.currency), duty.amount.currency]));
  }
  return out;
}
