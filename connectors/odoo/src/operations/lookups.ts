// Turning the codes a mapping produces into Odoo ids: countries by ISO code, states, currencies,
// pricelists, products by Internal Reference, and canonical parties / orders / invoices through
// their bindings. Reference data is cached per client; a missing code is a permanent error that
// says what to create in Odoo or fix in the mapping.
import { PermanentError, TransientError } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type { OdooClient } from '../client';
import { findBound } from './bindings';

async function cached(client: OdooClient, key: string, load: () => Promise<number | undefined>): Promise<number | undefined> {
  const hit = client.lookups.get(key);
  if (hit !== undefined) return hit;
  const id = await load();
  if (id !== undefined) client.lookups.set(key, id);
  return id;
}

export async function countryId(client: OdooClient, code: string, signal: AbortSignal): Promise<number> {
  const id = await cached(client, `res.country:${code}`, async () => (await client.search('res.country', [['code', '=', code]], { limit: 1, signal }))[0]);
  if (id === undefined) throw new PermanentError(`country "${code}" has no res.country in Odoo (searched by code); use an ISO 3166-1 alpha-2 code Odoo knows`, { country: code });
  return id;
}

/** The state within a country, or undefined (a region Odoo does not list is left out, not an error). */
export async function stateId(client: OdooClient, country: number, code: string, signal: AbortSignal): Promise<number | undefined> {
  return cached(client, `res.country.state:${country}:${code}`, async () => (await client.search('res.country.state', [['country_id', '=', country], ['code', '=', code]], { limit: 1, signal }))[0]);
}

export async function currencyId(client: OdooClient, code: string, signal: AbortSignal): Promise<number> {
  const id = await cached(client, `res.currency:${code}`, async () => (await client.search('res.currency', [['name', '=', code]], { limit: 1, context: { active_test: false }, signal }))[0]);
  if (id === undefined) throw new PermanentError(`currency ${code} has no res.currency in Odoo; activate it in Odoo (Accounting → Settings → Currencies)`, { currency: code });
  return id;
}

/** Odoo prices a sale order in its pricelist's currency, so the currency picks the pricelist. */
export async function pricelistId(client: OdooClient, currency: string, signal: AbortSignal): Promise<number> {
  const currencyRecord = await currencyId(client, currency, signal);
  const id = await cached(client, `product.pricelist:${currency}`, async () => (await client.search('product.pricelist', [['currency_id', '=', currencyRecord]], { limit: 1, order: 'id asc', signal }))[0]);
  if (id === undefined) throw new PermanentError(`Odoo has no pricelist in ${currency}, so a sale order cannot be priced in it; create one (Sales → Products → Pricelists)`, { currency });
  return id;
}

/** Products by Internal Reference (default_code), all codes in one search. */
export async function productIds(client: OdooClient, codes: readonly string[], signal: AbortSignal): Promise<Map<string, number>> {
  const wanted = [...new Set(codes)];
  const result = new Map<string, number>();
  const unknown = wanted.filter((code) => {
    const hit = client.lookups.get(`product.product:${code}`);
    if (hit !== undefined) result.set(code, hit);
    return hit === undefined;
  });
  if (unknown.length > 0) {
    const rows = await client.searchRead<{ id: number; default_code: string | false }>('product.product', [['default_code', 'in', unknown]], ['default_code'], { signal });
    for (const row of rows) {
      if (typeof row.default_code !== 'string') continue;
      result.set(row.default_code, row.id);
      client.lookups.set(`product.product:${row.default_code}`, row.id);
    }
  }
  const missing = wanted.filter((code) => !result.has(code));
  if (missing.length > 0) {
    throw new PermanentError(`product ${missing.map((c) => `"${c}"`).join(', ')} has no product.product with that Internal Reference (default_code) in Odoo; create it or fix the mapping's product codes`, { products: missing });
  }
  return result;
}

/** The partner of a canonical party; not there yet is transient (the party's own message may still be on its way). */
export async function partnerIdFor(client: OdooClient, ctx: OperationContext, partyId: string): Promise<number> {
  const id = await findBound(client, ctx, { model: 'res.partner', canonicalId: partyId, referenceDomain: [['ref', '=', partyId], ['parent_id', '=', false]] });
  if (id === undefined) {
    throw new TransientError(`party ${partyId} is not in Odoo yet (no binding, no res.partner with ref ${partyId}); will retry — it arrives when the party is delivered to odoo.upsertCustomer`, { partyId });
  }
  return id;
}

export async function saleOrderIdFor(client: OdooClient, ctx: OperationContext, orderId: string): Promise<number | undefined> {
  return findBound(client, ctx, { model: 'sale.order', canonicalId: orderId, referenceDomain: [['client_order_ref', '=', orderId]] });
}

export async function invoiceIdFor(client: OdooClient, ctx: OperationContext, invoiceId: string): Promise<number | undefined> {
  return findBound(client, ctx, { model: 'account.move', canonicalId: invoiceId, referenceDomain: [['ref', '=', invoiceId], ['move_type', 'in', ['out_invoice', 'out_refund']]] });
}
