// Odoo's decimal amounts and document lines in canonical terms: floats rounded to the currency's
// minor units (Odoo already rounded totals to the currency; unit prices finer than that are rounded),
// lines with their product code, quantity and subtotal.
import { currencyMinorUnits } from '@interline/hub';
import type { Money, SalesLine } from '@interline/hub';
import type { SalesLineRead } from './snapshots';

export function money(amount: number, currency: string): Money {
  const exponent = currencyMinorUnits(currency);
  if (exponent === undefined) throw new Error(`currency "${currency}" from Odoo is not an ISO 4217 code`);
  if (!Number.isFinite(amount)) throw new Error(`amount ${amount} ${currency} from Odoo is not a number`);
  // toPrecision(15) removes the binary-float tail (2487.1 * 100 = 248709.99999999997).
  const minor = Math.round(Number((amount * 10 ** exponent).toPrecision(15)));
  return { amountMinor: Object.is(minor, -0) ? 0 : minor, currency };
}

export function salesLines(lines: readonly SalesLineRead[], currency: string, productCodes: Record<string, string>, what: string): SalesLine[] {
  if (lines.length === 0) throw new Error(`${what} has no lines; the canonical document needs at least one`);
  return [...lines]
    .sort((a, b) => a.sequence - b.sequence || a.id - b.id)
    .map((line, index) => {
      const productCode = line.product_id ? productCodes[String(line.product_id[0])] : undefined;
      const description = line.name || (line.product_id ? line.product_id[1] : '');
      if (!description) throw new Error(`${what}: line ${line.id} has neither a description nor a product`);
      if (!(line.quantity > 0)) throw new Error(`${what}: line ${line.id} has quantity ${line.quantity}; canonical lines need a positive quantity`);
      const result: SalesLine = {
        sequence: index + 1,
        description,
        quantity: line.quantity,
        unit: 'unit',
        unitPrice: money(line.price_unit, currency),
        taxes: [],
        subtotal: money(line.price_subtotal, currency),
      };
      if (productCode) result.productCode = productCode;
      if (line.discount > 0) result.discountPercent = line.discount;
      return result;
    });
}
