// Building blocks of the operations' input schemas. Inputs are what the odoo/* mappings produce:
// Odoo field values by their Odoo names, plus codes the operation resolves (country, currency,
// product) and canonical ids it resolves through bindings.
import { Type } from '@sinclair/typebox';

/** Odoo's text value: a string, or false for "empty" (never null). */
export const OdooText = Type.Union([Type.String({ maxLength: 4000 }), Type.Literal(false)]);

export const CanonicalId = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$', description: 'A canonical id.' });

export const OdooDate = Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Literal(false)], { description: 'Odoo date "YYYY-MM-DD" or false.' });

export const OdooDatetime = Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$' }), Type.Literal(false)], {
  description: 'Odoo UTC datetime "YYYY-MM-DD HH:MM:SS" or false.',
});

export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, resolved to res.country by code.' });

export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, resolved to res.currency by name.' });

/** A document line: its product by Internal Reference and the line's own Odoo values. */
export function lineSchema(quantityField: 'product_uom_qty' | 'quantity') {
  return Type.Object(
    {
      productCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'product.product default_code; without it the line has no product.' })),
      vals: Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 2000 }),
          [quantityField]: Type.Number({ exclusiveMinimum: 0 }),
          price_unit: Type.Optional(Type.Number({ description: 'Omitted: Odoo takes the product’s sales price.' })),
          discount: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
          sequence: Type.Optional(Type.Integer({ minimum: 0 })),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  );
}
