// Nothing lost, nothing done twice: the real hub process is killed with SIGKILL in the middle of a
// run and restarted on the same journal; every accepted message reaches the sink exactly once.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { startHttpSimulator, SIMULATOR_BEARER_TOKEN } from '@interline/connector-http/testing';
import type { HttpSimulatorHandle, HttpSimulatorState } from '@interline/connector-http/testing';
import { issueLocalToken } from '@interline/hub';
import { makeHubDir, startHubProcess, waitFor } from './hub-process';

const ROUTES = `
routes:
  - id: ping-to-sink
    from: { type: test.ping }
    steps:
      - validate
      - to: sink.deliver
    retry: { attempts: 10, baseDelay: 50ms, maxDelay: 1s, maxAge: 1h }
    concurrency: 8
`;

function config(sinkUrl: string): string {
  return [
    'runtime: { dataDir: .interline }',
    'server: { host: 127.0.0.1, port: 0 }',
    'connectors:',
    '  sink:',
    '    use: http',
    `    config: { baseUrl: "${sinkUrl}", bearerToken: "${SIMULATOR_BEARER_TOKEN}" }`,
  ].join('\n');
}

async function send(url: string, token: string, id: string): Promise<number> {
  const response = await fetch(`${url}/v1/admin/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ specversion: '1.0', id, source: 'e2e', type: 'test.ping', partitionkey: `k${id.slice(-1)}`, data: { nonce: id.slice(0, 8), sentAt: new Date().toISOString() } }),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('durability of the embedded runtime', () => {
  let sink: HttpSimulatorHandle;

  beforeAll(async () => {
    sink = await startHttpSimulator({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await sink.stop();
  });

  it('loses nothing and repeats no step when killed with SIGKILL mid-run', async () => {
    const dir = makeHubDir({ config: config(sink.baseUrl), routes: ROUTES });
    const env = { INTERLINE_DATA_DIR: path.join(dir, '.interline') };
    const first = await startHubProcess(dir, env);
    const token = await issueLocalToken({ dataDir: env.INTERLINE_DATA_DIR, role: 'admin', subject: 'e2e' });
    const total = 600;
    const ids: string[] = Array.from({ length: total }, () => randomUUID());
    const accepted = new Set<string>();
    const sending = (async () => {
      for (let i = 0; i < ids.length; i += 20) {
        const batch = ids.slice(i, i + 20);
        const statuses = await Promise.all(batch.map((id) => send(first.url, token, id).catch(() => 0)));
        batch.forEach((id, n) => statuses[n] === 202 && accepted.add(id));
        if (statuses.some((s) => s === 0)) return; // the hub is gone
      }
    })();
    // Kill while deliveries are under way: some done, some not yet.
    await waitFor(async () => sink.inspect().effects.length >= 60, 60_000, '60 deliveries before the kill');
    first.child.kill('SIGKILL');
    await first.exited;
    await sending;
    const effectsAtKill = sink.inspect().effects.length;
    expect(accepted.size).toBeGreaterThanOrEqual(60);

    const second = await startHubProcess(dir, env);
    try {
      const effectIds = (state: HttpSimulatorState): Set<string> => new Set(state.effects.map((e) => String(e.idempotencyKey).split(':')[0] ?? ''));
      await waitFor(async () => [...accepted].every((id) => effectIds(sink.inspect()).has(id)), 120_000, 'every accepted message delivered');
      const state = sink.inspect();
      const perMessage = new Map<string, number>();
      for (const effect of state.effects) {
        const id = String(effect.idempotencyKey).split(':')[0] ?? '';
        perMessage.set(id, (perMessage.get(id) ?? 0) + 1);
      }
      const twice = [...perMessage.entries()].filter(([, n]) => n > 1);
      const figures = {
        sent: total,
        accepted: accepted.size,
        effectsAtKill,
        delivered: state.effects.length,
        requests: state.requests.length,
        duplicatesSuppressed: state.requests.filter((r) => r.replayed).length,
      };
      console.log(`SIGKILL durability: ${JSON.stringify(figures)}`);
      expect(twice).toEqual([]);
      // Only steps in flight at the kill (at most the route's concurrency) may be sent again, and the
      // sink's idempotency absorbs them; a step the journal recorded as done is never re-sent.
      expect(figures.duplicatesSuppressed).toBeLessThanOrEqual(8);
      // Every effect belongs to a message we sent (a send cut off by the kill may still have been journaled).
      expect([...perMessage.keys()].every((id) => ids.includes(id))).toBe(true);
      expect(state.effects.length).toBeGreaterThanOrEqual(accepted.size);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 240_000);

  it('drains on SIGTERM, exits 0, and the next start finishes what was left', async () => {
    sink.reset();
    const dir = makeHubDir({ config: config(sink.baseUrl), routes: ROUTES });
    const env = { INTERLINE_DATA_DIR: path.join(dir, '.interline') };
    const first = await startHubProcess(dir, env);
    const token = await issueLocalToken({ dataDir: env.INTERLINE_DATA_DIR, role: 'admin', subject: 'e2e' });
    const ids = Array.from({ length: 100 }, () => randomUUID());
    for (const id of ids) expect(await send(first.url, token, id)).toBe(202);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('draining in-flight deliveries');
    const second = await startHubProcess(dir, env);
    try {
      await waitFor(async () => new Set(sink.inspect().effects.map((e) => String(e.idempotencyKey).split(':')[0])).size === ids.length, 60_000, 'all 100 delivered');
      expect(sink.inspect().effects).toHaveLength(ids.length);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 180_000);
});
