// The connector inside a real hub (the contract kit's ContractHub: PGlite journal, memory transport,
// retry policy, circuit breaker): an Odoo outage is retried until Odoo is back, a validation error
// dead-letters at once with Odoo's own message, a lost answer leaves one record and a journal binding,
// and the change poller's events enter the journal once, however often the overlap re-reads them.
import { SimulatorControlClient, deadLetterCount, listDeadLetters, loadMessage } from '@interline/hub';
import type { EmitEvent } from '@interline/hub';
import { CONTRACT_INSTANCE, ContractHub } from '@interline/hub/testing';
import type { TObject } from '@sinclair/typebox';
import type { ConnectorDefinition } from '@interline/hub';
import { odooConnector, pollChanges } from '../src';
import type { OdooClient } from '../src';
import { SEED, SIM_USERS, odooSimulator, startOdooSimulator } from '../src/testing';
import type { OdooSimulatorHandle, OdooSimulatorState } from '../src/testing';
import { clientFor } from './support/harness';

let sim: OdooSimulatorHandle;
let hub: ContractHub;
let control: SimulatorControlClient;
const inputs = new Map<string, unknown>();

beforeAll(async () => {
  sim = await startOdooSimulator();
  control = new SimulatorControlClient(sim.baseUrl);
  const fromMap = (nonce: string): unknown => inputs.get(nonce);
  hub = await ContractHub.start({
    definition: odooConnector as unknown as ConnectorDefinition<TObject, unknown>,
    config: { ...odooSimulator.configFor(sim), poll: { overlapSeconds: 30 } },
    operations: { upsertCustomer: fromMap, createSaleOrder: fromMap },
    circuit: { failureThreshold: 10, cooldownMs: 200 },
    retryAttempts: 6,
  });
}, 60_000);
afterAll(async () => {
  await hub?.stop();
  await sim?.stop();
});

const order = (orderId: string): unknown => ({
  orderId,
  customerPartyId: SEED.customerPartyId,
  currency: 'EUR',
  order: { origin: `PO-${orderId}` },
  lines: [{ productCode: 'AF-GEN', vals: { name: 'Air freight FRA-ORD', product_uom_qty: 349 } }],
  confirm: true,
});

async function deliver(operation: 'upsertCustomer' | 'createSaleOrder', nonce: string, input: unknown) {
  inputs.set(nonce, input);
  return hub.settled(await hub.send(operation, nonce), operation);
}

it('retries through an Odoo outage and delivers once Odoo answers again', async () => {
  await control.fault({ kind: 'transient', operation: 'sale.order.create', times: 3 });
  const delivery = await deliver('createSaleOrder', 'outage', order('order-outage'));
  expect(delivery).toMatchObject({ status: 'delivered', attempts: 4 });
  const state = await control.state<OdooSimulatorState>();
  expect(state.calls.filter((c) => c.operation === 'sale.order.create').map((c) => c.status)).toEqual([503, 503, 503, 200]);
  expect(state.records['sale.order']?.filter((o) => o.client_order_ref === 'order-outage')).toEqual([expect.objectContaining({ state: 'sale' })]);
});

it("dead-letters a validation error at once, with Odoo's message", async () => {
  const before = await deadLetterCount(hub.hub.journal.sql);
  const delivery = await deliver('upsertCustomer', 'nameless', {
    partyId: 'party-nameless-contact',
    country: 'DE',
    partner: { name: 'Nameless Contact GmbH', is_company: true, street: 'Langer Kornweg 34', city: 'Kelsterbach', zip: '65451' },
    children: [{ ref: 'party-nameless-contact/contact/1', vals: { type: 'contact', name: false, email: 'who@nameless.example' } }],
  });
  expect(delivery).toMatchObject({ status: 'dead', attempts: 1, lastError: { errorClass: 'permanent' } });
  expect(delivery.lastError?.message).toContain('Odoo refused res.partner.create (fault 2, UserError/ValidationError): The operation cannot be completed: Contacts require a name');
  expect(await deadLetterCount(hub.hub.journal.sql)).toBe(before + 1);
  const { items } = await listDeadLetters(hub.hub.journal.sql, { text: 'Contacts require a name' });
  expect(items).toHaveLength(1);
  expect((await control.state<OdooSimulatorState>()).records['res.partner']?.filter((p) => p.name === 'Nameless Contact GmbH')).toEqual([]);
});

it('after a lost answer the redelivered step finds its order by reference: one order, bound in the journal', async () => {
  await control.fault({ kind: 'transient', operation: 'sale.order.create', afterEffect: true });
  const delivery = await deliver('createSaleOrder', 'lost', order('order-lost-answer'));
  expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
  const orders = (await control.state<OdooSimulatorState>()).records['sale.order']?.filter((o) => o.client_order_ref === 'order-lost-answer') ?? [];
  expect(orders).toHaveLength(1);
  const binding = await hub.hub.bindingsFor(CONTRACT_INSTANCE, 'default').get('sale.order', 'order-lost-answer');
  expect(binding?.externalId).toBe(String(orders[0]?.id));
});

it("journals the change poller's events once, however often the overlap re-reads them", async () => {
  const instance = hub.hub.connectors.get(CONTRACT_INSTANCE);
  const client = instance?.client as OdooClient;
  const emitted: Array<{ id: string; subject?: string }> = [];
  const emit: EmitEvent = async (event) => {
    emitted.push({ id: event.id as string, subject: event.subject });
    await hub.hub.emitterFor(CONTRACT_INSTANCE)(event);
  };
  const poll = () => pollChanges(client, { ...instance!.context, emit, signal: new AbortController().signal });
  await poll();
  const sales = clientFor(sim, {}, SIM_USERS.sales);
  const [rheinpharma] = await sales.search('res.partner', [['ref', '=', SEED.customerPartyId]]);
  await sales.write('res.partner', [rheinpharma as number], { phone: '+49 69 1234 0000' });
  await poll();
  const edits = () => emitted.filter((e) => e.subject === SEED.customerPartyId).map((e) => e.id);
  expect(edits()).toHaveLength(1);
  const id = edits()[0] as string;
  const message = await loadMessage(hub.hub.journal.sql, id);
  expect(message).toMatchObject({ type: 'party.updated', subject: SEED.customerPartyId, source: `interline/connector/${CONTRACT_INSTANCE}` });
  expect(message?.envelope?.data).toMatchObject({ id: SEED.customerPartyId, name: 'Rheinpharma Logistik GmbH' });
  // The next poll re-reads the overlap window: the same event again, which the journal already has.
  await poll();
  expect(edits()).toEqual([id, id]);
  const count = await hub.hub.journal.sql.query<{ n: string }>('SELECT count(*) AS n FROM messages WHERE id = $1', [id]);
  expect(Number(count.rows[0]?.n)).toBe(1);
});
