// Party: any organisation or person the business deals with — shippers, consignees, agents,
// airlines, customers. Tenant-neutral: the tenant travels on the envelope, never in the object.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { AddressSchema, carrierCode, ContactSchema, countryCode, id, text, timestamp } from './common';
import { embedded, modelOptions, StringEnum } from './schema-helpers';

export const PARTY_ROLES = [
  'shipper',
  'consignee',
  'notify',
  'customer',
  'agent',
  'forwarder',
  'airline',
  'ground-handler',
  'customs-broker',
  'declarant',
  'supplier',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Identifier schemes customs and ERPs ask for; OTHER keeps a national scheme without a schema change. */
export const TAX_ID_SCHEMES = ['VAT', 'EORI', 'EIN', 'GSTIN', 'TIN', 'OTHER'] as const;

export const TaxIdSchema = Type.Object(
  {
    scheme: StringEnum(TAX_ID_SCHEMES, { description: 'Kind of identifier: VAT number, EU EORI, US EIN, India GSTIN, generic TIN.' }),
    value: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9 ./-]{0,34}$', description: 'The identifier as issued (EORI DE123456789012345).' }),
    countryCode: Type.Optional(countryCode('Issuing country.')),
  },
  { additionalProperties: false, description: 'A tax or customs identifier.' },
);

export const PartySchema = Type.Object(
  {
    id: id('Canonical party id.'),
    roles: Type.Array(StringEnum(PARTY_ROLES), {
      minItems: 1,
      uniqueItems: true,
      description: 'What the party is to us; one party can be several (a forwarder that is also a customer).',
    }),
    type: StringEnum(['organization', 'person'] as const, { description: 'Organisation or natural person (Odoo is_company).' }),
    name: text('Legal or full name as it must appear on documents.', 140),
    shortName: Type.Optional(text('Trading or display name.', 70)),
    taxIds: Type.Optional(Type.Array(TaxIdSchema, { maxItems: 10, description: 'Tax and customs identifiers (VAT, EORI, …).' })),
    iataCargoAgent: Type.Optional(
      Type.Object(
        {
          code: Type.String({ pattern: '^[0-9]{7}$', description: 'IATA cargo agent numeric code, 7 digits.' }),
          cassAddress: Type.Optional(Type.String({ pattern: '^[0-9]{4}$', description: 'CASS participant address, 4 digits.' })),
        },
        { additionalProperties: false, description: 'IATA cargo agent registration, for agents and forwarders.' },
      ),
    ),
    airline: Type.Optional(
      Type.Object(
        {
          designator: carrierCode('The airline’s own code.'),
          awbPrefix: Type.String({ pattern: '^[0-9]{3}$', description: 'Air waybill prefix, 3 digits (020).' }),
          icaoDesignator: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ICAO designator (GEC).' })),
        },
        { additionalProperties: false, description: 'Airline codes, for airline parties.' },
      ),
    ),
    addresses: Type.Array(AddressSchema, { minItems: 1, maxItems: 10, description: 'Addresses; the first is the main one.' }),
    contacts: Type.Optional(Type.Array(ContactSchema, { maxItems: 20, description: 'People and desks to reach.' })),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Z]{2})?$', description: 'Preferred language, BCP 47 (de, en-GB).' })),
    active: Type.Boolean({ description: 'False once the party is archived; archived parties stay referable.' }),
    createdAt: timestamp('When the party was first registered.'),
    updatedAt: Type.Optional(timestamp('Last change.')),
  },
  modelOptions('party', 'Party', 'An organisation or person in a business relation: shipper, consignee, agent, airline, customer, …'),
);
export type Party = Static<typeof PartySchema>;

/**
 * How other objects point at a party: always the canonical id, optionally with a copy of the party
 * as known when the message was made, so a connector can map without a lookup.
 */
export const PartyRefSchema = Type.Object(
  {
    partyId: id('Canonical id of the party.'),
    party: Type.Optional(embedded(PartySchema, 'Copy of the party at the time of the message; partyId wins if they differ.')),
  },
  { additionalProperties: false, description: 'A reference to a party, optionally with the party embedded.' },
);
export type PartyRef = Static<typeof PartyRefSchema>;

export function partyRef(description: string): typeof PartyRefSchema {
  return { ...PartyRefSchema, description } as typeof PartyRefSchema;
}

export { partyExamples } from './examples/party';
