// Canonical CargoBooking → the input of odoo.createSaleOrder: one air-freight line for the chargeable
// weight, priced by Odoo's pricelist (a booking carries no prices), pharma product for pharma codes.
import { defineMapping } from '@interline/hub';
import type { CargoBooking } from '@interline/hub';
import { odooDatetime, odooDatetimeOfDate, textOrFalse } from './odoo-values';
import type { CreateSaleOrderInput } from './order-to-sale-order.mapping';

/** Special handling codes that make a shipment temperature-controlled pharma freight. */
const PHARMA_CODES = ['PIL', 'ACT', 'COL', 'CRT', 'ERT', 'PIP', 'FRO'];
/** Bookings carry no price; the sale order is priced in the company currency by Odoo's pricelist. */
const CURRENCY = 'EUR';

export default defineMapping<CargoBooking, CreateSaleOrderInput>({
  id: 'odoo/cargo-booking-to-sale-order',
  from: 'CargoBooking',
  to: 'odoo.createSaleOrder input (sale.order with one freight line)',
  description: 'Quotation while requested or held, confirmed sales order once the carrier confirmed; AF-PHARMA or AF-GEN by special handling codes.',
  map(booking) {
    if (!booking || typeof booking.id !== 'string' || !Array.isArray(booking.route)) throw new Error('input is not a CargoBooking: id or route is missing');
    if (booking.state === 'rejected' || booking.state === 'cancelled') {
      throw new Error(`booking ${booking.id} is ${booking.state}; there is no sale to record in Odoo (filter ${booking.state} bookings out of the route)`);
    }
    const weight = booking.chargeableWeightKg ?? booking.weightKg;
    if (!(weight > 0)) throw new Error(`booking ${booking.id} has no weight to charge (chargeableWeightKg / weightKg is 0)`);
    const legs = [...booking.route].sort((a, b) => a.sequence - b.sequence);
    const flights = legs.map((leg) => `${leg.flight.carrier}${leg.flight.flightNumber}/${leg.flight.date}`).join(' ');
    const pharma = (booking.specialHandlingCodes ?? []).some((code) => PHARMA_CODES.includes(code));
    const first = legs[0];
    return {
      orderId: booking.id,
      customerPartyId: booking.requestedBy.partyId,
      currency: CURRENCY,
      order: {
        origin: textOrFalse(booking.awb ?? booking.carrierReference),
        date_order: odooDatetime(booking.requestedAt, `booking ${booking.id} requestedAt`),
        commitment_date: first?.scheduledDeparture ? odooDatetime(first.scheduledDeparture, `booking ${booking.id} departure`) : first ? odooDatetimeOfDate(first.flight.date) : false,
      },
      lines: [
        {
          productCode: pharma ? 'AF-PHARMA' : 'AF-GEN',
          vals: {
            name: `Air freight ${booking.origin}-${booking.destination} ${flights}: ${booking.goodsDescription}, ${booking.pieceCount} pcs, ${booking.weightKg} kg gross`,
            product_uom_qty: weight,
            sequence: 1,
          },
        },
      ],
      confirm: booking.state === 'confirmed',
    };
  },
});
