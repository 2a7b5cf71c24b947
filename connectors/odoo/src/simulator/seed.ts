// The data a fresh simulated database starts with: users, countries, states, currencies, pricelists,
// taxes, journals, cargo products, and a few documents the contract kit and tests build on.
import type { Database, Env } from './database';
import { BUSINESS_METHODS } from './business-methods';
import { SIM_USERS } from './users';

/** Canonical ids already bound in the seeded database (written to ref / client_order_ref by the integration user). */
export const SEED = {
  /** Rheinpharma Logistik GmbH, res.partner ref = the canonical party id of the model's first example. */
  customerPartyId: '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a01',
  /** A confirmed sale order of that customer, with its delivery (stock.picking) waiting to be shipped. */
  orderId: '0195a250-9999-7200-8000-000000000001',
  /** A posted, unpaid invoice of 1,000,000.00 EUR that payments can be registered against, a little at a time. */
  invoiceId: '0195a260-aaaa-7300-8000-0000000000ff',
} as const;

const COUNTRIES: Array<[string, string]> = [
  ['AT', 'Austria'], ['BE', 'Belgium'], ['CH', 'Switzerland'], ['CN', 'China'], ['DE', 'Germany'], ['ES', 'Spain'], ['FR', 'France'],
  ['GB', 'United Kingdom'], ['IT', 'Italy'], ['JP', 'Japan'], ['NL', 'Netherlands'], ['SG', 'Singapore'], ['US', 'United States'],
];
const STATES: Array<[string, string, string]> = [['DE', 'HE', 'Hessen'], ['DE', 'BY', 'Bayern'], ['US', 'NY', 'New York'], ['US', 'CA', 'California']];
const CURRENCIES: Array<[string, string, number]> = [['EUR', '€', 2], ['USD', '$', 2], ['JPY', '¥', 0], ['GBP', '£', 2], ['CHF', 'CHF', 2]];
const PRODUCTS: Array<[string, string, number]> = [
  ['AF-GEN', 'Air freight, general cargo', 2.5],
  ['AF-PHARMA', 'Air freight, temperature-controlled pharma', 4.85],
  ['SUR-FUEL', 'Fuel surcharge', 0.95],
  ['SUR-SEC', 'Security surcharge', 0.15],
  ['FEE-AWB', 'Air waybill fee', 11.9],
  ['FEE-DOC', 'Export documentation', 181.82],
];

export function seed(db: Database): void {
  const system: Env = { uid: 1, context: {} };
  db.create(system, 'res.users', { name: 'OdooBot', login: '__system__' });
  for (const user of Object.values(SIM_USERS)) {
    db.skipTo('res.users', user.uid);
    db.create(system, 'res.users', { name: user.name, login: user.login });
  }
  const countries = new Map(COUNTRIES.map(([code, name]) => [code, db.create(system, 'res.country', { code, name })]));
  for (const [country, code, name] of STATES) db.create(system, 'res.country.state', { country_id: countries.get(country), code, name });
  const currencies = new Map(CURRENCIES.map(([name, symbol, decimals]) => [name, db.create(system, 'res.currency', { name, symbol, decimal_places: decimals, rounding: 10 ** -decimals })]));
  db.create(system, 'res.company', { name: 'Interline Cargo GmbH', currency_id: currencies.get('EUR') });
  for (const name of ['EUR', 'USD', 'JPY']) db.create(system, 'product.pricelist', { name: `Public Pricelist (${name})`, currency_id: currencies.get(name) });
  db.create(system, 'account.tax', { name: '19% VAT', amount: 19, type_tax_use: 'sale' });
  db.create(system, 'account.journal', { name: 'Customer Invoices', code: 'INV', type: 'sale' });
  db.create(system, 'account.journal', { name: 'Bank', code: 'BNK1', type: 'bank' });
  for (const [code, name, price] of PRODUCTS) db.create(system, 'product.product', { default_code: code, name, lst_price: price });
  db.create(system, 'res.partner', { name: 'Interline Cargo GmbH', is_company: true, country_id: countries.get('DE'), city: 'Frankfurt am Main' });
  seedDocuments(db, countries.get('DE') as number, countries.get('US') as number);
  db.effects = [];
}

function seedDocuments(db: Database, germany: number, unitedStates: number): void {
  const integration: Env = { uid: SIM_USERS.integration.uid, context: {} };
  const sales: Env = { uid: SIM_USERS.sales.uid, context: {} };
  const product = (code: string): number => db.rows('product.product').find((p) => p.default_code === code)?.id as number;
  const customer = db.create(integration, 'res.partner', {
    name: 'Rheinpharma Logistik GmbH',
    is_company: true,
    ref: SEED.customerPartyId,
    vat: 'DE811234567',
    street: 'Mainzer Landstraße 210',
    zip: '60327',
    city: 'Frankfurt am Main',
    country_id: germany,
    lang: 'de_DE',
    child_ids: [[0, 0, { name: 'Export desk', type: 'contact', email: 'export@rheinpharma.example', phone: '+49 69 1234 5670', function: 'operations' }]],
  });
  // A customer a person entered in Odoo, without a canonical reference: the poller's business.
  db.create(sales, 'res.partner', { name: 'Hudson Clinical Supply Inc.', is_company: true, street: '148-08 Guy R Brewer Blvd', zip: '11434', city: 'Jamaica', country_id: unitedStates });
  const order = db.create(integration, 'sale.order', {
    partner_id: customer,
    client_order_ref: SEED.orderId,
    origin: 'RP-EXP-2025-0311',
    order_line: [[0, 0, { product_id: product('AF-PHARMA'), name: 'Air freight FRA-JFK td.Pro, chargeable weight', product_uom_qty: 416, price_unit: 4.85 }]],
  });
  BUSINESS_METHODS['sale.order']?.action_confirm?.(db, integration, [order]);
  const invoice = db.create(integration, 'account.move', {
    move_type: 'out_invoice',
    partner_id: customer,
    ref: SEED.invoiceId,
    invoice_date: db.today(),
    invoice_line_ids: [[0, 0, { name: 'Open account for payments', quantity: 1, price_unit: 1_000_000 }]],
  });
  BUSINESS_METHODS['account.move']?.action_post?.(db, integration, [invoice]);
}
