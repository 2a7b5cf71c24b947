// Building blocks every canonical object shares: ids, times, money, measures, places and contacts.
// Factories take a description, so every field that uses them still says what it means.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { CurrencyCodeSchema } from './currency';
import { StringEnum } from './schema-helpers';

/** Canonical ids: UUIDs or readable keys; never an external system's id (those live in bindings). */
export function id(description: string) {
  return Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$', description });
}

/** An instant: RFC 3339 with an offset, so it is unambiguous without the sender's time zone. */
export function timestamp(description: string) {
  return Type.String({ format: 'date-time', description: `${description} RFC 3339 with offset, e.g. 2025-03-14T09:30:00Z.` });
}

export function date(description: string) {
  return Type.String({ format: 'date', description: `${description} Calendar date YYYY-MM-DD.` });
}

/** Wall-clock time at a place; airline schedules are published in local time plus UTC offset. */
export function localTime(description: string) {
  return Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: `${description} Local time HH:MM.` });
}

export function localDateTime(description: string) {
  return Type.String({
    pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$',
    description: `${description} Local date and time YYYY-MM-DDTHH:MM, no offset.`,
  });
}

export function utcOffset(description: string) {
  return Type.String({ pattern: '^[+-](0[0-9]|1[0-4]):[0-5][0-9]$', description: `${description} Offset from UTC, ±HH:MM.` });
}

function moneyObject(minimum: number | undefined, amountDescription: string, description: string) {
  const amountMinor = minimum === undefined ? Type.Integer({ description: amountDescription }) : Type.Integer({ minimum, description: amountDescription });
  return Type.Object({ amountMinor, currency: CurrencyCodeSchema }, { additionalProperties: false, description });
}

/** Money in integer minor units (cents, pence; yen have none): exact, and what payment providers use. */
export const MoneySchema = moneyObject(
  0,
  'Amount in minor units of the currency: 125050 EUR is 1250.50 EUR, 1500 JPY is 1500 JPY.',
  'A non-negative amount of money in minor units with its ISO 4217 currency.',
);
export type Money = Static<typeof MoneySchema>;

export function money(description: string): typeof MoneySchema {
  // Spread loses TypeBox's symbol-keyed type, which declaration output cannot name: restate it.
  return { ...MoneySchema, description } as typeof MoneySchema;
}

/** Money that must be more than zero: what is charged or refunded. */
export function positiveMoney(description: string) {
  return moneyObject(1, 'Amount in minor units; at least 1.', description);
}

/** Signed money for adjustments (discount lines, credit notes, corrections). */
export function signedMoney(description: string) {
  return moneyObject(undefined, 'Amount in minor units; negative for a reduction.', description);
}

export function weightKg(description: string) {
  return Type.Number({ minimum: 0, description: `${description} Kilograms.` });
}

export function volumeM3(description: string) {
  return Type.Number({ minimum: 0, description: `${description} Cubic metres.` });
}

export function count(description: string, minimum = 1) {
  return Type.Integer({ minimum, description });
}

export function airportCode(description: string) {
  return Type.String({ pattern: '^[A-Z]{3}$', description: `${description} IATA location code (FRA, JFK).` });
}

export function countryCode(description: string) {
  return Type.String({ pattern: '^[A-Z]{2}$', description: `${description} ISO 3166-1 alpha-2 (DE, US).` });
}

/** IATA two-character airline designator: two letters, or a letter and a digit in either order. */
export function carrierCode(description: string) {
  return Type.String({ pattern: '^([A-Z]{2}|[A-Z][0-9]|[0-9][A-Z])$', description: `${description} IATA airline designator (LH, 5X).` });
}

export function flightNumber(description: string) {
  return Type.String({ pattern: '^[0-9]{1,4}$', description: `${description} Numeric part, 1–4 digits, without the carrier (400).` });
}

export function operationalSuffix(description: string) {
  return Type.String({ pattern: '^[A-Z]$', description: `${description} One letter (SSIM operational suffix).` });
}

/** Harmonized System code: 6 digits worldwide, 8 or 10 with national (CN, TARIC, HTS) extensions. */
export function hsCode(description: string) {
  return Type.String({ pattern: '^[0-9]{6}([0-9]{2}){0,2}$', description: `${description} HS code, 6, 8 or 10 digits, no dots.` });
}

export function text(description: string, maxLength = 512) {
  return Type.String({ minLength: 1, maxLength, description });
}

/** A flight as referenced by a booking, an event or a declaration: carrier + number + local date. */
export const FlightReferenceSchema = Type.Object(
  {
    carrier: carrierCode('Marketing carrier.'),
    flightNumber: flightNumber('Flight number.'),
    suffix: Type.Optional(operationalSuffix('Operational suffix, when the carrier uses one.')),
    date: date('Scheduled departure date, local to the departure airport.'),
    origin: Type.Optional(airportCode('Departure airport of the leg.')),
    destination: Type.Optional(airportCode('Arrival airport of the leg.')),
  },
  { additionalProperties: false, description: 'A flight leg: carrier, number and scheduled local departure date (LH400 on 2025-03-14).' },
);
export type FlightReference = Static<typeof FlightReferenceSchema>;

export const ADDRESS_USES = ['registered', 'postal', 'billing', 'delivery', 'pickup', 'other'] as const;

/** Lines + city + postcode + country: the common ground of Odoo res.partner, EDIFACT NAD and ONE Record Address. */
export const AddressSchema = Type.Object(
  {
    use: Type.Optional(StringEnum(ADDRESS_USES, { description: 'What the address is for.' })),
    lines: Type.Array(text('One street line.', 70), { minItems: 1, maxItems: 4, description: 'Street lines, most specific first (Odoo street/street2, NAD street).' }),
    city: text('City or town.', 70),
    postalCode: Type.Optional(Type.String({ minLength: 1, maxLength: 17, description: 'Postal code as written locally.' })),
    region: Type.Optional(text('State, province or region (ISO 3166-2 subdivision code where known, e.g. US-NY).', 70)),
    countryCode: countryCode('Country.'),
  },
  { additionalProperties: false, description: 'A postal address.' },
);
export type Address = Static<typeof AddressSchema>;

export const CONTACT_ROLES = ['general', 'operations', 'billing', 'customs', 'dangerous-goods', 'emergency'] as const;

export const ContactSchema = Type.Object(
  {
    name: Type.Optional(text('Person or desk name.', 140)),
    role: Type.Optional(StringEnum(CONTACT_ROLES, { description: 'What to contact them about.' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254, description: 'E-mail address.' })),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9][0-9 ()./-]{4,24}$', description: 'Phone number, international format preferred (+49 69 6960).' })),
  },
  { additionalProperties: false, description: 'A way to reach a person or desk.' },
);
export type Contact = Static<typeof ContactSchema>;
