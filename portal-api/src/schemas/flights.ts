// Flight schedules and capacity: the canonical Flight leg plus what is sold on each date.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { CapacityAllocationSchema, FlightReferenceSchema, FlightSchema, MoneySchema } from '@interline/hub';
import { embed, named } from './named-schemas';

const F = FlightSchema.properties;

export const SchedulePublicationSchema = named(
  'SchedulePublication',
  Type.Object(
    {
      schedule: embed(FlightSchema),
      ratePerKg: MoneySchema,
    },
    { additionalProperties: false, description: 'A schedule leg to sell (capacity.cargoWeightKg and cargoVolumeM3 are required) and the freight rate per chargeable kg.' },
  ),
);
export type SchedulePublication = Static<typeof SchedulePublicationSchema>;

const Amounts = (description: string) =>
  Type.Object(
    {
      weightKg: Type.Number({ minimum: 0, description: 'Kilograms.' }),
      volumeM3: Type.Number({ minimum: 0, description: 'Cubic metres.' }),
      seats: Type.Optional(Type.Integer({ minimum: 0, description: 'Passenger seats (passenger flights).' })),
    },
    { additionalProperties: false, description },
  );

export const FlightAvailabilitySchema = named(
  'FlightAvailability',
  Type.Object(
    {
      id: Type.String({ description: 'Flight id (carrier + number, date, origin).' }),
      flight: FlightReferenceSchema,
      departure: F.departure,
      arrival: F.arrival,
      aircraftType: F.aircraftType,
      serviceType: F.serviceType,
      state: F.state,
      capacity: Amounts('What is sold on this flight.'),
      booked: Amounts('Held and confirmed.'),
      remaining: Amounts('Capacity minus booked; never negative.'),
      ratePerKg: MoneySchema,
    },
    { additionalProperties: false, description: 'One flight on one date with its capacity and what is left of it.' },
  ),
);
export type FlightAvailability = Static<typeof FlightAvailabilitySchema>;

export const FlightListSchema = named('FlightList', Type.Object({ items: Type.Array(FlightAvailabilitySchema) }, { additionalProperties: false, description: 'Flights, by departure time.' }));

export const PublishedScheduleSchema = named(
  'PublishedSchedule',
  Type.Object({ flights: Type.Array(FlightAvailabilitySchema) }, { additionalProperties: false, description: 'The dated flights the schedule leg produced.' }),
);

export const FlightSearchQuery = Type.Object(
  {
    origin: F.departure.properties.airport,
    destination: F.arrival.properties.airport,
    date: Type.String({ format: 'date', description: 'Departure date, local to the origin (YYYY-MM-DD).' }),
  },
  { additionalProperties: false },
);

export const FlightIdParams = Type.Object({ flightId: Type.String({ pattern: '^[A-Z0-9]{2}[0-9]{1,4}[A-Z]?-[0-9]{4}-[0-9]{2}-[0-9]{2}-[A-Z]{3}$', description: 'Flight id, e.g. LH400-2025-03-14-FRA.' }) }, { additionalProperties: false });

export const AllocationRequestSchema = named(
  'AllocationRequest',
  Type.Object(
    {
      weightKg: Type.Number({ minimum: 0, description: 'Kilograms to hold.' }),
      volumeM3: Type.Number({ minimum: 0, description: 'Cubic metres to hold.' }),
      seats: Type.Optional(Type.Integer({ minimum: 0, maximum: 999, description: 'Seats to hold (passenger flights only).' })),
      holdSeconds: Type.Optional(Type.Integer({ minimum: 10, maximum: 86_400, description: 'How long the hold lasts unless confirmed (default 900).' })),
    },
    { additionalProperties: false, description: 'Capacity to hold on a flight for a while.' },
  ),
);
export type AllocationRequest = Static<typeof AllocationRequestSchema>;

export const AllocationSchema = named(
  'Allocation',
  Type.Object(
    {
      flightId: Type.String(),
      seats: Type.Integer({ minimum: 0 }),
      allocation: CapacityAllocationSchema,
    },
    { additionalProperties: false, description: 'A capacity allocation (held, confirmed, released or expired) on a flight.' },
  ),
);
export type Allocation = Static<typeof AllocationSchema>;
