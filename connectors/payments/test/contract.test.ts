// The shared connector contract, run against the Stripe simulator through a real hub. The
// operations that act on an existing PaymentIntent get one prepared (through the Stripe API, as a
// portal would) before each scenario, because the kit's inputs are built from a nonce alone.
import Stripe from 'stripe';
import { describeConnectorContract } from '@interline/hub/testing';
import type { SimulatorDefinition } from '@interline/hub';
import { paymentsConnector } from '../src';
import type { PaymentsConfig } from '../src';
import { SIMULATOR_SECRET_KEY, paymentsSimulator } from '../src/testing';
import type { StripeSimulatorHandle, StripeSimulatorState } from '../src/testing';

type Prepared = { paymentId: string; paymentIntentId: string };
type PoolName = 'confirm' | 'capture' | 'cancel' | 'refund';

let simulator: StripeSimulatorHandle | undefined;
const pools: Record<PoolName, Prepared[]> = { confirm: [], capture: [], cancel: [], refund: [] };

/** The simulator as the kit starts it, kept so the tests can prepare intents on it. */
const capturingSimulator: SimulatorDefinition<PaymentsConfig> = {
  ...paymentsSimulator,
  start: async (options) => {
    simulator = (await paymentsSimulator.start(options)) as StripeSimulatorHandle;
    return simulator;
  },
};

const PREPARE: Record<PoolName, Omit<Stripe.PaymentIntentCreateParams, 'amount' | 'currency' | 'metadata'>> = {
  confirm: { payment_method: 'pm_card_visa' },
  capture: { payment_method: 'pm_card_visa', confirm: true, capture_method: 'manual' },
  cancel: {},
  refund: { payment_method: 'pm_card_visa', confirm: true },
};

beforeEach(async () => {
  if (!simulator) return;
  simulator.faults.clear();
  const url = new URL(simulator.baseUrl);
  const stripe = new Stripe(SIMULATOR_SECRET_KEY, { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
  for (const pool of Object.keys(pools) as PoolName[]) {
    if (pools[pool].length > 0) continue;
    const paymentId = `prepared-${pool}-${Date.now().toString(36)}`;
    const intent = await stripe.paymentIntents.create({ amount: 5_000, currency: 'eur', metadata: { interline_payment_id: paymentId, interline_order_id: `order-${paymentId}` }, ...PREPARE[pool] });
    pools[pool].push({ paymentId, paymentIntentId: intent.id });
  }
});

function take(pool: PoolName): Prepared {
  const prepared = pools[pool].shift();
  if (!prepared) throw new Error(`no prepared PaymentIntent for ${pool}; the beforeEach hook prepares one per scenario`);
  return prepared;
}

describeConnectorContract<StripeSimulatorState>({
  definition: { ...paymentsConnector, simulator: capturingSimulator } as typeof paymentsConnector,
  operations: {
    createPaymentIntent: {
      input: (nonce) => ({ paymentId: nonce, amount: { amountMinor: 4_200, currency: 'EUR' }, links: { orderId: `order-${nonce}` }, paymentMethod: 'pm_card_visa', confirm: true }),
    },
    confirmPaymentIntent: { input: () => take('confirm') },
    capturePaymentIntent: { input: () => take('capture') },
    cancelPaymentIntent: { input: () => ({ ...take('cancel'), reason: 'abandoned' }) },
    createRefund: { input: (nonce) => ({ ...take('refund'), refundId: nonce, amount: { amountMinor: 1_000, currency: 'EUR' }, reason: 'booking_cancelled' }) },
  },
  faultOperation: 'createPaymentIntent',
  countEffects: (state) => state.effects.length,
  invalidConfigs: [
    { config: {}, path: '/secretKey' },
    { config: { secretKey: 'pk_test_publishableKeyNotSecret' }, path: '/secretKey' },
    { config: { secretKey: SIMULATOR_SECRET_KEY, apiBase: 'ftp://127.0.0.1:1' }, path: '/apiBase' },
    { config: { secretKey: SIMULATOR_SECRET_KEY, webhookSecret: 'not-a-signing-secret' }, path: '/webhookSecret' },
    { config: { secretKey: SIMULATOR_SECRET_KEY, webhookToleranceSeconds: 0 }, path: '/webhookToleranceSeconds' },
  ],
});
