// Path and query parameter schemas shared by several endpoints.
import { Type } from '@sinclair/typebox';
import { awbNumber } from '@interline/hub';

/** A canonical id as the model writes them (UUIDs or readable keys). */
export const IdSchema = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$', description: 'Canonical id.' });

export const IdParams = Type.Object({ id: IdSchema }, { additionalProperties: false });

export const AwbParams = Type.Object({ awb: awbNumber('The shipment’s air waybill.') }, { additionalProperties: false });

/** Page size for lists: digits, 1–200 (query values arrive as text). */
export const LimitSchema = Type.String({ pattern: '^(?:[1-9][0-9]?|1[0-9]{2}|200)$', description: 'Page size, 1–200 (default 50).' });

export function limitOf(query: { limit?: string }): number {
  return query.limit === undefined ? 50 : Number(query.limit);
}
