// Shipment with its Waybill and Pieces: what is carried, from whom to whom, under which AWB.
// Maps to ONE Record Shipment/Piece/Waybill, Cargo-IMP FWB/FHL and the Odoo sale order behind it.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { awbNumber } from './awb';
import { airportCode, count, hsCode, id, money, text, timestamp, volumeM3, weightKg } from './common';
import { partyRef } from './party';
import { modelOptions, StringEnum } from './schema-helpers';
import { specialHandlingCodes } from './special-handling';

export const WAYBILL_TYPES = ['master', 'house', 'direct'] as const;

export const WaybillSchema = Type.Object(
  {
    type: StringEnum(WAYBILL_TYPES, { description: 'master: consolidation AWB; house: forwarder house waybill under a master; direct: a single-shipper AWB.' }),
    number: awbNumber('The AWB: for master and direct waybills their own number, for a house waybill the master it travels under.'),
    houseNumber: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{1,12}$', description: 'House waybill number as the forwarder issued it (FHL: up to 12 characters). Required for type house.' })),
  },
  {
    additionalProperties: false,
    description: 'The waybill a shipment travels under.',
    // A house waybill without its own number cannot be told apart from its siblings under one master.
    if: { properties: { type: { const: 'house' } }, required: ['type'] },
    then: { required: ['houseNumber'] },
  },
);
export type Waybill = Static<typeof WaybillSchema>;

export const DimensionsSchema = Type.Object(
  {
    lengthCm: Type.Number({ exclusiveMinimum: 0, description: 'Length of one piece in centimetres.' }),
    widthCm: Type.Number({ exclusiveMinimum: 0, description: 'Width of one piece in centimetres.' }),
    heightCm: Type.Number({ exclusiveMinimum: 0, description: 'Height of one piece in centimetres.' }),
  },
  { additionalProperties: false, description: 'Outer dimensions of one piece.' },
);

export const DangerousGoodsSchema = Type.Object(
  {
    unNumber: Type.String({ pattern: '^UN[0-9]{4}$', description: 'UN number (UN3481).' }),
    properShippingName: text('Proper shipping name per the IATA DGR.', 200),
    hazardClass: Type.String({ pattern: '^[1-9](\\.[1-6][A-S]?)?$', description: 'Class or division (3, 6.1, 1.4S).' }),
    packingGroup: Type.Optional(StringEnum(['I', 'II', 'III'] as const, { description: 'Packing group, when the entry has one.' })),
    netQuantity: Type.Optional(text('Net quantity per package with unit (5 L, 2.5 kg).', 35)),
  },
  { additionalProperties: false, description: 'One dangerous-goods entry of a piece (shipper declaration line).' },
);

export const PieceSchema = Type.Object(
  {
    id: id('Canonical piece id.'),
    count: count('Number of identical pieces this line stands for.'),
    grossWeightKg: weightKg('Gross weight of all pieces in this line.'),
    dimensions: Type.Optional(DimensionsSchema),
    volumeM3: Type.Optional(volumeM3('Volume of all pieces in this line.')),
    goodsDescription: Type.Optional(text('What the pieces contain, when it differs from the shipment description.', 600)),
    hsCode: Type.Optional(hsCode('Commodity code of the contents.')),
    specialHandlingCodes: Type.Optional(specialHandlingCodes('Special handling codes for these pieces.')),
    packagingType: Type.Optional(Type.String({ pattern: '^[0-9A-Z]{2}$', description: 'UN/ECE Recommendation 21 package type (CT carton, PX pallet).' })),
    uldNumber: Type.Optional(Type.String({ pattern: '^[A-Z]{3}[0-9]{4,5}[A-Z0-9]{2}$', description: 'ULD the pieces are built on (PMC12345LH).' })),
    stackable: Type.Optional(Type.Boolean({ description: 'False when nothing may be loaded on top.' })),
    dangerousGoods: Type.Optional(Type.Array(DangerousGoodsSchema, { minItems: 1, description: 'Dangerous goods in these pieces; requires SHC DGR or a specific R-code.' })),
  },
  { additionalProperties: false, description: 'A line of identical pieces: count, weight, size and handling.' },
);
export type Piece = Static<typeof PieceSchema>;

export const SHIPMENT_STATUSES = ['draft', 'booking-requested', 'booked', 'received', 'in-transit', 'arrived', 'on-hold', 'delivered', 'cancelled'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const ShipmentSchema = Type.Object(
  {
    id: id('Canonical shipment id.'),
    waybill: WaybillSchema,
    shipper: partyRef('Who sends the goods.'),
    consignee: partyRef('Who receives the goods.'),
    agent: Type.Optional(partyRef('IATA agent or forwarder that issued the waybill.')),
    notify: Type.Optional(partyRef('Who to notify on arrival, when not the consignee.')),
    origin: airportCode('Airport of departure.'),
    destination: airportCode('Airport of destination.'),
    pieces: Type.Array(PieceSchema, { minItems: 1, description: 'The pieces, grouped in lines of identical pieces.' }),
    totals: Type.Object(
      {
        pieceCount: count('Total number of pieces (sum of piece counts).'),
        grossWeightKg: weightKg('Total gross weight.'),
        volumeM3: Type.Optional(volumeM3('Total volume.')),
        chargeableWeightKg: Type.Optional(weightKg('Chargeable weight: the greater of gross and volumetric weight.')),
      },
      { additionalProperties: false, description: 'Shipment totals as declared on the waybill.' },
    ),
    goodsDescription: text('Nature and quantity of goods as on the waybill.', 600),
    specialHandlingCodes: Type.Optional(specialHandlingCodes('Special handling codes for the whole shipment.')),
    declaredValueForCarriage: Type.Optional(money('Declared value for carriage; absent means NVD (no value declared).')),
    declaredValueForCustoms: Type.Optional(money('Declared value for customs; absent means NCV (no customs value).')),
    chargesPayment: StringEnum(['prepaid', 'collect'] as const, { description: 'Whether weight charges are paid by the shipper (prepaid) or the consignee (collect).' }),
    bookingId: Type.Optional(id('Canonical id of the cargo booking, once there is one.')),
    customerReference: Type.Optional(text('The customer’s own reference.', 35)),
    status: StringEnum(SHIPMENT_STATUSES, { description: 'Where the shipment is in its life, derived from bookings and tracking events.' }),
    createdAt: timestamp('When the shipment was created.'),
    updatedAt: Type.Optional(timestamp('Last change.')),
  },
  modelOptions('shipment', 'Shipment', 'Goods carried under one waybill: parties, route ends, pieces, totals and status.'),
);
export type Shipment = Static<typeof ShipmentSchema>;

export { shipmentExamples } from './examples/shipment';
