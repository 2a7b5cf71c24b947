// CargoManifest: what sendManifest reports to customs for one flight — the flight and each waybill on
// it. The hub's model has no manifest object yet, so the connector defines this one (mapping
// customs-edi/manifest-to-cuscar reads the same shape).
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

const airport = (description: string) => Type.String({ pattern: '^[A-Z]{3}$', description: `${description} IATA airport code.` });

const ManifestPartySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 70 }),
    countryCode: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  },
  { additionalProperties: false },
);

export const CargoManifestSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 70, description: 'Canonical manifest id (bound to the interchange reference).' }),
    reference: Type.String({ pattern: '^[A-Za-z0-9/-]{1,22}$', description: 'Manifest number; customs answers quote it.' }),
    flight: Type.Object(
      {
        carrier: Type.String({ pattern: '^([A-Z]{2}|[A-Z][0-9]|[0-9][A-Z])$' }),
        flightNumber: Type.String({ pattern: '^[0-9]{1,4}$' }),
        suffix: Type.Optional(Type.String({ pattern: '^[A-Z]$' })),
        date: Type.String({ format: 'date' }),
        origin: airport('Departure.'),
        destination: airport('Arrival.'),
      },
      { additionalProperties: false },
    ),
    consignments: Type.Array(
      Type.Object(
        {
          awb: Type.String({ pattern: '^[0-9]{3}-[0-9]{8}$' }),
          houseNumber: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{1,12}$' })),
          pieces: Type.Integer({ minimum: 1 }),
          grossWeightKg: Type.Number({ minimum: 0 }),
          description: Type.String({ minLength: 1, maxLength: 350 }),
          origin: airport('Where the consignment was loaded.'),
          destination: airport('Where it is unloaded.'),
          shipper: Type.Optional(ManifestPartySchema),
          consignee: Type.Optional(ManifestPartySchema),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, description: 'A flight cargo manifest (CUSCAR cargo report).' },
);
export type CargoManifest = Static<typeof CargoManifestSchema>;
