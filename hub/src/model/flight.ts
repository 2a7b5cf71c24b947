// Flight: one leg of an airline schedule over a period (SSIM record type 3, SSM/ASM changes),
// with the capacity the cargo side sells against.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { airportCode, carrierCode, count, date, flightNumber, id, localTime, operationalSuffix, text, timestamp, utcOffset, volumeM3, weightKg } from './common';
import { modelOptions, StringEnum } from './schema-helpers';

/** SSIM Appendix C service types the hub meets; the letter is what SSIM and SSM carry. */
export const SERVICE_TYPES = {
  J: 'Scheduled passenger, normal service',
  S: 'Scheduled passenger, shuttle mode',
  U: 'Passenger service operated by surface vehicle',
  F: 'Scheduled cargo and/or mail',
  V: 'Cargo and/or mail operated by surface vehicle',
  M: 'Scheduled mail only',
  Q: 'Scheduled passenger and cargo in cabin (combi)',
  G: 'Additional passenger flight, normal service',
  A: 'Additional cargo and/or mail flight',
  C: 'Charter, passenger only',
  H: 'Charter, cargo and/or mail',
  P: 'Non-revenue (positioning, ferry, delivery, demo)',
  T: 'Technical test',
  K: 'Training',
} as const satisfies Record<string, string>;

const SERVICE_TYPE_LIST = Object.keys(SERVICE_TYPES) as (keyof typeof SERVICE_TYPES)[];

const endpoint = (which: string) =>
  Type.Object(
    {
      airport: airportCode(`${which} airport.`),
      scheduledTime: localTime(`Scheduled ${which.toLowerCase()} time at the airport.`),
      utcOffset: utcOffset(`UTC offset of the ${which.toLowerCase()} airport during the period.`),
      terminal: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{1,2}$', description: 'Terminal (SSIM passenger terminal).' })),
    },
    { additionalProperties: false, description: `${which} of the leg.` },
  );

export const FlightSchema = Type.Object(
  {
    id: id('Canonical schedule leg id.'),
    carrier: carrierCode('Operating carrier.'),
    flightNumber: flightNumber('Flight number.'),
    operationalSuffix: Type.Optional(operationalSuffix('Suffix distinguishing operational variants.')),
    itineraryVariation: Type.Optional(Type.Integer({ minimum: 1, maximum: 99, description: 'SSIM itinerary variation identifier.' })),
    legSequence: Type.Optional(Type.Integer({ minimum: 1, maximum: 99, description: 'Leg number within a multi-leg flight.' })),
    departure: endpoint('Departure'),
    arrival: endpoint('Arrival'),
    arrivalDayOffset: Type.Integer({ minimum: -1, maximum: 3, description: 'Days between local departure and local arrival date (SSIM date variation; -1 when crossing the date line westward).' }),
    period: Type.Object(
      {
        from: date('First day of operation.'),
        to: date('Last day of operation (inclusive).'),
      },
      { additionalProperties: false, description: 'Period of operation.' },
    ),
    daysOfOperation: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
      minItems: 1,
      maxItems: 7,
      uniqueItems: true,
      description: 'Weekdays the leg operates within the period, 1 = Monday … 7 = Sunday (SSIM "1.3.5.7" is [1, 3, 5, 7]).',
    }),
    aircraftType: Type.String({ pattern: '^[A-Z0-9]{3}$', description: 'IATA aircraft type code (77F, 744, 359).' }),
    serviceType: StringEnum(SERVICE_TYPE_LIST, { description: 'SSIM service type; see SERVICE_TYPES.' }),
    capacity: Type.Optional(
      Type.Object(
        {
          cargoWeightKg: Type.Optional(weightKg('Cargo payload the carrier sells.')),
          cargoVolumeM3: Type.Optional(volumeM3('Cargo volume the carrier sells.')),
          seats: Type.Optional(count('Passenger seats.', 0)),
        },
        { additionalProperties: false, description: 'Sellable capacity per operation.' },
      ),
    ),
    state: StringEnum(['active', 'cancelled'] as const, { description: 'cancelled after an SSM/ASM CNL; kept so bookings on it can be found.' }),
    remarks: Type.Optional(text('Schedule remarks.', 200)),
    updatedAt: timestamp('When this version of the leg was published.'),
  },
  modelOptions('flight', 'Flight (schedule leg)', 'A scheduled flight leg over a period of operation: times in local time with UTC offsets, days, aircraft, capacity.'),
);
export type Flight = Static<typeof FlightSchema>;

export { flightExamples } from './examples/flight';
