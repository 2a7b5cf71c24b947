// Builds the canonical Shipment and CargoBooking for a booking request: totals from the pieces,
// the chargeable weight (IATA 1:6000, 166.67 kg per m³) and the price at the flight's rate.
import type { CapacityAllocation, CargoBooking, FlightReference, Money, Piece, Shipment } from '@interline/hub';
import { invalidRequest } from '../http/problem';
import type { FieldError } from '../http/problem';
import { round3 } from '../flights/flight-rows';
import type { BookingRequest } from '../schemas/shipments';

const KG_PER_M3 = 166.67;

export interface Totals {
  pieceCount: number;
  grossWeightKg: number;
  volumeM3: number;
  chargeableWeightKg: number;
}

/** Sums of the pieces; a piece without volumeM3 needs dimensions to compute it. */
export function totalsOf(request: BookingRequest): Totals {
  const errors: FieldError[] = [];
  let volume = 0;
  request.pieces.forEach((piece, index) => {
    if (piece.volumeM3 !== undefined) volume += piece.volumeM3;
    else if (piece.dimensions) volume += (piece.dimensions.lengthCm * piece.dimensions.widthCm * piece.dimensions.heightCm * piece.count) / 1_000_000;
    else errors.push({ in: 'body', path: `/pieces/${index}/volumeM3`, message: 'is required when dimensions are not given (the volume is held on the flight)', rule: 'required' });
  });
  if (errors.length > 0) throw invalidRequest(errors);
  const grossWeightKg = round3(request.pieces.reduce((sum, piece) => sum + piece.grossWeightKg, 0));
  const volumeM3 = round3(volume);
  // Charged per half kilogram, rounded up, as carriers do.
  const chargeableWeightKg = Math.ceil(Math.max(grossWeightKg, volumeM3 * KG_PER_M3) * 2) / 2;
  return { pieceCount: request.pieces.reduce((sum, piece) => sum + piece.count, 0), grossWeightKg, volumeM3, chargeableWeightKg };
}

export function chargeFor(totals: Totals, ratePerKg: Money): Money {
  return { amountMinor: Math.round(totals.chargeableWeightKg * ratePerKg.amountMinor), currency: ratePerKg.currency };
}

export interface BookingParts {
  shipmentId: string;
  bookingId: string;
  awb: string;
  flight: FlightReference;
  totals: Totals;
  allocation: CapacityAllocation;
  at: string;
}

export function buildShipment(request: BookingRequest, parts: BookingParts): Shipment {
  const pieces: Piece[] = request.pieces.map((piece, index) => ({ ...piece, id: `${parts.shipmentId}-${index + 1}` }));
  const shipment: Shipment = {
    id: parts.shipmentId,
    waybill: { type: 'direct', number: parts.awb },
    shipper: request.shipper,
    consignee: request.consignee,
    origin: request.origin,
    destination: request.destination,
    pieces,
    totals: { pieceCount: parts.totals.pieceCount, grossWeightKg: parts.totals.grossWeightKg, volumeM3: parts.totals.volumeM3, chargeableWeightKg: parts.totals.chargeableWeightKg },
    goodsDescription: request.goodsDescription,
    chargesPayment: request.chargesPayment,
    bookingId: parts.bookingId,
    status: 'booking-requested',
    createdAt: parts.at,
  };
  if (request.agent) shipment.agent = request.agent;
  if (request.notify) shipment.notify = request.notify;
  if (request.specialHandlingCodes) shipment.specialHandlingCodes = request.specialHandlingCodes;
  if (request.declaredValueForCarriage) shipment.declaredValueForCarriage = request.declaredValueForCarriage;
  if (request.declaredValueForCustoms) shipment.declaredValueForCustoms = request.declaredValueForCustoms;
  if (request.customerReference) shipment.customerReference = request.customerReference;
  return shipment;
}

export function buildBooking(request: BookingRequest, parts: BookingParts): CargoBooking {
  const booking: CargoBooking = {
    id: parts.bookingId,
    shipmentId: parts.shipmentId,
    awb: parts.awb,
    requestedBy: request.agent ?? request.shipper,
    origin: request.origin,
    destination: request.destination,
    route: [{ sequence: 1, flight: parts.flight, origin: request.origin, destination: request.destination }],
    pieceCount: parts.totals.pieceCount,
    weightKg: parts.totals.grossWeightKg,
    volumeM3: parts.totals.volumeM3,
    chargeableWeightKg: parts.totals.chargeableWeightKg,
    goodsDescription: request.goodsDescription,
    state: 'held',
    allocations: [parts.allocation],
    requestedAt: parts.at,
  };
  if (request.specialHandlingCodes) booking.specialHandlingCodes = request.specialHandlingCodes;
  if (request.productCode) booking.productCode = request.productCode;
  return booking;
}
