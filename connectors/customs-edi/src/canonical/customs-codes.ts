// The code values this connector and its partner agreement use in CUSDEC and CUSRES, in one place:
// UN codes where D.96B has them, mutually defined (3055 = ZZZ) codes where it does not.
import { TRANSPORT_MODE_CODES } from '@interline/hub';
import type { CustomsDeclaration, CustomsResponseStatus } from '@interline/hub';

export const MUTUAL = 'ZZZ';

/** BGM 1001 → declaration type when the document name (1000) does not say it. */
export const DECLARATION_TYPE_BY_CODE: Record<string, CustomsDeclaration['declarationType']> = { '830': 'export', '929': 'import' };

export const PARTY_BY_ROLE_CODE = { DT: 'declarant', AE: 'representative', EX: 'exporter', IM: 'importer', CN: 'consignee' } as const;

export const TRANSPORT_MODE_BY_CODE: Record<string, CustomsDeclaration['transport']['mode']> = Object.fromEntries(
  Object.entries(TRANSPORT_MODE_CODES).map(([mode, code]) => [String(code), mode as CustomsDeclaration['transport']['mode']]),
);

/** CUSRES GIS 7365 status codes (1131 = STA, mutually defined) and the UN 4343 response type that summarises them. */
export const STATUS_CODES: Record<CustomsResponseStatus, { code: string; responseType: 'AP' | 'RE' | 'CA' }> = {
  received: { code: 'RCV', responseType: 'AP' },
  accepted: { code: 'ACC', responseType: 'AP' },
  rejected: { code: 'REJ', responseType: 'RE' },
  'documents-requested': { code: 'DOC', responseType: 'CA' },
  'held-for-inspection': { code: 'INS', responseType: 'CA' },
  released: { code: 'REL', responseType: 'AP' },
  'exit-confirmed': { code: 'EXC', responseType: 'AP' },
  invalidated: { code: 'INV', responseType: 'RE' },
};

export const STATUS_BY_CODE: Record<string, CustomsResponseStatus> = Object.fromEntries(
  Object.entries(STATUS_CODES).map(([status, { code }]) => [code, status as CustomsResponseStatus]),
);

/** When a CUSRES carries no GIS status: what its BGM 4343 response type says. */
export const STATUS_BY_RESPONSE_TYPE: Record<string, CustomsResponseStatus> = { AP: 'accepted', RE: 'rejected', CA: 'held-for-inspection' };

/** ERC C901 1131: severity of an error (mutually defined). */
export const SEVERITY_CODES = { error: 'ERR', warning: 'WRN', info: 'INF' } as const;
export const SEVERITY_BY_CODE: Record<string, 'error' | 'warning' | 'info'> = { ERR: 'error', WRN: 'warning', INF: 'info' };

/** ISO 9735 syntax error codes (0085) as words, for CONTRL rejections shown to people. */
export const SYNTAX_ERRORS: Record<string, string> = {
  '2': 'syntax version or level not supported',
  '3': 'message type or version not supported',
  '4': 'service segment missing or invalid',
  '5': 'trailer check in error',
  '6': 'data segment missing or invalid',
  '7': 'interchange recipient is not the actual recipient',
  '11': 'password invalid',
  '12': 'invalid value',
  '13': 'missing',
  '15': 'not supported in this position',
  '16': 'too many constituents',
  '17': 'no agreement',
  '21': 'invalid character(s)',
  '26': 'duplicate detected',
  '28': 'references do not match',
  '29': 'control count does not match number of instances received',
  '35': 'too many segment repetitions',
  '36': 'too many segment group repetitions',
  '37': 'invalid type of character(s)',
  '39': 'data element too long',
  '40': 'data element too short',
};
