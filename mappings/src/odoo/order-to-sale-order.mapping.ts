// Canonical Order → the input of odoo.createSaleOrder: the customer by canonical party id, one
// sale.order.line per line (product by code, price as a decimal), confirmed when the order is.
import { defineMapping } from '@interline/hub';
import type { Order } from '@interline/hub';
import { decimal, odooDatetime, odooDatetimeOfDate, textOrFalse } from './odoo-values';

export interface SaleOrderLineInput {
  productCode?: string;
  vals: { name: string; product_uom_qty: number; price_unit?: number; discount?: number; sequence?: number };
}

export interface CreateSaleOrderInput {
  orderId: string;
  customerPartyId: string;
  invoicePartyId?: string;
  currency: string;
  order: { origin?: string | false; date_order?: string; commitment_date?: string | false; validity_date?: string | false; note?: string | false };
  lines: SaleOrderLineInput[];
  confirm: boolean;
}

export default defineMapping<Order, CreateSaleOrderInput>({
  id: 'odoo/order-to-sale-order',
  from: 'Order',
  to: 'odoo.createSaleOrder input (sale.order with lines)',
  description: 'client_order_ref carries the canonical id (set by the operation); the customer reference goes to origin.',
  map(order) {
    if (!order || typeof order.id !== 'string' || !Array.isArray(order.lines)) throw new Error('input is not an Order: id or lines is missing');
    if (order.state === 'cancelled') throw new Error(`order ${order.id} is cancelled; there is nothing to create in Odoo (filter cancelled orders out of the route)`);
    if (order.lines.length === 0) throw new Error(`order ${order.id} has no lines; Odoo needs at least one sale.order.line`);
    const input: CreateSaleOrderInput = {
      orderId: order.id,
      customerPartyId: order.customer.partyId,
      currency: order.currency,
      order: {
        origin: textOrFalse(order.customerReference),
        date_order: odooDatetime(order.orderedAt, `order ${order.id} orderedAt`),
        commitment_date: order.commitmentDate ? odooDatetimeOfDate(order.commitmentDate) : false,
        validity_date: textOrFalse(order.validUntil),
      },
      lines: order.lines.map((line) => {
        const mapped: SaleOrderLineInput = {
          vals: {
            name: line.description,
            product_uom_qty: line.quantity,
            price_unit: decimal(line.unitPrice, order.currency, `order ${order.id} line ${line.sequence} unitPrice`),
            discount: line.discountPercent ?? 0,
            sequence: line.sequence,
          },
        };
        if (line.productCode) mapped.productCode = line.productCode;
        return mapped;
      }),
      confirm: order.state === 'confirmed' || order.state === 'done',
    };
    if (order.invoiceTo && order.invoiceTo.partyId !== order.customer.partyId) input.invoicePartyId = order.invoiceTo.partyId;
    return input;
  },
});
