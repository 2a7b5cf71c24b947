// A partner's rate limit (connectors.<name>.rateLimit): calls wait for a token from the hub's cache
// bucket instead of hammering the partner, without using up attempts, and every message still
// arrives once.
import { Ledger, ledgerConnector } from '../support/ledger-connector';
import { eventually, startTestHub } from '../support/test-hub';
import type { TestHub } from '../support/test-hub';
import { createEnvelope, messageDetail } from '../../src';

describe('a connector with a partner rate limit', () => {
  const ledger = new Ledger();
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub({
      routes: 'routes:\n  - id: to-ledger\n    from: { type: test.ping }\n    steps: [ validate, { to: ledger.write } ]\n    ordering: none\n    concurrency: 16\n',
      connectors: { ledger: ledgerConnector(ledger) },
      config: ['server: { host: 127.0.0.1, port: 0 }', 'connectors:', '  ledger:', '    use: ledger', '    rateLimit: { perSecond: 10, burst: 2 }'].join('\n'),
    });
  });
  afterAll(() => hub.stop());

  it('spreads 8 concurrent deliveries over the allowed rate, each delivered once on its first attempt', async () => {
    const envelopes = Array.from({ length: 8 }, (_, i) => createEnvelope({ type: 'test.ping', source: 'test', data: { nonce: `rl-${i}`, sentAt: new Date().toISOString() } }));
    await Promise.all(envelopes.map((e) => hub.hub.ingress.submit(e)));
    await eventually(() => ledger.entries.length === 8, 10_000, 'all 8 deliveries');
    const times = ledger.calls.map((c) => c.at).sort((a, b) => a - b);
    // A burst of 2, then one token every 100 ms: the 8th call cannot come before ~600 ms after the first.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(500);
    expect(ledger.calls).toHaveLength(8);
    for (const envelope of envelopes) {
      const detail = await messageDetail(hub.hub.journal.sql, envelope.id);
      expect(detail?.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    }
  });
});
