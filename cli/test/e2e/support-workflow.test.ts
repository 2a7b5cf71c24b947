// What support staff and integration engineers do, end to end: the built `interline` binary
// against a running hub process — send, find the dead letter, fix it, replay it, discard, trace.
import path from 'node:path';
import { cpSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { partyExamples } from '@interline/hub';
import { startHttpSimulator, SIMULATOR_BEARER_TOKEN } from '@interline/connector-http/testing';
import type { HttpSimulatorHandle } from '@interline/connector-http/testing';
import { issueLocalToken } from '@interline/hub';
import { REPO, makeHubDir, runInterline, startHubProcess, waitFor } from './hub-process';
import type { HubProcess } from './hub-process';

const ROUTES = `
routes:
  - id: tracking-to-partner
    from: { type: shipment.status-changed }
    steps:
      - validate
      - map: http/tracking-event-to-partner
      - to: partner.deliver
    retry: { attempts: 3, baseDelay: 20ms, maxDelay: 100ms, maxAge: 1h }
  # Deliberately wrong: a party event through a tracking mapping fails in the map step.
  - id: party-through-wrong-mapping
    from: { type: party.updated }
    steps:
      - map: http/tracking-event-to-partner
      - to: partner.deliver
`;

const EVENT = {
  id: 'evt-1',
  awb: '020-12345675',
  status: 'DEP',
  eventTime: '2025-03-14T09:47:00Z',
  timeType: 'actual',
  location: 'FRA',
  flight: { carrier: 'LH', flightNumber: '400', date: '2025-03-14' },
  source: { kind: 'cargo-imp' },
  recordedAt: '2025-03-14T09:49:12Z',
};

describe('support workflow with the interline CLI against a running hub', () => {
  let sink: HttpSimulatorHandle;
  let hub: HubProcess;
  let dir: string;
  let env: Record<string, string>;
  const cli = (...args: string[]) => runInterline(args, env, dir);

  beforeAll(async () => {
    sink = await startHttpSimulator({ host: '127.0.0.1', port: 0 });
    dir = makeHubDir({
      routes: ROUTES,
      config: [
        'runtime: { dataDir: .interline }',
        'server: { host: 127.0.0.1, port: 0 }',
        'mappings: mappings',
        'connectors:',
        '  partner:',
        '    use: http',
        `    config: { baseUrl: "${sink.baseUrl}", bearerToken: "${SIMULATOR_BEARER_TOKEN}" }`,
        '  demo:',
        '    use: http',
        '    simulator: true',
      ].join('\n'),
    });
    // A copy of the mappings workspace, so capture can write to it; modules resolve through the repo's node_modules.
    cpSync(path.join(REPO, 'mappings', 'src'), path.join(dir, 'mappings', 'src'), { recursive: true });
    cpSync(path.join(REPO, 'mappings', 'dist'), path.join(dir, 'mappings', 'dist'), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
    hub = await startHubProcess(dir);
    env = { INTERLINE_URL: hub.url, INTERLINE_DATA_DIR: path.join(dir, '.interline'), NO_COLOR: '1' };
  }, 90_000);
  afterAll(async () => {
    hub?.child.kill('SIGTERM');
    await hub?.exited;
    await sink?.stop();
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect(await (await fetch(`${hub.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${hub.url}/readyz`);
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toContain('interline_dead_letters');
    expect(metrics).toContain('interline_deliveries_total');
  });

  it('finds a dead letter, fixes it with an edit, replays it, and the partner gets it once', async () => {
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...EVENT, awb: '020-12345674' }));
    const sent = await cli('--json', 'send', 'shipment.status-changed', '--data', 'bad.json', '--partition-key', '020-12345675');
    expect(sent.code).toBe(0);
    const id = (JSON.parse(sent.stdout) as { id: string }).id;

    const listed = await waitFor(async () => {
      const run = await cli('--json', 'dlq', 'list', '--route', 'tracking-to-partner', '--error-class', 'validation');
      const page = JSON.parse(run.stdout) as { items: Array<{ messageId: string; error: { message: string } }> };
      return page.items.find((item) => item.messageId === id);
    }, 10_000, 'the dead letter');
    expect(listed.error.message).toContain('expected 5');

    const table = await cli('dlq', 'list', '--text', '020-12345674');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(id);

    const shown = await cli('dlq', 'show', id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('awbCheckDigit');

    writeFileSync(path.join(dir, 'fix.json'), JSON.stringify([{ op: 'replace', path: '/data/awb', value: '020-12345675' }]));
    const replayed = await cli('dlq', 'replay', id, '--edit', 'fix.json', '--reason', 'typo in the AWB');
    expect(replayed.code).toBe(0);
    await waitFor(async () => sink.inspect().effects.some((e) => String(e.idempotencyKey).startsWith(id)), 10_000, 'delivery to the partner');
    const effects = sink.inspect().effects.filter((e) => String(e.idempotencyKey).startsWith(id));
    expect(effects).toHaveLength(1);
    expect(effects[0]?.body).toMatchObject({ awb: '02012345675', status: 'DEP', flight: 'LH400/2025-03-14' });

    const again = await cli('dlq', 'replay', id);
    expect(again.code).toBe(1);
    expect(again.stderr + again.stdout).toContain('no dead deliveries');

    const trace = await cli('--json', 'messages', 'trace', id);
    expect(JSON.parse(trace.stdout)).toMatchObject({ root: [{ id, deliveries: [{ routeId: 'tracking-to-partner', status: 'delivered' }] }] });
    const detail = JSON.parse((await cli('--json', 'messages', 'show', id)).stdout) as { revisions: unknown[]; audit: Array<{ action: string; reason: string }> };
    expect(detail.revisions).toHaveLength(1);
    expect(detail.audit).toEqual([expect.objectContaining({ action: 'replay', reason: 'typo in the AWB' })]);
  });

  it('finds messages by type pattern, time and delivery status, newest first, and pages them', async () => {
    for (const [i, awb] of ['020-12345675', '020-12345675', '020-12345675'].entries()) {
      writeFileSync(path.join(dir, `ok-${i}.json`), JSON.stringify({ ...EVENT, id: `list-${i}`, awb }));
      expect((await cli('send', 'shipment.status-changed', '--data', `ok-${i}.json`, '--partition-key', awb)).code).toBe(0);
    }
    const page = await waitFor(async () => {
      const run = await cli('--json', 'messages', 'list', '--type', 'shipment.*', '--since', '10m', '--status', 'delivered', '--limit', '2');
      const parsed = JSON.parse(run.stdout) as { items: Array<{ id: string; type: string; receivedAt: string; deliveries: Array<{ routeId: string; status: string }> }>; next?: string };
      return parsed.items.length === 2 && parsed;
    }, 15_000, 'delivered shipment messages');
    expect(page.items.every((m) => m.type === 'shipment.status-changed')).toBe(true);
    expect(page.items[0]!.receivedAt >= page.items[1]!.receivedAt).toBe(true);
    expect(page.items[0]!.deliveries).toContainEqual({ routeId: 'tracking-to-partner', status: 'delivered', attempts: 1 });
    expect(page.next).toEqual(expect.any(String));
    const older = JSON.parse((await cli('--json', 'messages', 'list', '--type', 'shipment.*', '--status', 'delivered', '--limit', '2', '--before', page.next!)).stdout) as { items: Array<{ id: string }> };
    expect(older.items.length).toBeGreaterThan(0);
    expect(older.items.map((m) => m.id)).not.toContain(page.items[0]!.id);
    expect(older.items.map((m) => m.id)).not.toContain(page.items[1]!.id);

    const table = await cli('messages', 'list', '--type', 'shipment.#', '--limit', '1');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/tracking-to-partner delivered/);
    expect(table.stdout).toMatch(/1 message, newest first; older: --before \S+/);

    const wrong = await cli('messages', 'list', '--type', '#.status-changed');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("'#' may only end a pattern");
    const badStatus = await cli('messages', 'list', '--status', 'lost');
    expect(badStatus.code).toBe(1);
    expect(badStatus.stderr).toContain('must be one of pending, retrying, delivered');
  });

  it('lets support replay but not discard; admin discards with a reason', async () => {
    const bad = await cli('--json', 'send', 'shipment.status-changed', '--data', 'bad.json');
    const id = (JSON.parse(bad.stdout) as { id: string }).id;
    await waitFor(async () => (await cli('--json', 'dlq', 'show', id)).stdout.includes('"dead"'), 10_000, 'dead letter');
    const supportToken = await issueLocalToken({ dataDir: env.INTERLINE_DATA_DIR as string, role: 'support', subject: 'alice' });
    const denied = await runInterline(['dlq', 'discard', id, '--reason', 'test'], { ...env, INTERLINE_TOKEN: supportToken }, dir);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(/admin/);
    const noReason = await cli('dlq', 'discard', id);
    expect(noReason.code).not.toBe(0);
    const discarded = await cli('dlq', 'discard', id, '--reason', 'customer cancelled');
    expect(discarded.code).toBe(0);
    const list = JSON.parse((await cli('--json', 'dlq', 'list')).stdout) as { items: Array<{ messageId: string }> };
    expect(list.items.map((i) => i.messageId)).not.toContain(id);
  });

  it('rejects unauthenticated, forged and expired tokens with 401 problem+json', async () => {
    const none = await fetch(`${hub.url}/v1/admin/dead-letters`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    const forged = await fetch(`${hub.url}/v1/admin/dead-letters`, { headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiYWRtaW4iXX0.c2lnbmF0dXJl' } });
    expect(forged.status).toBe(401);
    const expired = await issueLocalToken({ dataDir: env.INTERLINE_DATA_DIR as string, role: 'admin', subject: 'old', ttlSeconds: -10 });
    const late = await fetch(`${hub.url}/v1/admin/dead-letters`, { headers: { authorization: `Bearer ${expired}` } });
    expect(late.status).toBe(401);
    expect(((await late.json()) as { detail: string }).detail).toContain('expired');
    const customer = await issueLocalToken({ dataDir: env.INTERLINE_DATA_DIR as string, role: 'customer', subject: 'c1', tenant: 't1' });
    const forbidden = await fetch(`${hub.url}/v1/admin/dead-letters`, { headers: { authorization: `Bearer ${customer}` } });
    expect(forbidden.status).toBe(403);
  });

  it('lists connectors with health and the simulator base URL, and checks them', async () => {
    const listed = JSON.parse((await cli('--json', 'connectors', 'list')).stdout) as { items: Array<{ name: string; version: string; health: { status: string }; simulator: string | null }> };
    const demo = listed.items.find((c) => c.name === 'demo');
    expect(demo).toMatchObject({ version: '1.0.0', health: { status: 'up' }, simulator: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(listed.items.find((c) => c.name === 'partner')?.simulator).toBeNull();
    const described = JSON.parse((await cli('--json', 'connectors', 'describe', 'partner')).stdout) as { config: { bearerToken: string } };
    expect(described.config.bearerToken).toBe('[redacted]');
    expect((await cli('connectors', 'check')).code).toBe(0);
  });

  it('journals a malformed or unknown event and says so in one line', async () => {
    writeFileSync(path.join(dir, 'ok.json'), JSON.stringify(EVENT));
    const unknown = await cli('send', 'shipment.statuschanged', '--data', 'ok.json');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('shipment.status-changed');
    expect(unknown.stderr).toMatch(/dead letter [0-9a-f-]{36}/);
  });

  it('never writes the connector secret to the journal or the log', async () => {
    const detail = await cli('--json', 'connectors', 'describe', 'partner');
    expect(detail.stdout).not.toContain(SIMULATOR_BEARER_TOKEN);
    expect(hub.output()).not.toContain(SIMULATOR_BEARER_TOKEN);
    const files = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) => {
        const full = path.join(folder, name);
        return statSync(full).isDirectory() ? files(full) : [full];
      });
    const journalFiles = files(path.join(dir, '.interline', 'journal'));
    expect(journalFiles.length).toBeGreaterThan(10);
    const leaking = journalFiles.filter((file) => readFileSync(file).includes(SIMULATOR_BEARER_TOKEN));
    expect(leaking).toEqual([]);
  });

  it('runs mapping fixture cases and captures a dead letter as a new case', async () => {
    const all = await cli('mappings', 'test');
    expect(all.code).toBe(0);
    const tested = await cli('mappings', 'test', 'http/');
    expect(tested.code).toBe(0);
    expect(tested.stdout).toMatch(/3 cases, 3 passed/);

    writeFileSync(path.join(dir, 'party.json'), JSON.stringify(partyExamples[0]));
    const sent = JSON.parse((await cli('--json', 'send', 'party.updated', '--data', 'party.json')).stdout) as { id: string };
    await waitFor(async () => (await cli('--json', 'dlq', 'list', '--type', 'party.updated')).stdout.includes(sent.id), 10_000, 'mapping dead letter');
    const captured = await cli('mappings', 'capture', sent.id, '--name', 'a party is not a tracking event');
    expect(captured.code).toBe(0);
    expect(captured.stdout).toContain('expected-error case');
    const cases = JSON.parse(readFileSync(path.join(dir, 'mappings', 'src', 'http', 'tracking-event-to-partner.cases.json'), 'utf8')) as Array<{ name: string; error?: string }>;
    expect(cases.find((c) => c.name === 'a party is not a tracking event')?.error).toContain('awb is missing');
    expect((await cli('mappings', 'test', 'http/tracking-event-to-partner')).stdout).toMatch(/4 cases, 4 passed/);

    // A wrong expectation fails the run with a readable diff.
    const file = path.join(dir, 'mappings', 'src', 'http', 'tracking-event-to-partner.cases.json');
    const broken = JSON.parse(readFileSync(file, 'utf8')) as Array<{ expected?: { status?: string } }>;
    if (broken[0]?.expected) broken[0].expected.status = 'ARR';
    writeFileSync(file, JSON.stringify(broken));
    const failing = await cli('mappings', 'test');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('/status');
  });
});
