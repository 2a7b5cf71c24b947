// The hot idempotency cache in front of the journal (Redis, own key prefix): a message id ingress
// journaled is answered "duplicate" from Redis without the journal; a cache that fails only costs
// the journal round trip, with one warning.
import { randomBytes } from 'node:crypto';
import { Ledger, ledgerConnector } from '../support/ledger-connector';
import { startTestHub } from '../support/test-hub';
import type { TestHub } from '../support/test-hub';
import { MemoryCache, RedisCache, createEnvelope, loadMessage, silentLogger } from '../../src';
import type { Cache } from '../../src';
import { seenMessagesIn } from '../../src/runtime/seen-messages';

const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `interline-test:${randomBytes(4).toString('hex')}:`;

describe('ingress with the Redis idempotency cache', () => {
  let hub: TestHub;
  let redis: RedisCache;
  const ledger = new Ledger();
  const submitted: string[] = [];

  beforeAll(async () => {
    hub = await startTestHub({
      routes: 'routes:\n  - id: to-ledger\n    from: { type: test.ping }\n    steps: [ validate, { to: ledger.write } ]\n',
      connectors: { ledger: ledgerConnector(ledger) },
      config: ['server: { host: 127.0.0.1, port: 0 }', `runtime: { cache: "${REDIS}?keyPrefix=${PREFIX}" }`, 'connectors:', '  ledger: { use: ledger }'].join('\n'),
    });
    redis = await RedisCache.open(REDIS, PREFIX);
  });
  afterAll(async () => {
    await hub.stop();
    for (const id of submitted) await redis.delete(`ingress:seen:${id}`);
    await redis.close();
  });

  it('remembers a journaled id in Redis under the deployment prefix and answers a repeat from there', async () => {
    expect(hub.cache.kind).toBe('redis');
    const envelope = createEnvelope({ type: 'test.ping', source: 'test', data: { nonce: 'seen-1', sentAt: new Date().toISOString() } });
    submitted.push(envelope.id);
    expect(await hub.hub.ingress.submit(envelope)).toMatchObject({ status: 'accepted' });
    expect(await redis.get(`ingress:seen:${envelope.id}`)).toBe('1');
    // Take the message out of the journal behind the hub's back: only the cache can still know it.
    await hub.hub.journal.sql.query('DELETE FROM transitions WHERE message_id = $1', [envelope.id]);
    await hub.hub.journal.sql.query('DELETE FROM step_results WHERE message_id = $1', [envelope.id]);
    await hub.hub.journal.sql.query('DELETE FROM deliveries WHERE message_id = $1', [envelope.id]);
    await hub.hub.journal.sql.query('DELETE FROM messages WHERE id = $1', [envelope.id]);
    expect(await hub.hub.ingress.submit(envelope)).toEqual({ status: 'duplicate', id: envelope.id });
    expect(await loadMessage(hub.hub.journal.sql, envelope.id)).toBeUndefined();
  });

  it('still de-duplicates through the journal when the cache forgot the id', async () => {
    const envelope = createEnvelope({ type: 'test.ping', source: 'test', data: { nonce: 'seen-2', sentAt: new Date().toISOString() } });
    submitted.push(envelope.id);
    expect(await hub.hub.ingress.submit(envelope)).toMatchObject({ status: 'accepted' });
    await redis.delete(`ingress:seen:${envelope.id}`);
    expect(await hub.hub.ingress.submit(envelope)).toEqual({ status: 'duplicate', id: envelope.id });
    expect(await redis.get(`ingress:seen:${envelope.id}`)).toBe('1');
  });
});

describe('seenMessagesIn when the cache fails', () => {
  it('reports "not seen" and warns once per interval instead of failing ingress', async () => {
    const broken: Cache = Object.assign(new MemoryCache(), {
      get: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      },
      set: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      },
    });
    const warnings: string[] = [];
    const logger = Object.assign(silentLogger(), { warn: (_fields: unknown, message: string) => void warnings.push(message) });
    const seen = seenMessagesIn(broken, logger as never);
    expect(await seen.seen('a')).toBe(false);
    await seen.remember('a');
    expect(await seen.seen('b')).toBe(false);
    expect(warnings).toEqual(['ingress idempotency cache unavailable while checking a message id; the journal still de-duplicates']);
  });
});
