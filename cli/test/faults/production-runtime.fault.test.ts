// The production runtime under faults, against the real servers: two hub processes on RabbitMQ and
// PostgreSQL (own vhost and database), a counting sink keyed by idempotency key, a few thousand
// messages, and four faults — a worker killed with SIGKILL, RabbitMQ restarted, the workers'
// PostgreSQL connections terminated, and a sink that times out on 30% of calls. After each: every
// accepted message delivered exactly once, the journal consistent, no dead letters.
// Runs in band (jest.faults.config.js): it restarts the shared RabbitMQ node.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { startHttpSimulator, SIMULATOR_BEARER_TOKEN } from '@interline/connector-http/testing';
import type { HttpSimulatorHandle } from '@interline/connector-http/testing';
import { issueLocalToken, SimulatorControlClient } from '@interline/hub';
import { createTestDatabase } from '../../../hub/test/support/test-database';
import type { TestDatabase } from '../../../hub/test/support/test-database';
import { createTestVhost } from '../../../hub/test/support/test-vhost';
import type { TestVhost } from '../../../hub/test/support/test-vhost';
import { makeHubDir, startHubProcess, waitFor } from '../e2e/hub-process';
import type { HubProcess } from '../e2e/hub-process';

const ROUTES = `
routes:
  - id: ping-to-sink
    from: { type: test.ping }
    steps:
      - validate
      - to: sink.deliver
    retry: { attempts: 30, baseDelay: 50ms, maxDelay: 1s, maxAge: 1h }
    timeout: 1s
    concurrency: 16
`;

// Per scenario; 8,000 messages over the four faults.
const BATCH = 2000;

describe('production runtime under faults (RabbitMQ + PostgreSQL, two workers)', () => {
  let sink: HttpSimulatorHandle;
  let database: TestDatabase;
  let vhost: TestVhost;
  let dir: string;
  let env: Record<string, string>;
  let api: HubProcess;
  let worker: HubProcess;
  let token: string;
  const accepted = new Set<string>();

  const start = (role: 'all' | 'worker') => startHubProcess(dir, { ...env, INTERLINE_ROLE: role });

  /** Submit like a real client: retry on failure with the same id until the hub says 202. */
  async function submit(id: string): Promise<void> {
    for (let attempt = 0; attempt < 120; attempt++) {
      try {
        const response = await fetch(`${api.url}/v1/admin/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ specversion: '1.0', id, source: 'fault-test', type: 'test.ping', partitionkey: `awb-${id.slice(0, 2)}`, data: { nonce: id.slice(0, 12), sentAt: new Date().toISOString() } }),
        });
        await response.arrayBuffer();
        if (response.status === 202) {
          accepted.add(id);
          return;
        }
      } catch {
        // connection refused or reset while a server restarts: try again
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`message ${id} was never accepted`);
  }

  let batchStarted = 0;

  async function sendBatch(during: () => Promise<void>): Promise<string[]> {
    batchStarted = Date.now();
    const ids = Array.from({ length: BATCH }, () => randomUUID());
    let next = 0;
    const sender = async (): Promise<void> => {
      while (next < ids.length) await submit(ids[next++] as string);
    };
    const sending = Promise.all(Array.from({ length: 16 }, sender));
    // The fault strikes mid-stream: once part of the batch is through.
    await waitFor(async () => next > BATCH / 3, 120_000, 'a third of the batch submitted');
    await during();
    await sending;
    return ids;
  }

  async function settle(ids: string[], label: string, extra: Record<string, unknown> = {}): Promise<void> {
    const effectIds = () => {
      const counts = new Map<string, number>();
      for (const effect of sink.inspect().effects) {
        const id = String(effect.idempotencyKey).split(':')[0] ?? '';
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    };
    try {
      // inspect() copies the sink's whole state: poll it slowly, or the copying starves the sink
      // (it shares this process) and its answers time out.
      await waitFor(async () => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const seen = effectIds();
        return ids.every((id) => seen.has(id));
      }, 240_000, `${label}: every accepted message delivered`);
    } catch (error) {
      // Say where the missing ones are stuck before failing.
      const missing = ids.filter((id) => !effectIds().has(id));
      const db = new Client({ connectionString: database.url });
      await db.connect();
      const stuck = await db.query('SELECT status, attempts, last_error_message, claimed_by, claimed_until, next_attempt_at FROM deliveries WHERE message_id = ANY($1) LIMIT 5', [missing]);
      await db.end();
      console.log(`${label}: ${missing.length} missing; e.g. ${JSON.stringify(stuck.rows)}\napi log tail: ${api.output().slice(-1500)}\nworker log tail: ${worker.output().slice(-1500)}`);
      throw error;
    }
    // A worker that died after the call but before its journal write leaves the delivery to be
    // finished by another once the claim lapses: wait for the journal to agree.
    await waitFor(async () => {
      const db = new Client({ connectionString: database.url });
      await db.connect();
      try {
        const open = await db.query<{ n: string }>(`SELECT count(*) AS n FROM deliveries WHERE message_id = ANY($1) AND status IN ('pending', 'retrying')`, [ids]);
        return Number(open.rows[0]?.n) === 0;
      } finally {
        await db.end();
      }
    }, 120_000, `${label}: journal settled`);
    const counts = effectIds();
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      const statuses = await db.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM deliveries WHERE message_id = ANY($1) GROUP BY status', [ids]);
      const finishes = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM (SELECT message_id FROM transitions WHERE message_id = ANY($1) AND state = 'delivered' GROUP BY message_id HAVING count(*) > 1) twice`,
        [ids],
      );
      const requests = sink.inspect().requests.filter((r) => ids.includes(String(r.headers['idempotency-key'] ?? '').split(':')[0] ?? ''));
      const figures = {
        sent: ids.length,
        accepted: ids.filter((id) => accepted.has(id)).length,
        delivered: ids.filter((id) => counts.get(id) === 1).length,
        deliveredTwice: ids.filter((id) => (counts.get(id) ?? 0) > 1).length,
        duplicatesSuppressed: requests.filter((r) => r.replayed).length,
        deadLettered: Number(statuses.rows.find((r) => r.status === 'dead')?.n ?? 0),
        seconds: Math.round((Date.now() - batchStarted) / 100) / 10,
        ...extra,
      };
      console.log(`fault '${label}': ${JSON.stringify(figures)}`);
      expect(figures.deliveredTwice).toBe(0);
      expect(figures.delivered).toBe(ids.length);
      expect(statuses.rows).toEqual([{ status: 'delivered', n: String(ids.length) }]);
      expect(Number(finishes.rows[0]?.n)).toBe(0);
    } finally {
      await db.end();
    }
  }

  beforeAll(async () => {
    sink = await startHttpSimulator({ host: '127.0.0.1', port: 0 });
    database = await createTestDatabase('interline_fault');
    vhost = await createTestVhost('interline_fault');
    dir = makeHubDir({
      routes: ROUTES,
      config: [
        'runtime: { dataDir: .interline, sweepIntervalMs: 5000, staleDeliveryMs: 60000 }',
        'server: { host: 127.0.0.1, port: 0 }',
        'connectors:',
        '  sink:',
        '    use: http',
        `    config: { baseUrl: "${sink.baseUrl}", bearerToken: "${SIMULATOR_BEARER_TOKEN}" }`,
      ].join('\n'),
    });
    env = { INTERLINE_TRANSPORT: vhost.url, DATABASE_URL: database.url, INTERLINE_DATA_DIR: path.join(dir, '.interline') };
    api = await start('all');
    worker = await start('worker');
    token = await issueLocalToken({ dataDir: env.INTERLINE_DATA_DIR as string, role: 'admin', subject: 'fault-test', ttlSeconds: 3600 });
  }, 120_000);

  afterAll(async () => {
    for (const p of [api, worker]) {
      p?.child.kill('SIGTERM');
      await p?.exited;
    }
    await sink?.stop();
    await vhost?.remove().catch(() => undefined);
    await database?.drop().catch(() => undefined);
  });

  it('survives a worker killed with SIGKILL mid-stream', async () => {
    const ids = await sendBatch(async () => {
      worker.child.kill('SIGKILL');
      await worker.exited;
      worker = await start('worker');
    });
    await settle(ids, 'SIGKILL a worker');
  }, 300_000);

  // Both processes lose their connection; each must log it, reconnect with back-off, re-declare the
  // topology and consumers, and re-publish what was unconfirmed.
  it('survives a RabbitMQ restart under load', async () => {
    const ids = await sendBatch(async () => {
      execFileSync('rabbitmqctl', ['-q', 'stop_app'], { stdio: 'pipe' });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      execFileSync('rabbitmqctl', ['-q', 'start_app'], { stdio: 'pipe' });
    });
    const restored = () => [api, worker].filter((p) => /RabbitMQ connection restored/.test(p.output())).length;
    await waitFor(async () => restored() === 2, 60_000, 'both processes to log the restored RabbitMQ connection');
    console.log(`reconnect log of the api process:\n${api.output().split('\n').filter((line) => line.includes('RabbitMQ')).join('\n')}`);
    await settle(ids, 'restart RabbitMQ', { processesReconnected: restored() });
  }, 300_000);

  // Connections are killed under load, some in the middle of a transaction: the statements under way
  // fail (callers retry or the job is redelivered), the dead clients leave the pool, nothing crashes.
  it('survives the workers’ PostgreSQL connections being terminated', async () => {
    let terminated = 0;
    const ids = await sendBatch(async () => {
      const admin = new Client({ connectionString: database.url });
      await admin.connect();
      try {
        const result = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'interline' AND pid <> pg_backend_pid()`, [database.name]);
        terminated = result.rowCount ?? 0;
      } finally {
        await admin.end();
      }
    });
    await settle(ids, 'pg_terminate_backend', { connectionsTerminated: terminated });
    expect(terminated).toBeGreaterThan(0);
  }, 300_000);

  // A partner failing 30 % of calls is slow, not down: the breaker (failure ratio over a window)
  // stays closed, retries with the same idempotency key are absorbed by the sink.
  it('delivers exactly once when the sink times out on 30% of calls', async () => {
    const control = new SimulatorControlClient(sink.baseUrl);
    // Half the timeouts happen after the effect (the response is lost), half before it.
    await control.fault({ kind: 'timeout', times: -1, probability: 0.15, delayMs: 1500 });
    await control.fault({ kind: 'timeout', times: -1, probability: 0.18, delayMs: 1500, afterEffect: true });
    const ids = await sendBatch(async () => undefined);
    await settle(ids, 'sink times out on 30% of calls');
    await control.clearFaults();
  }, 300_000);
});
