// An event the poller is about to emit, and the reads every collector shares (codes of countries,
// canonical ids of partners) so each collector file stays about its own model.
import type { MappingContext } from '@interline/hub';
import type { OdooClient } from '../client';
import { many2oneId } from '../client';
import { canonicalIdOf } from './identity';
import type { Identity } from './identity';

export interface PendingEvent {
  type: 'party.updated' | 'order.updated' | 'invoice.paid';
  id: string;
  data: unknown;
  subject: string;
  partitionkey: string;
}

/** id → code for res.country or res.country.state records. */
export async function codesOf(client: OdooClient, model: 'res.country' | 'res.country.state', ids: Iterable<number>, signal: AbortSignal): Promise<Record<string, string>> {
  const rows = await client.read<{ id: number; code: string | false }>(model, [...new Set(ids)], ['code'], { signal });
  return Object.fromEntries(rows.filter((row) => typeof row.code === 'string').map((row) => [String(row.id), row.code as string]));
}

/** Odoo partner id (any contact of a company) → the canonical id of its commercial partner. */
export async function partyIdsOf(client: OdooClient, identity: Identity, partnerIds: Iterable<number>, signal: AbortSignal): Promise<Map<number, string>> {
  const ids = [...new Set(partnerIds)];
  const partners = await client.read<{ id: number; commercial_partner_id: unknown }>('res.partner', ids, ['commercial_partner_id'], { signal, context: { active_test: false } });
  const commercialOf = new Map(partners.map((p) => [p.id, many2oneId(p.commercial_partner_id) ?? p.id]));
  const commercial = await client.read<{ id: number; ref: unknown; create_uid: unknown }>('res.partner', [...new Set(commercialOf.values())], ['ref', 'create_uid'], { signal, context: { active_test: false } });
  const canonical = new Map(commercial.map((p) => [p.id, canonicalIdOf(identity, 'res.partner', p, p.ref).id]));
  return new Map(ids.map((id) => [id, canonical.get(commercialOf.get(id) ?? id) ?? canonicalIdOf(identity, 'res.partner', { id }, undefined).id]));
}

/** product.product id → default_code, for the lines' product codes. */
export async function productCodesOf(client: OdooClient, productIds: Iterable<number>, signal: AbortSignal): Promise<Record<string, string>> {
  const rows = await client.read<{ id: number; default_code: string | false }>('product.product', [...new Set(productIds)], ['default_code'], { signal, context: { active_test: false } });
  return Object.fromEntries(rows.filter((row) => typeof row.default_code === 'string').map((row) => [String(row.id), row.default_code as string]));
}

/** The inbound mappings are pure and ignore their context; they still get a well-formed one. */
export function mappingContext(): MappingContext {
  return { envelope: { id: 'odoo-change-poller', type: 'odoo.change', tenant: 'default', correlationid: 'odoo-change-poller', time: new Date().toISOString() } };
}
