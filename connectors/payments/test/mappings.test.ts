// Fixture cases of every payments mapping: the route mappings in mappings/src/payments (canonical →
// operation input, checked against the operation's input schema too) and the connector's own
// Stripe → canonical mappings (checked against the canonical model).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MappingRegistry, PaymentSchema, RefundSchema, check, readMappingCases, runMappingCases } from '@interline/hub';
import type { Mapping, MappingCase } from '@interline/hub';
import type { TSchema } from '@sinclair/typebox';
import { paymentsConnector, stripeEventMappings } from '../src';
import cancelIntent from '../../../mappings/src/payments/payment-to-cancel-intent.mapping';
import captureIntent from '../../../mappings/src/payments/payment-to-capture-intent.mapping';
import confirmIntent from '../../../mappings/src/payments/payment-to-confirm-intent.mapping';
import createIntent from '../../../mappings/src/payments/payment-to-create-intent.mapping';
import createRefund from '../../../mappings/src/payments/refund-to-create-refund.mapping';

const MAPPINGS_ROOT = path.resolve(__dirname, '../../../mappings');
const FIXTURES = path.join(__dirname, 'fixtures');

/** Each route mapping and the operation whose input it produces. */
const ROUTE_MAPPINGS: Array<[Mapping, string]> = [
  [createIntent as Mapping, 'createPaymentIntent'],
  [confirmIntent as Mapping, 'confirmPaymentIntent'],
  [captureIntent as Mapping, 'capturePaymentIntent'],
  [cancelIntent as Mapping, 'cancelPaymentIntent'],
  [createRefund as Mapping, 'createRefund'],
];

const CANONICAL: Record<string, TSchema> = { 'payments/stripe-payment-intent-to-payment': PaymentSchema, 'payments/stripe-refund-to-refund': RefundSchema };

describe('route mappings (mappings/src/payments)', () => {
  const registry = new MappingRegistry();
  for (const [mapping] of ROUTE_MAPPINGS) registry.register(mapping);

  it.each(ROUTE_MAPPINGS.map(([mapping, operation]) => [mapping.id, operation]))('%s passes its cases, and its outputs are valid %s input', async (id, operation) => {
    const cases = await readMappingCases(MAPPINGS_ROOT, id);
    expect(cases.filter((c) => c.error === undefined).length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.error !== undefined).length).toBeGreaterThan(0);
    const results = await runMappingCases(registry, { mappingId: id, casesFor: () => cases });
    expect(results.filter((r) => !r.passed)).toEqual([]);
    const input = paymentsConnector.operations[operation]?.input;
    if (!input) throw new Error(`no operation ${operation}`);
    for (const c of cases.filter((c) => c.error === undefined)) expect({ case: c.name, check: check(input, c.expected) }).toMatchObject({ case: c.name, check: { ok: true } });
  });

  it('every operation has a mapping', () => {
    expect(ROUTE_MAPPINGS.map(([, operation]) => operation).sort()).toEqual(Object.keys(paymentsConnector.operations).sort());
  });
});

describe('Stripe → canonical mappings (the webhook source)', () => {
  const registry = new MappingRegistry();
  for (const mapping of stripeEventMappings) registry.register(mapping);

  it.each(stripeEventMappings.map((m) => [m.id]))('%s passes its cases, and its outputs are valid canonical objects', async (id) => {
    const cases = JSON.parse(readFileSync(path.join(FIXTURES, `${id.split('/')[1]}.cases.json`), 'utf8')) as MappingCase[];
    const results = await runMappingCases(registry, { mappingId: id, casesFor: () => cases });
    expect(results.filter((r) => !r.passed)).toEqual([]);
    const schema = CANONICAL[id] as TSchema;
    for (const c of cases.filter((c) => c.error === undefined)) expect({ case: c.name, check: check(schema, c.expected) }).toMatchObject({ case: c.name, check: { ok: true } });
  });
});
