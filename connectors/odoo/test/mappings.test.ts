// The odoo/* mappings against their fixture cases, with the hub's own fixture runner: the outbound
// ones in mappings/src/odoo (canonical → operation input), the inbound ones the change poller uses
// (Odoo snapshot → canonical). Every expected output must also pass the schema of whoever reads it
// next — the operation's input schema, or the canonical model — so mapping and consumer cannot drift.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import { InvoiceSchema, MappingRegistry, OrderSchema, PartySchema, check, readMappingCases, runMappingCases } from '@interline/hub';
import type { Mapping, MappingCase } from '@interline/hub';
import partyToPartner from '../../../mappings/src/odoo/party-to-partner.mapping';
import orderToSaleOrder from '../../../mappings/src/odoo/order-to-sale-order.mapping';
import bookingToSaleOrder from '../../../mappings/src/odoo/cargo-booking-to-sale-order.mapping';
import invoiceToMove from '../../../mappings/src/odoo/invoice-to-move.mapping';
import paymentToRegister from '../../../mappings/src/odoo/payment-to-register.mapping';
import orderToDeliveryQuery from '../../../mappings/src/odoo/order-to-delivery-query.mapping';
import { CreateInvoiceInput, CreateSaleOrderInput, ReadDeliveryStatusInput, RegisterPaymentInput, UpsertCustomerInput, moveToInvoice, partnerToParty, saleOrderToOrder } from '../src';

const MAPPINGS_ROOT = path.resolve(__dirname, '../../../mappings');
const FIXTURES = path.join(__dirname, 'fixtures');

const outbound: Array<[Mapping<never, unknown>, TSchema]> = [
  [partyToPartner, UpsertCustomerInput],
  [orderToSaleOrder, CreateSaleOrderInput],
  [bookingToSaleOrder, CreateSaleOrderInput],
  [invoiceToMove, CreateInvoiceInput],
  [paymentToRegister, RegisterPaymentInput],
  [orderToDeliveryQuery, ReadDeliveryStatusInput],
];
const inbound: Array<[Mapping<never, unknown>, TSchema]> = [
  [partnerToParty, PartySchema],
  [saleOrderToOrder, OrderSchema],
  [moveToInvoice, InvoiceSchema],
];

async function inboundCases(id: string): Promise<MappingCase[]> {
  return JSON.parse(await readFile(path.join(FIXTURES, `${id.split('/')[1]}.cases.json`), 'utf8')) as MappingCase[];
}

describe.each([
  ['outbound (mappings/src/odoo)', outbound, (id: string) => readMappingCases(MAPPINGS_ROOT, id)],
  ['inbound (change poller)', inbound, inboundCases],
] as const)('%s mappings', (_label, mappings, casesFor) => {
  const registry = new MappingRegistry();
  for (const [mapping] of mappings) registry.register(mapping as Mapping);

  it.each(mappings.map(([mapping, schema]) => [mapping.id, schema] as const))('%s passes its fixture cases, bad input included', async (id) => {
    const cases = await casesFor(id);
    expect(cases.filter((c) => c.error !== undefined).length).toBeGreaterThanOrEqual(1);
    expect(cases.filter((c) => c.expected !== undefined).length).toBeGreaterThanOrEqual(2);
    const results = await runMappingCases(registry, { mappingId: id, casesFor: () => cases });
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(results).toHaveLength(cases.length);
  });

  it.each(mappings.map(([mapping, schema]) => [mapping.id, schema] as const))('%s: every expected output is valid for its consumer', async (id, schema) => {
    for (const mappingCase of await casesFor(id)) {
      if (mappingCase.expected === undefined) continue;
      const result = check(schema, mappingCase.expected);
      expect({ case: mappingCase.name, issues: result.ok ? [] : result.issues }).toEqual({ case: mappingCase.name, issues: [] });
    }
  });
});
