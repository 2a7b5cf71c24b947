// CUSRES D.96B segments → canonical CustomsResponse: status (GIS STA, else BGM 4343), LRN and MRN
// (RFF ABE/ABT), the authority (NAD MS), errors (SG4) and duties (SG5). What the file source emits.
import type { CustomsResponse } from '@interline/hub';
import { SEVERITY_BY_CODE, STATUS_BY_CODE, STATUS_BY_RESPONSE_TYPE } from './customs-codes';
import { at, freeTextOf, readMoney, readTimestamp } from './edi-read';
import type { EdiSegment } from './edi-read';

type CustomsError = CustomsResponse['errors'][number];

export interface CusresInput {
  /** UNH … UNT or just the segments between them. */
  segments: EdiSegment[];
  /** Canonical id for the response (deterministic per interchange and message, so a retry is recognised). */
  id: string;
  receivedAt: string;
  /** The canonical declaration id, once the answer is matched to what was sent. */
  declarationId?: string;
  /** Used when the message names no issuer (NAD+MS): the authority the connector is configured for. */
  authority?: CustomsResponse['authority'];
}

/** The UNH reference of the message a CUSRES answers (RFF+ACW), if it says. */
export function answeredMessageRef(segments: EdiSegment[]): string | undefined {
  const found = segments.find((s) => s.tag === 'RFF' && at(s, 0) === 'ACW');
  return found ? at(found, 0, 1) : undefined;
}

export function cusresToResponse(input: CusresInput): CustomsResponse {
  let status: CustomsResponse['status'] | undefined;
  let responseType = '';
  let lrn = '';
  let mrn = '';
  let issuedAt: string | undefined;
  let instructions = '';
  let authority = input.authority;
  const errors: Array<CustomsError & { pointerText: string }> = [];
  const duties: NonNullable<CustomsResponse['duties']> = [];
  let dutyType: string | undefined;
  for (const s of input.segments) {
    const q = at(s, 0);
    const error = errors[errors.length - 1];
    if (s.tag === 'BGM') responseType = at(s, 3);
    else if (s.tag === 'DTM' && q === '137') issuedAt = readTimestamp(s, 'issuedAt');
    else if (s.tag === 'GIS' && at(s, 0, 1) === 'STA') {
      status = STATUS_BY_CODE[q];
      if (!status) throw new Error(`GIS status code "${q}" is not one of ${Object.keys(STATUS_BY_CODE).join(', ')}`);
    } else if (s.tag === 'NAD' && q === 'MS') {
      authority = { countryCode: at(s, 8) || authority?.countryCode || '' };
      if (at(s, 1)) authority.officeCode = at(s, 1);
      if (at(s, 3)) authority.system = at(s, 3);
    } else if (s.tag === 'RFF' && q === 'ABE') lrn = at(s, 0, 1);
    else if (s.tag === 'RFF' && q === 'ABT') mrn = at(s, 0, 1);
    else if (s.tag === 'ERP') errors.push({ code: '', text: '', severity: 'error', pointerText: '' });
    else if (s.tag === 'ERC' && error) {
      error.code = q;
      error.severity = SEVERITY_BY_CODE[at(s, 0, 1)] ?? 'error';
    } else if (s.tag === 'FTX' && error && q === 'AAO') error.text += freeTextOf(s);
    else if (s.tag === 'FTX' && error && q === 'ZZZ') error.pointerText += freeTextOf(s);
    else if (s.tag === 'FTX' && !error && q === 'CCI') instructions += freeTextOf(s);
    else if (s.tag === 'TAX') dutyType = at(s, 1) || at(s, 1, 3);
    else if (s.tag === 'MOA' && q === '161' && dutyType !== undefined) {
      duties.push({ type: dutyType, amount: readMoney(s, `duty ${dutyType}`) });
      dutyType = undefined;
    }
  }
  status ??= STATUS_BY_RESPONSE_TYPE[responseType];
  if (!status) throw new Error(`the CUSRES says no status: no GIS with 1131 = STA and BGM response type (4343) "${responseType}" is not AP, RE or CA`);
  if (!lrn) throw new Error('the CUSRES has no RFF+ABE (the declarant\'s reference, LRN), so it cannot be matched to a declaration');
  if (!authority?.countryCode) throw new Error('the CUSRES names no issuing authority (NAD+MS with a country) and none is configured');
  const response: CustomsResponse = {
    id: input.id,
    declaration: { lrn },
    status,
    authority,
    errors: errors.map(({ pointerText, ...rest }) => {
      if (!rest.code) throw new Error('a CUSRES error (ERP) has no ERC error code');
      if (!rest.text) rest.text = `error ${rest.code} (no text given)`;
      return pointerText ? { ...rest, pointer: pointerText } : rest;
    }),
    receivedAt: input.receivedAt,
  };
  if (input.declarationId) response.declaration.id = input.declarationId;
  if (mrn) response.declaration.mrn = mrn;
  if (duties.length > 0) response.duties = duties;
  if (instructions) response.controlInstructions = instructions;
  if (issuedAt) response.issuedAt = issuedAt;
  return response;
}
