// The canonical ids a PaymentIntent or Refund carries in Stripe metadata. They are what lets a
// webhook event, which only knows Stripe ids, be turned back into a canonical Payment or Refund.
import type { Payment } from '@interline/hub';

/** Stripe metadata keys (at most 40 characters each; values at most 500). */
export const METADATA = {
  paymentId: 'interline_payment_id',
  refundId: 'interline_refund_id',
  tenant: 'interline_tenant',
  customerPartyId: 'interline_customer_party_id',
  refundReason: 'interline_refund_reason',
  creditNoteId: 'interline_credit_note_id',
  bookingId: 'interline_booking_id',
  shipmentId: 'interline_shipment_id',
  orderId: 'interline_order_id',
  invoiceId: 'interline_invoice_id',
  pnrId: 'interline_pnr_id',
} as const;

export type PaymentLinks = Payment['links'];

const LINK_KEYS: Array<[keyof PaymentLinks, string]> = [
  ['bookingId', METADATA.bookingId],
  ['shipmentId', METADATA.shipmentId],
  ['orderId', METADATA.orderId],
  ['invoiceId', METADATA.invoiceId],
  ['pnrId', METADATA.pnrId],
];

/** Metadata entries for the business objects a payment settles. */
export function linksToMetadata(links: Partial<PaymentLinks> | undefined): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [field, key] of LINK_KEYS) {
    const value = links?.[field];
    if (value !== undefined) metadata[key] = value;
  }
  return metadata;
}

/** The links found in metadata; undefined when there are none (the canonical model needs at least one). */
export function linksFromMetadata(metadata: Record<string, string> | null | undefined): PaymentLinks | undefined {
  const links: Partial<PaymentLinks> = {};
  for (const [field, key] of LINK_KEYS) {
    const value = metadata?.[key];
    if (typeof value === 'string' && value !== '') links[field] = value;
  }
  return Object.keys(links).length > 0 ? (links as PaymentLinks) : undefined;
}
