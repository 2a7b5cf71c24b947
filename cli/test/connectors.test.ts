// connectors list / describe / check: output and exit codes.
import { interline, oneErrorLine } from './support/cli';
import { startFakeAdminApi } from './support/fake-admin-api';
import type { FakeAdminApi } from './support/fake-admin-api';
import { connector } from './support/fixtures';

let api: FakeAdminApi;
afterEach(() => api.close());

async function withConnectors(gdsStatus: 'up' | 'down' | 'degraded'): Promise<void> {
  api = await startFakeAdminApi({
    connectors: [
      connector(
        'odoo',
        { status: 'up', latencyMs: 12 },
        {
          id: 'odoo',
          version: '2.1.0',
          simulator: 'http://127.0.0.1:4101',
          description: {
            config: { url: 'http://127.0.0.1:4101', database: 'interline', apiKey: '***', retry: { attempts: 3 } },
            operations: {
              'create-partner': {
                summary: 'Create or update a res.partner',
                sideEffect: true,
                input: { type: 'object', properties: { name: { type: 'string' }, vat: { type: 'string' } }, required: ['name'] },
              },
            },
            sources: { 'partner-changes': { kind: 'poll', summary: 'Polls res.partner for changes' } },
          },
        },
      ),
      connector('gds', gdsStatus === 'up' ? { status: 'up', latencyMs: 40 } : { status: gdsStatus, detail: 'SOAP endpoint answered 503', latencyMs: 5001 }, { circuit: gdsStatus === 'down' ? 'open' : 'closed' }),
    ],
  });
}

describe('connectors list', () => {
  it('shows name, connector id, version, health, circuit and simulator URL; exits 0 even with one down', async () => {
    await withConnectors('down');
    const run = await interline(['connectors', 'list'], { url: api.url });
    expect(run.code).toBe(0);
    const [header, odoo, gds] = run.stdout.split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(['NAME', 'CONNECTOR', 'VERSION', 'HEALTH', 'CIRCUIT', 'SIMULATOR', 'DETAIL']);
    expect(odoo?.split(/\s{2,}/)).toEqual(['odoo', 'odoo', '2.1.0', 'up (12 ms)', 'closed', 'http://127.0.0.1:4101']);
    expect(gds?.split(/\s{2,}/)).toEqual(['gds', 'gds', '1.0.0', 'down (5001 ms)', 'open', '-', 'SOAP endpoint answered 503']);
  });

  it('prints the API answer as JSON with --json', async () => {
    await withConnectors('up');
    const run = await interline(['connectors', 'list', '--json'], { url: api.url });
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as { items: Array<{ name: string; simulator: string | null }> };
    expect(body.items.map((c) => [c.name, c.simulator])).toEqual([
      ['odoo', 'http://127.0.0.1:4101'],
      ['gds', null],
    ]);
  });
});

describe('connectors describe', () => {
  it('shows config (as redacted by the hub), operations with input schemas, and sources', async () => {
    await withConnectors('up');
    const run = await interline(['connectors', 'describe', 'odoo'], { url: api.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('odoo  odoo 2.1.0');
    expect(run.stdout).toContain('  apiKey: ***');
    expect(run.stdout).toContain('  retry.attempts: 3');
    expect(run.stdout).toContain('create-partner  [side effect]  Create or update a res.partner');
    expect(run.stdout).toContain('input: { name: string, vat?: string }');
    expect(run.stdout).toContain('partner-changes  poll  Polls res.partner for changes');
    const json = await interline(['connectors', 'describe', 'odoo', '--json'], { url: api.url });
    expect(JSON.parse(json.stdout)).toMatchObject({ name: 'odoo', config: { apiKey: '***' } });
  });

  it('exits 1 with one line for an unknown connector', async () => {
    await withConnectors('up');
    const run = await interline(['connectors', 'describe', 'sap'], { url: api.url });
    expect(run.code).toBe(1);
    expect(oneErrorLine(run.stderr)).toBe(`interline: no connector 'sap' (have: odoo, gds) (hub at ${api.url})`);
  });
});

describe('connectors check', () => {
  it('exits 0 when every connector is up', async () => {
    await withConnectors('up');
    const run = await interline(['connectors', 'check'], { url: api.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ odoo  up (12 ms)\n✔ gds   up (40 ms)\n');
  });

  it('exits 0 for degraded, 1 when any is down, naming it', async () => {
    await withConnectors('degraded');
    const degraded = await interline(['connectors', 'check'], { url: api.url });
    expect(degraded.code).toBe(0);
    expect(degraded.stdout).toContain('! gds   degraded (5001 ms)  SOAP endpoint answered 503');
    await api.close();

    await withConnectors('down');
    const down = await interline(['connectors', 'check'], { url: api.url });
    expect(down.code).toBe(1);
    expect(down.stdout).toContain('✖ gds   down (5001 ms)  SOAP endpoint answered 503');
    expect(oneErrorLine(down.stderr)).toBe("interline: 1 of 2 connectors are down: gds; see `interline connectors describe gds` and the hub's log");
  });

  it('checks one connector through its health endpoint; --json is JSON', async () => {
    await withConnectors('down');
    const up = await interline(['connectors', 'check', 'odoo', '--json'], { url: api.url });
    expect(up.code).toBe(0);
    expect(JSON.parse(up.stdout)).toEqual({ items: [{ name: 'odoo', health: { status: 'up', latencyMs: 12 } }], down: [] });
    expect(api.requests.at(-1)?.path).toBe('/v1/admin/connectors/odoo/health');
    const down = await interline(['connectors', 'check', 'gds', '--json'], { url: api.url });
    expect(down.code).toBe(1);
    expect(JSON.parse(down.stdout)).toMatchObject({ down: ['gds'] });
    expect(oneErrorLine(down.stderr)).toContain('1 of 1 connector is down: gds');
  });
});
