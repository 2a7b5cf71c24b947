// Fixture cases of every payments mapping: the route mappings in mappings/src/payments (canonical →
// operation input, checked against the operation's input schema too) and the connector's own
// Stripe → canonical mappings (checked against the canonical model).
import path from 'node:path';
import { PaymentSchema, RefundSchema } from '@interline/hub';
import type { Mapping } from '@interline/hub';
import { casesBesideTests, casesIn, describeMappingFixtures } from '@interline/hub/testing';
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

describeMappingFixtures('route mappings (mappings/src/payments)', {
  casesFor: casesIn(MAPPINGS_ROOT),
  mappings: ROUTE_MAPPINGS.map(([mapping, operation]) => ({ mapping: mapping as Mapping<never, unknown>, output: inputOf(operation) })),
});

it('every operation has a route mapping', () => {
  expect(ROUTE_MAPPINGS.map(([, operation]) => operation).sort()).toEqual(Object.keys(paymentsConnector.operations).sort());
});

function inputOf(operation: string): TSchema {
  const input = paymentsConnector.operations[operation]?.input;
  if (!input) throw new Error(`no operation ${operation}`);
  return input;
}

describeMappingFixtures('Stripe → canonical mappings (the webhook source)', {
  casesFor: casesBesideTests(FIXTURES),
  mappings: stripeEventMappings.map((mapping) => ({ mapping: mapping as Mapping<never, unknown>, output: CANONICAL[mapping.id] as TSchema })),
});

