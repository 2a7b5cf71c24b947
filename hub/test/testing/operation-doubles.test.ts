// The in-memory doubles connector tests run on must keep the journal's rules, or a connector test
// passes on behaviour production refuses: each rule is checked here on the double and, where it is
// the journal's, on the journal-backed store (PGlite) with the same calls.
import { PgliteClient, bindingStore, connectorState, migrate } from '../../src';
import type { BindingStore, ConnectorState } from '../../src';
import { collectEmitted, memoryBindings, memoryConnectorState, rejectionOf, testOperationContext } from '../../src/testing';

let sql: PgliteClient;
beforeAll(async () => {
  sql = await PgliteClient.open();
  await migrate(sql);
});
afterAll(() => sql.close());

let journalStores = 0;
const stores = (): Array<[string, () => BindingStore]> => [
  ['memory', () => memoryBindings('test')],
  ['journal', () => bindingStore(sql, `test-${++journalStores}`, 'default')],
];

describe.each(stores())('bindings (%s)', (_name, open) => {
  it('keeps one row per entity and canonical id: a second put re-binds it', async () => {
    const bindings = open();
    await bindings.put('order', 'o-1', 'SO001', { status: 'draft' });
    await bindings.put('order', 'o-1', 'SO002', { status: 'sent' });
    expect(await bindings.get('order', 'o-1')).toMatchObject({ canonicalId: 'o-1', externalId: 'SO002', extra: { status: 'sent' }, tenant: 'default' });
    expect(await bindings.getByExternal('order', 'SO002')).toMatchObject({ canonicalId: 'o-1' });
    expect(await bindings.getByExternal('order', 'SO001')).toBeUndefined();
  });

  it('refuses a second canonical id for an external id of the same entity, and leaves the first', async () => {
    const bindings = open();
    await bindings.put('order', 'o-1', 'SO001');
    await expect(bindings.put('order', 'o-2', 'SO001')).rejects.toThrow();
    expect(await bindings.getByExternal('order', 'SO001')).toMatchObject({ canonicalId: 'o-1' });
    expect(await bindings.get('order', 'o-2')).toBeUndefined();
    await bindings.put('invoice', 'o-2', 'SO001');
    expect(await bindings.get('invoice', 'o-2')).toMatchObject({ externalId: 'SO001' });
  });

  it('hands back copies: changing a row read or the extra written does not change the store', async () => {
    const bindings = open();
    const extra = { lines: [1, 2] };
    await bindings.put('order', 'o-1', 'SO001', extra);
    extra.lines.push(3);
    const read = await bindings.get('order', 'o-1');
    read!.extra.lines = [];
    expect((await bindings.get('order', 'o-1'))?.extra).toEqual({ lines: [1, 2] });
  });
});

describe.each<[string, () => ConnectorState]>([
  ['memory', () => memoryConnectorState()],
  ['journal', () => connectorState(sql, `state-${++journalStores}`)],
])('connector state (%s)', (_name, open) => {
  it('stores values as JSON: deep copies, dates as strings, undefined fields dropped, undefined as null', async () => {
    const state = open();
    const value = { cursor: { id: 7 }, at: new Date('2025-03-14T10:00:00.000Z'), gone: undefined };
    await state.set('cursor', value);
    value.cursor.id = 8;
    const read = await state.get<{ cursor: { id: number } }>('cursor');
    expect(read).toStrictEqual({ cursor: { id: 7 }, at: '2025-03-14T10:00:00.000Z' });
    read!.cursor.id = 9;
    expect(await state.get('cursor')).toMatchObject({ cursor: { id: 7 } });
    await state.set('nothing', undefined);
    expect(await state.get('nothing')).toBeNull();
    expect(await state.get('never-set')).toBeUndefined();
  });
});

describe('memory bindings', () => {
  it('names the clash and the way out, and lists rows in the order first bound', async () => {
    const bindings = memoryBindings('odoo');
    await bindings.put('res.partner', 'party-2', '12');
    await bindings.put('res.partner', 'party-1', '11');
    await bindings.put('res.partner', 'party-2', '13');
    const error = await rejectionOf(bindings.put('res.partner', 'party-3', '11'));
    expect(error.message).toContain('binding odoo/res.partner party-3 → 11 clashes with party-1');
    expect(error.message).toContain('re-bind party-1 first');
    expect(bindings.all().map((row) => [row.connector, row.canonicalId, row.externalId])).toEqual([
      ['odoo', 'party-2', '13'],
      ['odoo', 'party-1', '11'],
    ]);
  });
});

describe('testOperationContext', () => {
  it('records what the operation emits, in order, with subject and partition key when given', () => {
    const ctx = testOperationContext();
    ctx.emit('shipment.status-changed', { status: 'DEP' }, { subject: '020-1', partitionkey: '020-1' });
    ctx.emit('shipment.status-changed', { status: 'ARR' });
    expect(ctx.emitted).toEqual([
      { type: 'shipment.status-changed', data: { status: 'DEP' }, subject: '020-1', partitionkey: '020-1' },
      { type: 'shipment.status-changed', data: { status: 'ARR' } },
    ]);
  });

  it('gives each context its own message id and idempotency key, and takes what the test sets', async () => {
    const first = testOperationContext({ connector: 'gds', route: 'route-gds' });
    const second = testOperationContext();
    expect(first.envelope.id).not.toBe(second.envelope.id);
    expect(first.idempotencyKey).toBe(`${first.envelope.id}:route-gds:1`);
    expect(first.envelope.correlationid).toBe(first.envelope.id);
    await first.bindings.put('pnr', 'pnr-1', 'ABC123');
    expect(first.bindings.all()).toEqual([expect.objectContaining({ connector: 'gds', externalId: 'ABC123' })]);

    const controller = new AbortController();
    const set = testOperationContext({ envelope: { id: 'msg-1', type: 'shipment.booked', correlationid: 'corr-1' }, idempotencyKey: 'msg-1:route:step', attempt: 3, signal: controller.signal, bindings: first.bindings });
    expect(set).toMatchObject({ idempotencyKey: 'msg-1:route:step', attempt: 3, envelope: { id: 'msg-1', type: 'shipment.booked', correlationid: 'corr-1', tenant: 'default' } });
    expect(set.signal).toBe(controller.signal);
    expect(set.bindings).toBe(first.bindings);
  });
});

describe('collectEmitted and rejectionOf', () => {
  it('collects what a source emits', async () => {
    const { emit, events } = collectEmitted();
    await emit({ type: 'payment.succeeded', data: { id: 'pay-1' }, id: 'evt-1' });
    expect(events).toEqual([{ type: 'payment.succeeded', data: { id: 'pay-1' }, id: 'evt-1' }]);
  });

  it('returns the error of a rejection and fails on a resolution or a non-Error', async () => {
    expect((await rejectionOf(Promise.reject(new RangeError('too far')))).message).toBe('too far');
    await expect(rejectionOf(Promise.resolve(1))).rejects.toThrow('expected the call to reject, but it resolved');
    await expect(rejectionOf(Promise.reject('plain text'))).rejects.toThrow("it rejected with 'plain text'");
  });
});
