// createSaleOrder: a canonical order or cargo booking (mapped by odoo/order-to-sale-order or
// odoo/cargo-booking-to-sale-order) → a sale.order with its lines as one2many create commands, then
// action_confirm. client_order_ref carries the canonical id; the binding is written before the
// confirmation, so a retry after any lost answer confirms the order it created rather than a new one.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { defineOperation } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type { OdooClient } from '../client';
import { bind } from './bindings';
import { partnerIdFor, pricelistId, productIds, saleOrderIdFor } from './lookups';
import { CanonicalId, CurrencyCode, OdooDate, OdooDatetime, OdooText, lineSchema } from './input-schemas';

export const CreateSaleOrderInput = Type.Object(
  {
    orderId: CanonicalId,
    customerPartyId: CanonicalId,
    invoicePartyId: Type.Optional(CanonicalId),
    currency: CurrencyCode,
    order: Type.Object(
      {
        origin: Type.Optional(OdooText),
        date_order: Type.Optional(OdooDatetime),
        commitment_date: Type.Optional(OdooDatetime),
        validity_date: Type.Optional(OdooDate),
        note: Type.Optional(OdooText),
      },
      { additionalProperties: false },
    ),
    lines: Type.Array(lineSchema('product_uom_qty'), { minItems: 1, maxItems: 500 }),
    confirm: Type.Boolean({ description: 'Call action_confirm (quotation → sales order).' }),
  },
  { additionalProperties: false, description: 'Output of odoo/order-to-sale-order and odoo/cargo-booking-to-sale-order.' },
);
export type CreateSaleOrderInput = Static<typeof CreateSaleOrderInput>;

export interface SaleOrderResult {
  saleOrderId: number;
  name: string;
  state: string;
  created: boolean;
}

export const createSaleOrder = defineOperation({
  summary: 'Create a sale.order (client_order_ref = canonical id) with its lines, then confirm it; a redelivery finds and finishes the same order.',
  input: CreateSaleOrderInput,
  sideEffect: true,
  async run(client: OdooClient, input, ctx: OperationContext): Promise<SaleOrderResult> {
    const { signal } = ctx;
    let id = await saleOrderIdFor(client, ctx, input.orderId);
    const created = id === undefined;
    if (id === undefined) {
      const partner = await partnerIdFor(client, ctx, input.customerPartyId);
      const invoicePartner = input.invoicePartyId ? await partnerIdFor(client, ctx, input.invoicePartyId) : partner;
      const products = await productIds(client, input.lines.flatMap((line) => (line.productCode ? [line.productCode] : [])), signal);
      id = await client.create(
        'sale.order',
        {
          ...input.order,
          partner_id: partner,
          partner_invoice_id: invoicePartner,
          pricelist_id: await pricelistId(client, input.currency, signal),
          client_order_ref: input.orderId,
          order_line: input.lines.map((line) => [0, 0, { ...line.vals, ...(line.productCode ? { product_id: products.get(line.productCode) } : {}) }]),
        },
        { signal },
      );
      await bind(ctx, 'sale.order', input.orderId, id);
    }
    let [order] = await client.read<{ id: number; name: string; state: string }>('sale.order', [id], ['name', 'state'], { signal });
    if (input.confirm && order && (order.state === 'draft' || order.state === 'sent')) {
      await client.action('sale.order', 'action_confirm', [id], { signal });
      [order] = await client.read<{ id: number; name: string; state: string }>('sale.order', [id], ['name', 'state'], { signal });
    }
    return { saleOrderId: id, name: order?.name ?? '', state: order?.state ?? 'unknown', created };
  },
});
