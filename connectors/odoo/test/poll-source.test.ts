// The change poller against the simulator, with the simulator's clock held still so write_date is
// known: people's edits in Odoo become canonical events (canonical ids where the connector made the
// record), the connector's own writes are not echoed, the cursor advances page by page, re-read
// overlaps give the same event ids, and a change within the same second is still seen.
import { PartySchema, check } from '@interline/hub';
import type { OdooClient } from '../src';
import { cursorKey, odooConnector, pollChanges } from '../src';
import { SEED, SIM_USERS, startOdooSimulator } from '../src/testing';
import type { OdooSimulatorHandle } from '../src/testing';
import { clientFor, operationContext, runOperation, sourceContext } from './support/harness';
import type { SourceHarness } from './support/harness';

const T0 = '2025-03-14T10:00:00Z';
let sim: OdooSimulatorHandle;

beforeAll(async () => {
  sim = await startOdooSimulator();
});
afterAll(() => sim.stop());

function freshOdoo(): void {
  sim.clock.freeze(T0);
  sim.reset();
}

const ids = (harness: SourceHarness): string[] => harness.emitted.map((e) => e.id as string);
const newEvents = (harness: SourceHarness, before: number) => harness.emitted.slice(before).filter((e) => !ids(harness).slice(0, before).includes(e.id as string));

describe('a day of changes in Odoo', () => {
  let odoo: OdooClient;
  let sales: OdooClient;
  const harness = sourceContext();
  const poll = () => pollChanges(odoo, harness.ctx);

  beforeAll(() => {
    freshOdoo();
    odoo = clientFor(sim, { poll: { since: '2025-03-14 09:00:00', overlapSeconds: 30 } });
    sales = clientFor(sim, {}, SIM_USERS.sales);
  });

  it('first poll: partners people entered become party.updated with derived ids; the connector’s own records are not echoed', async () => {
    const report = await poll();
    expect(report['res.partner']).toMatchObject({ own: 2, emitted: 1, cursor: { writeDate: '2025-03-14 10:00:00', id: expect.any(Number) } });
    expect(harness.emitted).toHaveLength(1);
    const [hudson] = harness.emitted;
    expect(hudson).toMatchObject({ type: 'party.updated', data: { name: 'Hudson Clinical Supply Inc.', addresses: [{ city: 'Jamaica', countryCode: 'US' }] } });
    expect(hudson?.subject).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(check(PartySchema, hudson?.data)).toMatchObject({ ok: true });
    // The company's own partner has no street: skipped with a reason, not emitted half-empty.
    expect(harness.lines.some((l) => l.msg.includes('change poller skips res.partner 1: res.partner 1 "Interline Cargo GmbH" has no complete address'))).toBe(true);
    expect(harness.state.get(cursorKey('res.partner'))).toEqual(report['res.partner']?.cursor);
  });

  it("a person's edit of a contact becomes party.updated of the company, under the canonical id the connector wrote", async () => {
    sim.clock.advance(60);
    const before = harness.emitted.length;
    const [desk] = await sales.search('res.partner', [['name', '=', 'Export desk']]);
    await sales.write('res.partner', [desk as number], { email: 'export-desk@rheinpharma.example' });
    const report = await poll();
    const fresh = newEvents(harness, before);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({ type: 'party.updated', subject: SEED.customerPartyId, data: { id: SEED.customerPartyId, contacts: [{ email: 'export-desk@rheinpharma.example' }], updatedAt: '2025-03-14T10:01:00Z' } });
    expect(report['res.partner']?.cursor?.writeDate).toBe('2025-03-14 10:01:00');
  });

  it('the connector’s own write is not echoed back, but the cursor moves past it', async () => {
    sim.clock.advance(60);
    const before = harness.emitted.length;
    const ctx = operationContext();
    await runOperation(odoo, 'upsertCustomer', {
      partyId: SEED.customerPartyId,
      country: 'DE',
      partner: { name: 'Rheinpharma Logistik GmbH', is_company: true, street: 'Mainzer Landstraße 212', zip: '60327', city: 'Frankfurt am Main' },
      children: [],
    }, ctx);
    const report = await poll();
    expect(newEvents(harness, before)).toEqual([]);
    expect(report['res.partner']).toMatchObject({ cursor: { writeDate: '2025-03-14 10:02:00' } });
  });

  it('an order a person changed becomes order.updated; an invoice a person paid becomes invoice.paid, once', async () => {
    sim.clock.advance(60);
    const before = harness.emitted.length;
    const [order] = await sales.search('sale.order', [['client_order_ref', '=', SEED.orderId]]);
    await sales.write('sale.order', [order as number], { note: 'Deliver to gate 3' });
    const [invoice] = await sales.search('account.move', [['ref', '=', SEED.invoiceId]]);
    const context = { active_model: 'account.move', active_ids: [invoice] };
    const wizard = await sales.create('account.payment.register', { communication: 'bank transfer 4711' }, { context });
    await sales.action('account.payment.register', 'action_create_payments', [wizard], { context });
    await poll();
    const fresh = newEvents(harness, before);
    expect(fresh.map((e) => e.type).sort()).toEqual(['invoice.paid', 'order.updated']);
    expect(fresh.find((e) => e.type === 'order.updated')).toMatchObject({ subject: SEED.orderId, data: { id: SEED.orderId, customerReference: 'RP-EXP-2025-0311', state: 'confirmed' } });
    expect(fresh.find((e) => e.type === 'invoice.paid')).toMatchObject({ subject: SEED.invoiceId, data: { id: SEED.invoiceId, paymentState: 'paid', totals: { amountDue: { amountMinor: 0 } } } });
    // Another poll within the overlap re-reads them: the same ids, which the hub drops.
    const count = harness.emitted.length;
    await poll();
    expect(newEvents(harness, count)).toEqual([]);
  });

  it('sees a second change within the same second (write_date has whole seconds) as a new event', async () => {
    const before = harness.emitted.length;
    const [hudson] = await sales.search('res.partner', [['name', '=', 'Hudson Clinical Supply Inc.']]);
    await sales.write('res.partner', [hudson as number], { street2: 'Building 9' });
    await poll();
    await sales.write('res.partner', [hudson as number], { street2: 'Building 10, dock 4' });
    await poll();
    const fresh = newEvents(harness, before).filter((e) => e.type === 'party.updated');
    const parties = fresh.map((e) => e.data as { addresses: Array<{ lines: string[] }>; updatedAt: string });
    expect(parties.map((p) => [p.updatedAt, p.addresses[0]?.lines[1]])).toEqual([
      ['2025-03-14T10:03:00Z', 'Building 9'],
      ['2025-03-14T10:03:00Z', 'Building 10, dock 4'],
    ]);
    expect(new Set(fresh.map((e) => e.id)).size).toBe(2);
  });
});

describe('paging and starting points', () => {
  beforeEach(freshOdoo);

  it('reads page by page in write_date, id order and saves the cursor after every page', async () => {
    const odoo = clientFor(sim, { poll: { since: '2025-03-14 09:00:00', pageSize: 1, models: ['res.partner'] } });
    const harness = sourceContext();
    const saved: unknown[] = [];
    const set = harness.ctx.state.set;
    harness.ctx.state.set = async (key, value) => {
      saved.push(value);
      await set(key, value);
    };
    const report = await pollChanges(odoo, harness.ctx);
    const partners = await odoo.search('res.partner', [], { order: 'write_date asc, id asc', context: { active_test: false } });
    expect(report['res.partner']?.read).toBe(partners.length);
    expect(saved).toEqual(partners.map((id) => ({ writeDate: '2025-03-14 10:00:00', id })));
    const calls = sim.inspect().calls.filter((c) => c.operation === 'res.partner.search_read');
    expect(calls.length).toBeGreaterThanOrEqual(partners.length);
  });

  it('without a cursor or since, starts at the time of the first poll: no back-fill', async () => {
    const odoo = clientFor(sim, { poll: { overlapSeconds: 30 } });
    const harness = sourceContext();
    const report = await pollChanges(odoo, harness.ctx, new Date('2025-03-14T11:00:00Z'));
    expect(harness.emitted).toEqual([]);
    expect(report['res.partner']).toMatchObject({ read: 0, cursor: { writeDate: '2025-03-14 10:59:30', id: 0 } });
  });

  it('the hub’s source polls at most once per intervalSeconds, and not at all with no models', async () => {
    const source = odooConnector.sources?.changes;
    if (source?.kind !== 'poll') throw new Error('the changes source is a poll source');
    const harness = sourceContext();
    const pollsOf = () => sim.inspect().calls.filter((c) => c.operation === 'res.partner.search_read').length;
    const odoo = clientFor(sim, { poll: { since: '2025-03-14 09:00:00', intervalSeconds: 3600 } });
    await source.poll(odoo, harness.ctx);
    const once = pollsOf();
    await source.poll(odoo, harness.ctx);
    expect(pollsOf()).toBe(once);
    await source.poll(clientFor(sim, { poll: { models: [] } }), harness.ctx);
    expect(pollsOf()).toBe(once);
  });
});
