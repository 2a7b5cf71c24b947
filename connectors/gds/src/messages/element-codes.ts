// Code values the connector and its simulator agree on for PNR elements: AP free-text types per
// contact kind, remark types, and the pnrActions option codes of PNR_AddMultiElements.
import type { PnrContact, PnrRemark } from '@interline/hub';

/** PNR_AddMultiElements pnrActions/optionCode: 0 add only, 10 end transact (ET), 11 end and retrieve (ER), 20 ignore (IG). */
export const OPTION = { none: '0', endTransact: '10', endAndRetrieve: '11', ignore: '20' } as const;

/** AP element free-text type per contact kind (freetextDetail/type). */
export const CONTACT_TYPE_CODES: Record<PnrContact['type'], string> = {
  phone: '3',
  business: '4',
  home: '5',
  agency: '6',
  mobile: '7',
  email: 'P02',
};

export const REMARK_TYPE_CODES: Record<PnrRemark['type'], string> = { general: 'RM', confidential: 'RC', itinerary: 'RIR', accounting: 'RA' };

export function contactTypeOf(code: string | undefined): PnrContact['type'] {
  const found = Object.entries(CONTACT_TYPE_CODES).find(([, value]) => value === code);
  return (found?.[0] as PnrContact['type'] | undefined) ?? 'phone';
}

export function remarkTypeOf(code: string | undefined): PnrRemark['type'] {
  const found = Object.entries(REMARK_TYPE_CODES).find(([, value]) => value === code);
  return (found?.[0] as PnrRemark['type'] | undefined) ?? 'general';
}

/** The remark that ties a GDS record to its canonical PNR: searched before booking, read when polling. */
export const CANONICAL_ID_REMARK_PREFIX = 'INTERLINE ID ';

export function canonicalIdRemark(pnrId: string): string {
  return `${CANONICAL_ID_REMARK_PREFIX}${pnrId}`;
}
