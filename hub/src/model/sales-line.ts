// A priced line of a sale order or invoice, and the totals block both share; shaped so the Odoo
// connector can write sale.order.line / account.move.line without guessing.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { awbNumber } from './awb';
import { count, id, money, signedMoney, text } from './common';
import { StringEnum } from './schema-helpers';

export const SALES_UNITS = ['unit', 'kg', 'm3', 'piece', 'shipment', 'hour', 'day'] as const;

export const TaxLineSchema = Type.Object(
  {
    code: text('Tax code as configured in the ERP (VAT19, VAT0-EXPORT).', 20),
    ratePercent: Type.Number({ minimum: 0, maximum: 100, description: 'Rate in percent (19 for 19 %).' }),
    amount: signedMoney('Tax amount for the line.'),
  },
  { additionalProperties: false, description: 'A tax applied to a line.' },
);

export const SalesLineSchema = Type.Object(
  {
    id: Type.Optional(id('Line id, stable across updates so connectors can update rather than recreate lines.')),
    sequence: count('Position of the line, from 1.'),
    productCode: Type.Optional(text('Product or service code (Odoo default_code: AF-GEN, SUR-FUEL).', 64)),
    description: text('What is sold, as printed on the document.', 500),
    quantity: Type.Number({ exclusiveMinimum: 0, description: 'Quantity in `unit`.' }),
    unit: StringEnum(SALES_UNITS, { description: 'Unit of measure of the quantity.' }),
    unitPrice: signedMoney('Price per unit before discount and tax; negative for a discount or credit line. Minor units, so rates finer than the currency’s cents must be priced per 10 or 100 units.'),
    discountPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Line discount in percent.' })),
    taxes: Type.Array(TaxLineSchema, { description: 'Taxes on the line; empty when untaxed.' }),
    subtotal: signedMoney('Line amount after discount, before tax.'),
    shipmentId: Type.Optional(id('Shipment the line charges for.')),
    awb: Type.Optional(awbNumber('AWB the line charges for.')),
  },
  { additionalProperties: false, description: 'A priced line.' },
);
export type SalesLine = Static<typeof SalesLineSchema>;

export const SalesTotalsSchema = Type.Object(
  {
    untaxed: money('Sum of line subtotals.'),
    tax: money('Sum of taxes.'),
    total: money('Untaxed plus tax.'),
  },
  { additionalProperties: false, description: 'Document totals.' },
);
