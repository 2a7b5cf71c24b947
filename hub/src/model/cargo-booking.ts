// CargoBooking: a request for space on flights and the carrier's answer, with the capacity it holds.
// Maps to ONE Record BookingRequest/Booking, airline SOAP booking services and Cargo-IMP FFR/FFA.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { awbNumber } from './awb';
import { airportCode, count, FlightReferenceSchema, id, text, timestamp, volumeM3, weightKg } from './common';
import { partyRef } from './party';
import { modelOptions, StringEnum } from './schema-helpers';
import { specialHandlingCodes } from './special-handling';

export const BOOKING_STATES = ['requested', 'held', 'confirmed', 'rejected', 'cancelled'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

export const ALLOCATION_STATES = ['held', 'confirmed', 'released', 'expired'] as const;

export const RouteLegSchema = Type.Object(
  {
    sequence: count('Order of the leg in the route, from 1.'),
    flight: FlightReferenceSchema,
    origin: airportCode('Leg departure airport.'),
    destination: airportCode('Leg arrival airport.'),
    scheduledDeparture: Type.Optional(timestamp('Scheduled departure.')),
    scheduledArrival: Type.Optional(timestamp('Scheduled arrival.')),
  },
  { additionalProperties: false, description: 'One flight leg of the requested or booked route.' },
);

export const CapacityAllocationSchema = Type.Object(
  {
    id: id('Canonical allocation id.'),
    flight: FlightReferenceSchema,
    weightKg: weightKg('Weight allocated on the flight.'),
    volumeM3: volumeM3('Volume allocated on the flight.'),
    state: StringEnum(ALLOCATION_STATES, { description: 'held until confirmed or expired; released when given back.' }),
    holdExpiresAt: Type.Optional(timestamp('When a held allocation lapses unless confirmed.')),
    allotmentCode: Type.Optional(text('Allotment or contract the space comes from.', 35)),
  },
  {
    additionalProperties: false,
    description: 'Space set aside for a booking on one flight.',
    // A hold without an expiry would block capacity for ever.
    if: { properties: { state: { const: 'held' } }, required: ['state'] },
    then: { required: ['holdExpiresAt'] },
  },
);
export type CapacityAllocation = Static<typeof CapacityAllocationSchema>;

export const CargoBookingSchema = Type.Object(
  {
    id: id('Canonical booking id.'),
    shipmentId: Type.Optional(id('Canonical shipment id the booking is for.')),
    awb: Type.Optional(awbNumber('AWB the space is booked under, once assigned.')),
    carrierReference: Type.Optional(text('The carrier’s booking reference.', 35)),
    requestedBy: partyRef('Agent or customer asking for space.'),
    carrier: Type.Optional(partyRef('Airline that is asked for, or gave, the space.')),
    origin: airportCode('First departure airport.'),
    destination: airportCode('Final arrival airport.'),
    route: Type.Array(RouteLegSchema, { minItems: 1, maxItems: 8, description: 'Requested flights, replaced by the booked ones on confirmation.' }),
    pieceCount: count('Pieces to carry.'),
    weightKg: weightKg('Gross weight to carry.'),
    volumeM3: volumeM3('Volume to carry.'),
    chargeableWeightKg: Type.Optional(weightKg('Chargeable weight.')),
    goodsDescription: text('Nature of goods.', 600),
    specialHandlingCodes: Type.Optional(specialHandlingCodes('Special handling codes that decide which flights can take it.')),
    productCode: Type.Optional(text('Carrier product (td.Pro, PRIO, GEN).', 20)),
    state: StringEnum(BOOKING_STATES, { description: 'requested → held → confirmed; or rejected / cancelled with a reason.' }),
    stateReason: Type.Optional(
      Type.Object(
        {
          code: Type.Optional(text('Machine-readable reason from the carrier or hub (NO_CAPACITY, EMBARGO).', 35)),
          text: text('Reason in words.', 500),
        },
        { additionalProperties: false, description: 'Why the booking is rejected or cancelled; required in those states.' },
      ),
    ),
    allocations: Type.Array(CapacityAllocationSchema, { description: 'Capacity held or confirmed per flight; empty until the carrier answers.' }),
    requestedAt: timestamp('When space was asked for.'),
    updatedAt: Type.Optional(timestamp('Last change.')),
  },
  modelOptions('cargo-booking', 'Cargo booking', 'A request for cargo space on flights, its state, and the capacity allocated to it.', {
    // Rejections and cancellations reach people (portal, e-mail); "rejected" alone is not actionable.
    if: { properties: { state: { enum: ['rejected', 'cancelled'] } }, required: ['state'] },
    then: { required: ['stateReason'] },
  }),
);
export type CargoBooking = Static<typeof CargoBookingSchema>;

export { cargoBookingExamples } from './examples/cargo-booking';
