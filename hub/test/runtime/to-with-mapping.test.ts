// `to: <connector>.<operation>` with `with: <mapping>`: the call receives the mapped value while the
// next step still receives what the step was given — how a saga route sends a connector its own
// shape and then tells the portal about the original event.
import { Ledger, ledgerConnector } from '../support/ledger-connector';
import { eventually, startTestHub } from '../support/test-hub';
import type { TestHub } from '../support/test-hub';
import { createEnvelope, listDeadLetters, messageDetail } from '../../src';

const ROUTES = `
routes:
  - id: shaped-then-original
    from: { type: test.ping }
    steps:
      - validate
      - to: ledger.write
        with: ledger/wrap
      - to: ledger.write
    retry: { attempts: 2, baseDelay: 5ms, maxDelay: 10ms, maxAge: 1h }
  - id: broken-with
    from: { type: party.registered }
    steps:
      - to: ledger.write
        with: ledger/not-there
`;

describe('a to step with a with: mapping', () => {
  const ledger = new Ledger();
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub({
      routes: ROUTES,
      connectors: { ledger: ledgerConnector(ledger) },
      mappings: { 'ledger/wrap.jsonata': '{ "wrapped": nonce, "kind": "shaped" }' },
    });
  });
  afterAll(async () => {
    await hub.stop();
  });

  it('sends the mapped value to its call and the original value to the next step', async () => {
    const sentAt = new Date().toISOString();
    const envelope = createEnvelope({ type: 'test.ping', source: 'test', data: { nonce: 'w1', sentAt } });
    expect((await hub.hub.ingress.submit(envelope)).status).toBe('accepted');
    await eventually(async () => (await messageDetail(hub.hub.journal.sql, envelope.id))?.deliveries[0]?.status === 'delivered');
    const values = ledger.entries.filter((e) => e.messageId === envelope.id).map((e) => e.value);
    expect(values).toEqual([{ wrapped: 'w1', kind: 'shaped' }, { nonce: 'w1', sentAt }]);
  });

  it('dead-letters with the route, step and fix when the with: mapping is missing, calling nothing', async () => {
    const envelope = createEnvelope({ type: 'party.registered', source: 'test', data: {} });
    await hub.hub.ingress.submit(envelope);
    const dead = await eventually(async () => (await listDeadLetters(hub.hub.journal.sql, { ids: [envelope.id] })).items[0]);
    expect(dead.error?.message).toContain("route 'broken-with' step 1");
    expect(dead.error?.message).toContain("no mapping 'ledger/not-there' is registered; add mappings/src/ledger/not-there.mapping.ts");
    expect(ledger.entries.filter((e) => e.messageId === envelope.id)).toEqual([]);
  });
});
