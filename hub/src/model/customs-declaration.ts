// CustomsDeclaration: an export, import, transit or safety-and-security declaration as the customs
// EDIFACT connector sends it (CUSDEC) and national systems (ATLAS, AES, AIS) expect it.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { awbNumber } from './awb';
import { count, countryCode, date, FlightReferenceSchema, hsCode, id, money, text, timestamp, weightKg } from './common';
import { partyRef } from './party';
import { modelOptions, StringEnum } from './schema-helpers';

export const DECLARATION_TYPES = ['export', 'import', 'transit', 'entry-summary', 'exit-summary'] as const;

/** UN/ECE Recommendation 19 mode-of-transport codes, for connectors that write the digit. */
export const TRANSPORT_MODE_CODES = {
  sea: 1,
  rail: 2,
  road: 3,
  air: 4,
  postal: 5,
  multimodal: 6,
  'fixed-installation': 7,
  'inland-waterway': 8,
  'own-propulsion': 9,
} as const satisfies Record<string, number>;
const TRANSPORT_MODES = Object.keys(TRANSPORT_MODE_CODES) as (keyof typeof TRANSPORT_MODE_CODES)[];

export const INCOTERMS = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'] as const;

export const CUSTOMS_OFFICE_ROLES = ['lodgement', 'export', 'exit', 'entry', 'import', 'departure', 'transit', 'destination'] as const;

export const CustomsProcedureSchema = Type.Object(
  {
    requested: Type.String({ pattern: '^[0-9]{2}$', description: 'Requested procedure (EU: 10 export, 40 release for free circulation).' }),
    previous: Type.String({ pattern: '^[0-9]{2}$', description: 'Previous procedure, 00 when none.' }),
    additional: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z0-9]{3}$' }), { uniqueItems: true, description: 'Additional procedure codes (EU: 000, C07, F45).' })),
  },
  { additionalProperties: false, description: 'Customs procedure; EU procedure code 1000 is requested 10 + previous 00.' },
);

export const DocumentRefSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9]{1,6}$', description: 'Document type code (UNTDID 1001 or national: N740 air waybill, N380 commercial invoice).' }),
    reference: text('Document number.', 70),
    issueDate: Type.Optional(date('Issue date.')),
  },
  { additionalProperties: false, description: 'A supporting document or certificate.' },
);

export const GoodsItemSchema = Type.Object(
  {
    sequence: Type.Integer({ minimum: 1, maximum: 999, description: 'Goods item number, from 1.' }),
    description: text('Trade description of the goods.', 512),
    hsCode: hsCode('Commodity code.'),
    originCountry: countryCode('Country of origin.'),
    grossWeightKg: weightKg('Gross mass of the item.'),
    netWeightKg: Type.Optional(weightKg('Net mass of the item.')),
    supplementaryUnits: Type.Optional(
      Type.Object(
        {
          quantity: Type.Number({ exclusiveMinimum: 0, description: 'Quantity in the supplementary unit.' }),
          unit: Type.String({ pattern: '^[A-Z0-9]{2,3}$', description: 'UN/ECE Recommendation 20 unit (NAR items, LTR litres).' }),
        },
        { additionalProperties: false, description: 'Supplementary units the tariff asks for.' },
      ),
    ),
    procedure: Type.Optional(CustomsProcedureSchema),
    invoiceValue: Type.Optional(money('Price in the commercial invoice.')),
    customsValue: Type.Optional(money('Customs value (import).')),
    statisticalValue: Type.Optional(money('Statistical value.')),
    valuationMethod: Type.Optional(Type.String({ pattern: '^[1-6]$', description: 'WTO valuation method 1–6 (import).' })),
    preferenceCode: Type.Optional(Type.String({ pattern: '^[0-9]{3}$', description: 'Tariff preference (EU: 100 erga omnes, 300 preferential).' })),
    packages: Type.Array(
      Type.Object(
        {
          typeCode: Type.String({ pattern: '^[0-9A-Z]{2}$', description: 'UN/ECE Recommendation 21 package type (CT, PX).' }),
          count: count('Number of packages (0 when the item shares packages with another).', 0),
          marks: Type.Optional(text('Shipping marks.', 512)),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, description: 'Packages the item is in.' },
    ),
    documents: Type.Optional(Type.Array(DocumentRefSchema, { description: 'Item-level documents (licences, certificates).' })),
  },
  { additionalProperties: false, description: 'One goods item of the declaration (CUSDEC SG30 CST).' },
);

export const CustomsDeclarationSchema = Type.Object(
  {
    id: id('Canonical declaration id.'),
    declarationType: StringEnum(DECLARATION_TYPES, { description: 'What is declared.' }),
    declarationTypeCode: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'National or EU type code (EX, IM, CO, EU).' })),
    additionalDeclarationType: Type.Optional(Type.String({ pattern: '^[A-Z]$', description: 'EU additional type (A standard, D pre-lodged).' })),
    procedure: Type.Optional(CustomsProcedureSchema),
    declarant: partyRef('Who lodges the declaration.'),
    representative: Type.Optional(
      Type.Object(
        {
          party: partyRef('Customs broker or agent.'),
          status: StringEnum(['direct', 'indirect'] as const, { description: 'Direct (in the name of) or indirect (in own name) representation.' }),
        },
        { additionalProperties: false, description: 'Representative acting for the declarant.' },
      ),
    ),
    exporter: Type.Optional(partyRef('Exporter or consignor.')),
    importer: Type.Optional(partyRef('Importer.')),
    consignee: Type.Optional(partyRef('Consignee, when not the importer.')),
    customsOffices: Type.Array(
      Type.Object(
        {
          role: StringEnum(CUSTOMS_OFFICE_ROLES, { description: 'What the office does for this declaration.' }),
          code: Type.String({ pattern: '^[A-Z0-9]{4,12}$', description: 'Office code (EU: country + 6 characters, DE004852).' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, description: 'Customs offices involved; lodgement (or export/import) first.' },
    ),
    transport: Type.Object(
      {
        mode: StringEnum(TRANSPORT_MODES, { description: 'Mode at the border; see TRANSPORT_MODE_CODES.' }),
        meansId: Type.Optional(text('Means of transport: flight (LH400) or aircraft registration.', 35)),
        meansNationality: Type.Optional(countryCode('Nationality of the means of transport.')),
        flight: Type.Optional(FlightReferenceSchema),
      },
      { additionalProperties: false, description: 'Transport at the border.' },
    ),
    countryOfExport: Type.Optional(countryCode('Country of export / dispatch.')),
    countryOfDestination: Type.Optional(countryCode('Country of destination.')),
    deliveryTerms: Type.Optional(
      Type.Object(
        { incoterm: StringEnum(INCOTERMS, { description: 'Incoterms 2020 rule.' }), place: text('Named place.', 70) },
        { additionalProperties: false, description: 'Delivery terms (CUSDEC TOD).' },
      ),
    ),
    references: Type.Object(
      {
        lrn: Type.String({ pattern: '^[A-Za-z0-9/-]{1,22}$', description: 'Local reference number the declarant gives the declaration.' }),
        mrn: Type.Optional(Type.String({ pattern: '^[0-9]{2}[A-Z]{2}[A-Z0-9]{14}$', description: 'Movement reference number, once customs has assigned it.' })),
        awb: Type.Optional(awbNumber('Master or direct AWB of the goods.')),
        houseNumber: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{1,12}$', description: 'House waybill.' })),
        ucr: Type.Optional(text('Unique consignment reference.', 35)),
        shipmentId: Type.Optional(id('Canonical shipment id.')),
      },
      { additionalProperties: false, description: 'References that tie the declaration to the consignment.' },
    ),
    goodsItems: Type.Array(GoodsItemSchema, { minItems: 1, maxItems: 999, description: 'Goods items.' }),
    documents: Type.Array(DocumentRefSchema, { description: 'Header-level documents (invoice, AWB, licences).' }),
    totals: Type.Object(
      {
        itemCount: count('Number of goods items.'),
        packageCount: count('Total packages.', 0),
        grossWeightKg: weightKg('Total gross mass.'),
        invoiceAmount: Type.Optional(money('Total invoice amount.')),
      },
      { additionalProperties: false, description: 'Declaration totals (CUSDEC CNT / MOA).' },
    ),
    submittedAt: Type.Optional(timestamp('When it was sent to customs.')),
    createdAt: timestamp('When it was drafted.'),
  },
  modelOptions('customs-declaration', 'Customs declaration', 'A goods declaration to customs: type and procedure, parties, offices, transport, goods items, documents and totals.', {
    // Export and import declarations are meaningless to customs without the procedure they ask for.
    if: { properties: { declarationType: { enum: ['export', 'import'] } }, required: ['declarationType'] },
    then: { required: ['procedure'] },
  }),
);
export type CustomsDeclaration = Static<typeof CustomsDeclarationSchema>;

export { customsDeclarationExamples } from './examples/customs-declaration';
