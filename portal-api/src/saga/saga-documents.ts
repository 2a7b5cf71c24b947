// The canonical documents the saga sends out for its later steps: the sale order (Odoo) and the
// payment request (payment provider), both derived from the booking and its price.
import { uuidv7 } from '@interline/hub';
import type { Invoice, Order, Payment } from '@interline/hub';
import type { BookingRecord } from '../shipments/booking-store';

export function saleOrderFor(record: BookingRecord, at: string): Order {
  const { booking, shipment, charge } = record;
  const leg = booking.route[0];
  const flight = leg ? `${leg.flight.carrier}${leg.flight.flightNumber}/${leg.flight.date}` : '';
  const quantity = booking.chargeableWeightKg ?? booking.weightKg;
  const order: Order = {
    id: uuidv7(),
    customer: booking.requestedBy,
    currency: charge.currency,
    lines: [
      {
        sequence: 1,
        productCode: `AF-${booking.productCode ?? 'GEN'}`.slice(0, 64),
        description: `Air freight ${booking.origin}-${booking.destination} ${flight}, chargeable weight`,
        quantity: quantity > 0 ? quantity : 1,
        unit: 'kg',
        unitPrice: { amountMinor: quantity > 0 ? Math.round(charge.amountMinor / quantity) : charge.amountMinor, currency: charge.currency },
        taxes: [],
        subtotal: charge,
        shipmentId: shipment.id,
        awb: shipment.waybill.number,
      },
    ],
    totals: { untaxed: charge, tax: { amountMinor: 0, currency: charge.currency }, total: charge },
    state: 'confirmed',
    invoiceState: 'to-invoice',
    paymentState: 'not_paid',
    orderedAt: at,
    shipmentIds: [shipment.id],
    bookingIds: [booking.id],
    createdAt: at,
  };
  if (shipment.customerReference) order.customerReference = shipment.customerReference;
  return order;
}

/** Days between the invoice date and its due date. */
const PAYMENT_TERM_DAYS = 14;

/**
 * The invoice for the booking's sale order (`orderId`; `order` gives the lines), posted at once: the
 * booking is priced, so there is nothing to draft. Odoo numbers it on posting; ours is INV-<AWB>.
 */
export function invoiceFor(order: Order, awb: string, at: string, orderId = order.id): Invoice {
  const issueDate = at.slice(0, 10);
  const dueDate = new Date(Date.parse(`${issueDate}T00:00:00Z`) + PAYMENT_TERM_DAYS * 86_400_000).toISOString().slice(0, 10);
  return {
    id: uuidv7(),
    number: `INV-${awb}`,
    kind: 'invoice',
    customer: order.customer,
    orderId,
    currency: order.currency,
    lines: order.lines,
    totals: { ...order.totals, amountDue: order.totals.total },
    state: 'posted',
    paymentState: 'not_paid',
    issueDate,
    dueDate,
    paymentReference: `INV-${awb}`,
    createdAt: at,
  };
}

export function paymentRequestFor(record: BookingRecord, orderId: string | undefined, at: string, invoiceId?: string): Payment {
  const { booking, shipment, charge } = record;
  return {
    id: uuidv7(),
    amount: charge,
    status: 'requires_payment_method',
    captureMethod: 'automatic',
    links: { bookingId: booking.id, shipmentId: shipment.id, ...(orderId ? { orderId } : {}), ...(invoiceId ? { invoiceId } : {}) },
    customerPartyId: booking.requestedBy.partyId,
    provider: { name: 'stripe' },
    description: `Air freight ${shipment.waybill.number} ${booking.origin}-${booking.destination}`,
    createdAt: at,
  };
}
