// Recovery: a hub stopped with deliveries still retrying finishes them when it starts again on the
// same journal, and none of them is delivered twice.
import { Ledger, ledgerConnector } from '../support/ledger-connector';
import { eventually, startTestHub } from '../support/test-hub';
import { createEnvelope, messageDetail } from '../../src';

const ROUTES = `
routes:
  - id: to-ledger
    from: { type: test.ping }
    steps:
      - to: ledger.write
    retry: { attempts: 10, baseDelay: 2s, maxDelay: 2s, maxAge: 1h }
`;

it('resumes retrying deliveries after a restart on the same journal', async () => {
  const ledger = new Ledger();
  const first = await startTestHub({ routes: ROUTES, connectors: { ledger: ledgerConnector(ledger) }, persistentJournal: true });
  ledger.faults.push('transient', 'transient', 'transient');
  const envelopes = [1, 2, 3].map((n) => createEnvelope({ type: 'test.ping', source: 'test', data: { nonce: `r${n}`, sentAt: new Date().toISOString() } }));
  for (const envelope of envelopes) await first.hub.ingress.submit(envelope);
  // All three failed once and wait 2 s for their next attempt: stop the hub in the middle of that.
  await eventually(() => ledger.calls.length === 3, 10_000, 'three first attempts');
  await first.stop();
  expect(ledger.entries).toHaveLength(0);

  const second = await startTestHub({ routes: ROUTES, connectors: { ledger: ledgerConnector(ledger) }, persistentJournal: true, dir: first.dir });
  try {
    await eventually(() => ledger.entries.length === 3, 40_000, 'all three delivered after the restart');
    expect(new Set(ledger.entries.map((e) => e.messageId))).toEqual(new Set(envelopes.map((e) => e.id)));
    // The effect lands before the group-committed journal write that records it: wait for the journal.
    const delivery = await eventually(async () => {
      const detail = await messageDetail(second.hub.journal.sql, envelopes[0]?.id ?? '');
      return detail?.deliveries[0]?.status === 'delivered' ? detail.deliveries[0] : undefined;
    }, 10_000, 'the journal to record the delivery');
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
  } finally {
    await second.stop();
  }
}, 90_000);
