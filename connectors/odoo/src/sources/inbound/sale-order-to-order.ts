// sale.order with its lines → canonical Order (emitted as order.updated): Odoo's states, invoice
// status and the payment state of its invoices in canonical terms.
import { defineMapping } from '@interline/hub';
import type { Mapping, Order } from '@interline/hub';
import { fromOdooDate, fromOdooDatetime } from '../../odoo-dates';
import { money, salesLines } from './sales-lines';
import type { OrderSnapshot } from './snapshots';

const STATES: Record<string, Order['state']> = { draft: 'draft', sent: 'sent', sale: 'confirmed', done: 'done', cancel: 'cancelled' };
const INVOICE_STATES: Record<string, Order['invoiceState']> = { no: 'nothing', 'to invoice': 'to-invoice', invoiced: 'invoiced', upselling: 'invoiced' };

export const saleOrderToOrder: Mapping<OrderSnapshot, Order> = defineMapping<OrderSnapshot, Order>({
  id: 'odoo/sale-order-to-order',
  from: 'Odoo sale.order with lines (change poller snapshot)',
  to: 'Order',
  description: 'Emitted as order.updated by the change poller.',
  map(snapshot) {
    const { order } = snapshot ?? {};
    if (!order || typeof order.id !== 'number') throw new Error('input is not a sale order snapshot: order is missing');
    const what = `sale.order ${order.id} ${order.name}`;
    const state = STATES[order.state];
    if (!state) throw new Error(`${what} has state "${order.state}", which the canonical Order does not know`);
    const { currency } = snapshot;
    const result: Order = {
      id: snapshot.orderId,
      number: order.name,
      customer: { partyId: snapshot.customerPartyId },
      currency,
      lines: salesLines(snapshot.lines, currency, snapshot.productCodes, what),
      totals: { untaxed: money(order.amount_untaxed, currency), tax: money(order.amount_tax, currency), total: money(order.amount_total, currency) },
      state,
      invoiceState: INVOICE_STATES[order.invoice_status || 'no'] ?? 'nothing',
      paymentState: paymentState(snapshot.invoicePaymentStates),
      orderedAt: fromOdooDatetime(order.date_order) as string,
      createdAt: fromOdooDatetime(order.create_date) as string,
      updatedAt: fromOdooDatetime(order.write_date) as string,
    };
    // When the connector made the order, client_order_ref is the canonical id and origin the customer's reference.
    const customerReference = snapshot.referenceIsCanonical ? order.origin : order.client_order_ref;
    if (customerReference) result.customerReference = customerReference.slice(0, 64);
    if (order.commitment_date) result.commitmentDate = order.commitment_date.slice(0, 10);
    const validUntil = fromOdooDate(order.validity_date);
    if (validUntil && (state === 'draft' || state === 'sent')) result.validUntil = validUntil;
    return result;
  },
});

function paymentState(states: readonly string[]): Order['paymentState'] {
  if (states.length === 0) return 'not_paid';
  const paid = states.filter((s) => s === 'paid' || s === 'in_payment').length;
  if (states.every((s) => s === 'reversed')) return 'refunded';
  if (paid === states.length) return 'paid';
  return paid > 0 || states.includes('partial') ? 'partial' : 'not_paid';
}
