// Changed sale.order rows → order.updated events: each order read with its lines, its customer's
// canonical id, its products' codes and the payment state of its posted invoices.
import type { ConnectorContext } from '@interline/hub';
import type { OdooClient } from '../client';
import { many2oneId, many2oneName } from '../client';
import type { ChangeRow } from './change-feed';
import { canonicalIdOf, eventIdFor } from './identity';
import type { Identity } from './identity';
import { saleOrderToOrder } from './inbound/sale-order-to-order';
import type { OrderRead, SalesLineRead } from './inbound/snapshots';
import { mappingContext, partyIdsOf, productCodesOf } from './pending-event';
import type { PendingEvent } from './pending-event';

const ORDER_FIELDS = [
  'name', 'client_order_ref', 'origin', 'state', 'invoice_status', 'date_order', 'commitment_date', 'validity_date', 'amount_untaxed', 'amount_tax', 'amount_total',
  'create_date', 'write_date', 'create_uid', 'partner_id', 'currency_id', 'order_line', 'invoice_ids',
];
const LINE_FIELDS = ['order_id', 'sequence', 'product_id', 'name', 'product_uom_qty', 'price_unit', 'discount', 'price_subtotal'];

type OrderRow = OrderRead & { create_uid: unknown; partner_id: unknown; currency_id: unknown; order_line: number[]; invoice_ids: number[] };
type LineRow = Omit<SalesLineRead, 'quantity'> & { order_id: unknown; product_uom_qty: number };

export async function orderEvents(client: OdooClient, ctx: ConnectorContext, identity: Identity, rows: readonly ChangeRow[], signal: AbortSignal): Promise<PendingEvent[]> {
  if (rows.length === 0) return [];
  const context = { active_test: false };
  const orders = await client.read<OrderRow>('sale.order', rows.map((r) => r.id), ORDER_FIELDS, { signal, context });
  const lines = await client.read<LineRow>('sale.order.line', orders.flatMap((o) => o.order_line), LINE_FIELDS, { signal });
  const productCodes = await productCodesOf(client, lines.flatMap((l) => (l.product_id ? [l.product_id[0]] : [])), signal);
  const parties = await partyIdsOf(client, identity, orders.flatMap((o) => many2oneId(o.partner_id) ?? []), signal);
  const invoices = await client.read<{ id: number; state: string; payment_state: string }>('account.move', orders.flatMap((o) => o.invoice_ids), ['state', 'payment_state'], { signal });
  const events: PendingEvent[] = [];
  for (const order of orders) {
    const { id: orderId, ours } = canonicalIdOf(identity, 'sale.order', order, order.client_order_ref);
    const snapshot = {
      orderId,
      customerPartyId: parties.get(many2oneId(order.partner_id) ?? 0) ?? '',
      referenceIsCanonical: ours,
      currency: many2oneName(order.currency_id) ?? '',
      order,
      lines: lines.filter((l) => many2oneId(l.order_id) === order.id).map(({ product_uom_qty, ...line }) => ({ ...line, quantity: product_uom_qty })),
      productCodes,
      invoicePaymentStates: invoices.filter((i) => order.invoice_ids.includes(i.id) && i.state === 'posted').map((i) => i.payment_state),
    };
    try {
      const data = await saleOrderToOrder.map(snapshot, mappingContext());
      events.push({ type: 'order.updated', id: eventIdFor(identity, 'sale.order', order.id, order.write_date, data), data, subject: orderId, partitionkey: orderId });
    } catch (error) {
      ctx.logger.warn({ model: 'sale.order', id: order.id }, `change poller skips sale.order ${order.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return events;
}
