// The delivery guarantees, end to end through a real hub: journal states, retries, dead letters,
// fan-out, ordering, replay and bad input — each asserted on what the journal and the sink hold.
import { Ledger, ledgerConnector } from '../support/ledger-connector';
import { eventually, startTestHub } from '../support/test-hub';
import type { TestHub } from '../support/test-hub';
import { createTestDatabase } from '../support/test-database';
import type { TestDatabase } from '../support/test-database';
import { createEnvelope, listDeadLetters, messageDetail } from '../../src';

const ROUTES = `
routes:
  - id: to-ledger
    from: { type: test.ping }
    steps:
      - validate
      - to: ledger.write
    retry: { attempts: 4, baseDelay: 5ms, maxDelay: 20ms, maxAge: 1h }
    timeout: 2s
  # Broken on purpose: these dead-letter with a config error naming what is missing.
  - id: missing-mapping
    from: { type: party.registered }
    steps:
      - map: nowhere/not-a-mapping
      - to: ledger.write
  - id: missing-connector
    from: { type: party.updated }
    steps:
      - to: erp.upsert
  - id: slow-ledger
    from: { type: order.created }
    steps:
      - to: ledger.write
    retry: { attempts: 2, baseDelay: 5ms, maxDelay: 10ms, maxAge: 1h }
    timeout: 150ms
`;

function ping(nonce: string, extra: { partitionkey?: string; data?: unknown } = {}) {
  return createEnvelope({
    type: 'test.ping',
    source: 'test',
    data: extra.data ?? { nonce, sentAt: new Date().toISOString() },
    ...(extra.partitionkey ? { partitionkey: extra.partitionkey } : {}),
  });
}

async function deliveryStatus(hub: TestHub, id: string, route = 'to-ledger'): Promise<string | undefined> {
  const detail = await messageDetail(hub.hub.journal.sql, id);
  return detail?.deliveries.find((d) => d.routeId === route)?.status;
}

// The same guarantees on both journals: PGlite (embedded) and PostgreSQL (production), same SQL.
describe.each(['pglite', 'postgres'] as const)('delivery through a hub with the %s journal', (journal) => {
  // One hub for the file (a PGlite start costs seconds); tests keep apart by message id.
  const ledger = new Ledger();
  let hub: TestHub;
  const entriesFor = (...ids: string[]) => ledger.entries.filter((e) => ids.includes(e.messageId));
  const callsFor = (id: string) => ledger.calls.filter((c) => c.key.startsWith(`${id}:`));
  const deadLettersOf = async (id: string) => (await listDeadLetters(hub.hub.journal.sql, { ids: [id] })).items;

  let database: TestDatabase | undefined;

  beforeAll(async () => {
    database = journal === 'postgres' ? await createTestDatabase() : undefined;
    hub = await startTestHub({ routes: ROUTES, connectors: { ledger: ledgerConnector(ledger) }, ...(database ? { databaseUrl: database.url } : {}) });
  });
  afterAll(async () => {
    await hub.stop();
    await database?.drop();
  });
  beforeEach(() => {
    ledger.faults = [];
    ledger.emitType = undefined;
  });

  it('delivers an accepted message once and journals received → routed → delivered', async () => {
    const envelope = ping('a1');
    const result = await hub.hub.ingress.submit(envelope);
    expect(result).toEqual({ status: 'accepted', id: envelope.id, routes: ['to-ledger'] });
    await eventually(async () => (await deliveryStatus(hub, envelope.id)) === 'delivered');
    expect(entriesFor(envelope.id)).toHaveLength(1);
    expect(entriesFor(envelope.id)[0]?.key).toBe(`${envelope.id}:to-ledger:1`);
    const detail = await messageDetail(hub.hub.journal.sql, envelope.id);
    expect(detail?.transitions.map((t) => t.state)).toEqual(['received', 'routed', 'delivered']);
  });

  it('treats the same message id sent twice as one message', async () => {
    const envelope = ping('dup');
    await hub.hub.ingress.submit(envelope);
    expect(await hub.hub.ingress.submit(envelope)).toEqual({ status: 'duplicate', id: envelope.id });
    await eventually(async () => (await deliveryStatus(hub, envelope.id)) === 'delivered');
    expect(entriesFor(envelope.id)).toHaveLength(1);
  });

  it('retries a sink that fails transiently twice, then delivers exactly once', async () => {
    ledger.faults.push('transient', 'transient');
    const envelope = ping('t2');
    await hub.hub.ingress.submit(envelope);
    await eventually(async () => (await deliveryStatus(hub, envelope.id)) === 'delivered');
    expect(callsFor(envelope.id)).toHaveLength(3);
    expect(entriesFor(envelope.id)).toHaveLength(1);
    const detail = await messageDetail(hub.hub.journal.sql, envelope.id);
    const states = detail?.transitions.map((t) => t.state);
    expect(states).toEqual(['received', 'routed', 'retrying', 'retrying', 'delivered']);
    const retry = detail?.transitions.find((t) => t.state === 'retrying');
    expect(retry?.error).toMatchObject({ errorClass: 'transient', connector: 'ledger', step: '1:to:ledger.write' });
    expect(detail?.deliveries[0]?.attempts).toBe(3);
  });

  it('dead-letters a permanent failure at once, without a retry storm', async () => {
    ledger.faults.push('permanent');
    const envelope = ping('p1');
    await hub.hub.ingress.submit(envelope);
    await eventually(async () => (await deliveryStatus(hub, envelope.id)) === 'dead');
    expect(callsFor(envelope.id)).toHaveLength(1);
    const items = await deadLettersOf(envelope.id);
    expect(items).toHaveLength(1);
    expect(items[0]?.error).toMatchObject({ errorClass: 'permanent', connector: 'ledger' });
    expect(items[0]?.error?.message).toContain('amount must be positive');
  });

  it('dead-letters after the route’s attempts are used up', async () => {
    ledger.faults.push('transient', 'transient', 'transient', 'transient', 'transient');
    const envelope = ping('t5');
    await hub.hub.ingress.submit(envelope);
    await eventually(async () => (await deliveryStatus(hub, envelope.id)) === 'dead');
    expect(callsFor(envelope.id)).toHaveLength(4);
    const detail = await messageDetail(hub.hub.journal.sql, envelope.id);
    const dead = detail?.transitions.find((t) => t.state === 'dead');
    expect(dead?.detail).toMatchObject({ deadReason: expect.stringContaining('gave up after 4 attempts') });
  });

  it('replays a dead letter after the fault is fixed and delivers exactly once', async () => {
    ledger.faults.push('permanent');
    const envelope = ping('r1');
    await hub.hub.ingress.submit(envelope);
    await eventually(async () => (await deliveryStatus(hub, envelope.id)) === 'dead');
    const result = await hub.hub.deadLetters.replay(envelope.id, { actor: 'test:support', reason: 'partner fixed validation' });
    expect(result).toEqual({ messageId: envelope.id, replayed: ['to-ledger'], skipped: [] });
    await eventually(async () => (await deliveryStatus(hub, envelope.id)) === 'delivered');
    expect(entriesFor(envelope.id)).toHaveLength(1);
    // A second replay finds nothing dead: no second effect.
    const again = await hub.hub.deadLetters.replay(envelope.id, { actor: 'test:support' });
    expect(again.error).toContain('has no dead deliveries');
    expect(entriesFor(envelope.id)).toHaveLength(1);
    const detail = await messageDetail(hub.hub.journal.sql, envelope.id);
    expect(detail?.audit).toEqual([expect.objectContaining({ actor: 'test:support', action: 'replay', reason: 'partner fixed validation' })]);
    expect(detail?.transitions.map((t) => t.state)).toEqual(['received', 'routed', 'dead', 'replayed', 'delivered']);
  });

  it('journals a payload that fails its schema as a validation dead letter naming the field', async () => {
    const envelope = ping('x', { data: { nonce: 'has spaces!', sentAt: 'yesterday' } });
    await hub.hub.ingress.submit(envelope);
    await eventually(async () => (await deliveryStatus(hub, envelope.id)) === 'dead');
    const items = await deadLettersOf(envelope.id);
    expect(items[0]?.error?.errorClass).toBe('validation');
    expect(items[0]?.error?.message).toContain('/nonce');
    expect(items[0]?.error?.message).toContain('/sentAt');
    expect(callsFor(envelope.id)).toHaveLength(0);
  });

  it('fixes a dead letter with a JSON Patch edit, keeps the original, and delivers once', async () => {
    const envelope = ping('x', { data: { nonce: 'bad nonce', sentAt: '2025-01-01T00:00:00Z' } });
    await hub.hub.ingress.submit(envelope);
    await eventually(async () => (await deliveryStatus(hub, envelope.id)) === 'dead');
    const patch = [{ op: 'replace', path: '/data/nonce', value: 'good-nonce' }];
    const result = await hub.hub.deadLetters.replay(envelope.id, { actor: 'test:support', reason: 'typo', patch });
    expect(result.replayed).toEqual(['to-ledger']);
    await eventually(async () => (await deliveryStatus(hub, envelope.id)) === 'delivered');
    expect(entriesFor(envelope.id).map((e) => (e.value as { nonce: string }).nonce)).toEqual(['good-nonce']);
    const detail = await messageDetail(hub.hub.journal.sql, envelope.id);
    expect(detail?.revisions).toHaveLength(1);
    expect((detail?.revisions[0]?.envelope as { data: { nonce: string } }).data.nonce).toBe('bad nonce');
    expect(detail?.revisions[0]?.patch).toEqual(patch);
  });

  it('discards a dead letter with a reason, audited, and it leaves the list', async () => {
    ledger.faults.push('permanent');
    const envelope = ping('d1');
    await hub.hub.ingress.submit(envelope);
    await eventually(async () => (await deliveryStatus(hub, envelope.id)) === 'dead');
    expect((await hub.hub.deadLetters.discard(envelope.id, { actor: 'test:admin', reason: '' })).error).toContain('reason is required');
    const result = await hub.hub.deadLetters.discard(envelope.id, { actor: 'test:admin', reason: 'duplicate of a manual booking' });
    expect(result.discarded).toEqual(['to-ledger']);
    expect(await deadLettersOf(envelope.id)).toHaveLength(0);
    const detail = await messageDetail(hub.hub.journal.sql, envelope.id);
    expect(detail?.audit[0]).toMatchObject({ action: 'discard', actor: 'test:admin', reason: 'duplicate of a manual booking' });
  });

  it('journals malformed JSON as a dead letter and keeps running', async () => {
    const rejected = await hub.hub.ingress.submitRaw('{"specversion": "1.0", "type": ');
    expect(rejected.status).toBe('rejected');
    if (rejected.status !== 'rejected') return;
    expect(rejected.error.errorClass).toBe('malformed');
    expect(rejected.error.message).toContain('not valid JSON');
    const detail = await messageDetail(hub.hub.journal.sql, rejected.id);
    expect(detail?.message.raw).toBe('{"specversion": "1.0", "type": ');
    expect(detail?.deliveries).toEqual([expect.objectContaining({ routeId: '$ingress', status: 'dead' })]);
    const next = ping('after-bad-input');
    await hub.hub.ingress.submit(next);
    await eventually(async () => (await deliveryStatus(hub, next.id)) === 'delivered');
  });

  it('replays a malformed message after an edit that replaces the whole document', async () => {
    const rejected = await hub.hub.ingress.submitRaw('not json at all');
    const fixed = ping('fixed');
    const result = await hub.hub.deadLetters.replay(rejected.id, { actor: 'test:support', patch: [{ op: 'replace', path: '', value: fixed }] });
    expect(result.replayed).toEqual(['to-ledger']);
    await eventually(async () => (await deliveryStatus(hub, rejected.id)) === 'delivered');
    expect(entriesFor(rejected.id)).toHaveLength(1);
  });

  it('rejects an unknown event type with a suggestion, journaled', async () => {
    const envelope = { ...ping('u'), type: 'test.pong' };
    const result = await hub.hub.ingress.submit(envelope);
    expect(result.status).toBe('rejected');
    if (result.status !== 'rejected') return;
    expect(result.error.errorClass).toBe('unknown-type');
    expect(result.error.message).toMatch(/test\.pong.*test\.ping/);
    expect((await listDeadLetters(hub.hub.journal.sql, { errorClass: 'unknown-type', ids: [result.id] })).total).toBe(1);
  });

  it('rejects an envelope missing required attributes, naming them', async () => {
    const result = await hub.hub.ingress.submit({ specversion: '1.0', type: 'test.ping' });
    expect(result.status).toBe('rejected');
    if (result.status !== 'rejected') return;
    expect(result.error.errorClass).toBe('malformed');
    expect(result.error.message).toContain('/id');
    expect(result.error.message).toContain('/source');
  });

  it('dead-letters a route whose mapping does not exist, naming the mapping and the fix', async () => {
    const envelope = createEnvelope({ type: 'party.registered', source: 'test', data: {} });
    await hub.hub.ingress.submit(envelope);
    await eventually(async () => (await deliveryStatus(hub, envelope.id, 'missing-mapping')) === 'dead');
    const [letter] = await deadLettersOf(envelope.id);
    expect(letter?.error?.errorClass).toBe('config');
    expect(letter?.error?.message).toContain("no mapping 'nowhere/not-a-mapping'");
    expect(letter?.attempts).toBe(1);
  });

  it('dead-letters a route whose connector is not configured, naming it', async () => {
    const envelope = createEnvelope({ type: 'party.updated', source: 'test', data: {} });
    await hub.hub.ingress.submit(envelope);
    await eventually(async () => (await deliveryStatus(hub, envelope.id, 'missing-connector')) === 'dead');
    const [letter] = await deadLettersOf(envelope.id);
    expect(letter?.error?.errorClass).toBe('config');
    expect(letter?.error?.message).toContain("no connector instance 'erp'");
  });

  it('times a hanging call out, retries it, and dead-letters when attempts run out', async () => {
    ledger.faults.push('hang', 'hang');
    const envelope = createEnvelope({ type: 'order.created', source: 'test', data: {} });
    await hub.hub.ingress.submit(envelope);
    await eventually(async () => (await deliveryStatus(hub, envelope.id, 'slow-ledger')) === 'dead', 10_000);
    const detail = await messageDetail(hub.hub.journal.sql, envelope.id);
    const failures = detail?.transitions.filter((t) => t.error) ?? [];
    expect(failures.map((t) => [t.state, t.error?.errorClass])).toEqual([
      ['retrying', 'timeout'],
      ['dead', 'timeout'],
    ]);
    expect(failures[0]?.error?.message).toContain('did not answer within 150 ms');
  });

  it('keeps per-partition-key order even when the first message needs retries', async () => {
    ledger.faults.push('transient', 'transient');
    const envelopes = [1, 2, 3, 4, 5].map((n) => ping(`k${n}`, { partitionkey: 'AWB-020-12345675' }));
    for (const envelope of envelopes) await hub.hub.ingress.submit(envelope);
    const ids = envelopes.map((e) => e.id);
    await eventually(() => entriesFor(...ids).length === 5);
    expect(entriesFor(...ids).map((e) => e.messageId)).toEqual(ids);
  });

  it('records emitted follow-up events once, with causation and correlation', async () => {
    // party.updated has no route here, so the chain stops after one level.
    ledger.emitType = 'party.updated';
    const envelope = ping('emit');
    await hub.hub.ingress.submit(envelope);
    await eventually(async () => (await deliveryStatus(hub, envelope.id)) === 'delivered');
    const children = await hub.hub.journal.sql.query<{ id: string; causation_id: string; correlation_id: string; type: string }>(
      'SELECT id, causation_id, correlation_id, type FROM messages WHERE causation_id = $1',
      [envelope.id],
    );
    expect(children.rows).toEqual([expect.objectContaining({ type: 'party.updated', correlation_id: envelope.id })]);
  });
});
