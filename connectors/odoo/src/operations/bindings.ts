// Finding the Odoo record for a canonical id the way a retry must: the binding first, then the
// stable reference the connector wrote (ref, client_order_ref, memo), so a redelivery after a lost
// response finds the record it created instead of creating it twice.
import type { OperationContext } from '@interline/hub';
import type { Domain, OdooClient } from '../client';

export interface BoundRecord {
  /** Binding entity, which is also the Odoo model: res.partner, sale.order, account.move, account.payment. */
  model: string;
  canonicalId: string;
  /** Where the connector wrote the canonical id, so the record can be found without the binding. */
  referenceDomain: Domain;
}

/** The Odoo id bound to the canonical id, or found by its reference (and then bound); undefined if neither. */
export async function findBound(client: OdooClient, ctx: OperationContext, record: BoundRecord): Promise<number | undefined> {
  const binding = await ctx.bindings.get(record.model, record.canonicalId);
  if (binding) {
    const id = Number(binding.externalId);
    if (Number.isInteger(id)) return id;
  }
  // Archived records count too: a reference already used must not be used again.
  const found = await client.search(record.model, record.referenceDomain, { limit: 2, order: 'id asc', context: { active_test: false }, signal: ctx.signal });
  const id = found[0];
  if (id === undefined) return undefined;
  if (found.length > 1) ctx.logger.warn({ model: record.model, canonicalId: record.canonicalId, ids: found }, `several ${record.model} records carry the reference of ${record.canonicalId}; using the oldest`);
  await bind(ctx, record.model, record.canonicalId, id);
  return id;
}

export async function bind(ctx: OperationContext, model: string, canonicalId: string, id: number): Promise<void> {
  await ctx.bindings.put(model, canonicalId, String(id), { model });
}
