// dlq list / show / replay (by id) / discard against the admin API stand-in.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DeadLetterPage, MessageDetail } from '../src/api/types';
import { interline, oneErrorLine } from './support/cli';
import { SUPPORT_TOKEN, startFakeAdminApi } from './support/fake-admin-api';
import type { FakeAdminApi } from './support/fake-admin-api';
import { NOW, deadLetterMessage, messagesOf } from './support/fixtures';

const A = '0195a1b2-0000-7000-8000-00000000000a';
const B = '0195a1b2-0000-7000-8000-00000000000b';
const C = '0195a1b2-0000-7000-8000-00000000000c';

let api: FakeAdminApi;
let dir: string;

beforeEach(async () => {
  api = await startFakeAdminApi({
    messages: messagesOf(
      deadLetterMessage({ id: A, route: 'odoo-booking', connector: 'odoo', errorClass: 'permanent', deadMinutesAgo: 30, others: [{ route: 'onerecord-booking', status: 'delivered' }] }),
      deadLetterMessage({ id: B, route: 'odoo-booking', connector: 'odoo', errorClass: 'validation', error: 'weight must be positive', deadMinutesAgo: 180 }),
      deadLetterMessage({ id: C, route: 'customs-declare', connector: 'customs-edi', type: 'customs.declaration-submitted', errorClass: 'transient', deadMinutesAgo: 3000 }),
    ),
  });
  dir = mkdtempSync(path.join(tmpdir(), 'interline-dlq-'));
});

afterEach(() => api.close());

describe('dlq list', () => {
  it('sends every filter as a query parameter, durations turned into ISO times', async () => {
    const run = await interline(
      ['dlq', 'list', '--route', 'odoo-booking', '--connector', 'odoo', '--type', 'shipment.booking-requested', '--error-class', 'permanent', '--since', '2h', '--until', '10m', '--text', 'VAT', '--limit', '5'],
      { url: api.url },
    );
    expect(run.code).toBe(0);
    const [request] = api.requestsTo('GET', '/v1/admin/dead-letters');
    expect(request?.query).toEqual({
      route: 'odoo-booking',
      connector: 'odoo',
      type: 'shipment.booking-requested',
      errorClass: 'permanent',
      since: new Date(NOW - 2 * 3600_000).toISOString(),
      until: new Date(NOW - 10 * 60_000).toISOString(),
      q: 'VAT',
      limit: '5',
      offset: '0',
    });
    expect(request?.authorization).toBe('Bearer admin-token');
    expect(run.stdout).toContain(A);
    expect(run.stdout).not.toContain(B);
    expect(run.stdout).toContain('1 of 1 dead letter');
  });

  it('accepts ISO times for --since and --until as given', async () => {
    const run = await interline(['dlq', 'list', '--since', '2025-03-01T08:00:00Z', '--until', '2025-03-01T11:20:00.000Z'], { url: api.url });
    expect(run.code).toBe(0);
    expect(api.requests[0]?.query).toMatchObject({ since: '2025-03-01T08:00:00.000Z', until: '2025-03-01T11:20:00.000Z' });
    expect(run.stdout).toContain(B);
    expect(run.stdout).not.toContain(A);
  });

  it('prints an aligned table with relative times and a footer, cut to the terminal width', async () => {
    const run = await interline(['dlq', 'list'], { url: api.url, columns: 110 });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    const header = lines[0] ?? '';
    expect(header.split(/\s{2,}/)).toEqual(['ID', 'ROUTE', 'TYPE', 'ERROR CLASS', 'ATTEMPTS', 'DEAD AT', 'ERROR']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(110);
    const rowA = lines.find((l) => l.startsWith(A)) ?? '';
    expect(rowA).toContain('30m ago');
    expect(rowA).toMatch(/…$/);
    // Every row's DEAD AT starts in the same column as its header.
    const at = header.indexOf('DEAD AT');
    expect(lines.slice(1, 4).map((l) => l.slice(at, at + 8).trim())).toEqual(['30m ago', '3h ago', '2d ago']);
    expect(lines.at(-1)).toBe('3 of 3 dead letters');
    expect(run.stderr).toBe('');
  });

  it('prints the API page as JSON with --json (before or after the subcommand)', async () => {
    for (const args of [['dlq', 'list', '--json'], ['--json', 'dlq', 'list']]) {
      const run = await interline(args, { url: api.url });
      expect(run.code).toBe(0);
      const page = JSON.parse(run.stdout) as DeadLetterPage;
      expect(page.total).toBe(3);
      expect(page.items.map((i) => i.messageId)).toEqual([A, B, C]);
    }
  });

  it('rejects a --since that is neither a duration nor an ISO time without calling the hub', async () => {
    const run = await interline(['dlq', 'list', '--since', 'yesterday'], { url: api.url });
    expect(run.code).toBe(1);
    expect(oneErrorLine(run.stderr)).toBe("interline: --since 'yesterday' is neither a duration (30m, 2h, 1d) nor an ISO 8601 time (2024-05-01T10:00:00Z)");
    expect(api.requests).toHaveLength(0);
  });
});

describe('dlq show', () => {
  it('shows the payload, deliveries, every attempt with its error, revisions and audit', async () => {
    const detail = api.state.messages.get(A) as MessageDetail;
    detail.revisions.push({ revision: 1, envelope: {}, raw: null, patch: [{ op: 'replace', path: '/data/pieces', value: 3 }], actor: 'support@test', reason: 'pieces were wrong', at: new Date(NOW).toISOString() });
    detail.audit.push({ id: 7, at: new Date(NOW).toISOString(), actor: 'support@test', action: 'edit', messageId: A, routeId: 'odoo-booking', reason: 'pieces were wrong', detail: null });
    const run = await interline(['dlq', 'show', A], { url: api.url });
    expect(run.code).toBe(0);
    expect(api.requests[0]?.path).toBe(`/v1/admin/dead-letters/${A}`);
    const out = run.stdout;
    expect(out).toContain(`Message ${A}`);
    expect(out).toMatch(/odoo-booking {2}dead {2}3 attempts {2}via odoo/);
    expect(out).toMatch(/onerecord-booking {2}delivered/);
    expect(out).toContain('last error: permanent: Odoo rejected the partner: VAT number is missing (connector odoo, step to:odoo.create-booking)');
    expect(out).toContain('retrying  attempt 1  transient: Odoo answered 503 Service Unavailable (connector odoo, step to:odoo.create-booking)');
    expect(out).toContain('#1');
    expect(out).toContain('patch: [{"op":"replace","path":"/data/pieces","value":3}]');
    expect(out).toMatch(/support@test {2}edit {2}route odoo-booking {2}"pieces were wrong"/);
    expect(out).toContain('Payload (envelope)');
    expect(out).toContain('"awb": "020-12345675"');
  });

  it('prints the MessageDetail as JSON with --json', async () => {
    const run = await interline(['dlq', 'show', B, '--json'], { url: api.url });
    expect(run.code).toBe(0);
    const detail = JSON.parse(run.stdout) as MessageDetail;
    expect(detail.message.id).toBe(B);
    expect(detail.deliveries[0]?.lastError?.message).toBe('weight must be positive');
  });

  it('says which id is unknown, in one line', async () => {
    const run = await interline(['dlq', 'show', 'nope'], { url: api.url });
    expect(run.code).toBe(1);
    expect(oneErrorLine(run.stderr)).toBe(`interline: no message 'nope' in the journal; list dead letters with \`interline dlq list\` (hub at ${api.url})`);
  });
});

describe('dlq replay <id…>', () => {
  it('replays the given ids with the reason and reports each', async () => {
    const run = await interline(['dlq', 'replay', A, B, '--reason', 'Odoo fixed'], { url: api.url });
    expect(run.code).toBe(0);
    expect(api.requestsTo('POST', '/v1/admin/dead-letters/replay').map((r) => r.body)).toEqual([{ ids: [A, B], reason: 'Odoo fixed', dryRun: false }]);
    expect(run.stdout).toContain(`✔ ${A}  replayed on odoo-booking`);
    expect(run.stdout).toContain('skipped onerecord-booking: already delivered');
    expect(run.stdout).toContain('replayed 2, skipped 0, failed 0');
    expect(api.state.messages.get(A)?.deliveries[0]?.status).toBe('pending');
  });

  it('reads the --edit patch file and sends it with the one id', async () => {
    const patch = [{ op: 'replace', path: '/data/weightKg', value: 12.5 }];
    writeFileSync(path.join(dir, 'fix.json'), JSON.stringify(patch));
    const run = await interline(['dlq', 'replay', B, '--edit', 'fix.json', '--reason', 'weight typo'], { url: api.url, cwd: dir });
    expect(run.code).toBe(0);
    expect(api.requestsTo('POST', '/v1/admin/dead-letters/replay')[0]?.body).toEqual({ ids: [B], patch, reason: 'weight typo', dryRun: false });
    expect(api.state.messages.get(B)?.revisions[0]?.patch).toEqual(patch);
  });

  it('names the file and the position when the patch file is not valid JSON', async () => {
    writeFileSync(path.join(dir, 'bad.json'), '[\n  { "op": "replace", "path": "/data/x" "value": 1 }\n]\n');
    const run = await interline(['dlq', 'replay', B, '--edit', 'bad.json'], { url: api.url, cwd: dir });
    expect(run.code).toBe(1);
    const line = oneErrorLine(run.stderr);
    expect(line).toContain('patch file bad.json has invalid JSON at line 2, column 40 (position 41)');
    expect(line).toContain('fix the file');
    expect(api.requestsTo('POST', '/v1/admin/dead-letters/replay')).toHaveLength(0);
  });

  it('refuses a patch that is valid JSON but not a JSON Patch, and a missing file', async () => {
    writeFileSync(path.join(dir, 'object.json'), '{"op":"replace"}');
    const notPatch = await interline(['dlq', 'replay', B, '--edit', 'object.json'], { url: api.url, cwd: dir });
    expect(notPatch.code).toBe(1);
    expect(oneErrorLine(notPatch.stderr)).toContain('patch file object.json is not a JSON Patch: expected an array of operations');
    const missing = await interline(['dlq', 'replay', B, '--edit', 'missing.json'], { url: api.url, cwd: dir });
    expect(missing.code).toBe(1);
    expect(oneErrorLine(missing.stderr)).toBe('interline: cannot read patch file missing.json (no such file); check the path');
    expect(api.requests).toHaveLength(0);
  });

  it('allows --edit with exactly one id', async () => {
    writeFileSync(path.join(dir, 'fix.json'), '[{"op":"remove","path":"/data/pieces"}]');
    const run = await interline(['dlq', 'replay', A, B, '--edit', 'fix.json'], { url: api.url, cwd: dir });
    expect(run.code).toBe(1);
    expect(oneErrorLine(run.stderr)).toContain('--edit applies one patch to exactly one dead letter (got 2 ids)');
    expect(api.requests).toHaveLength(0);
  });

  it('sends dryRun with --dry-run and changes nothing', async () => {
    const run = await interline(['dlq', 'replay', A, '--dry-run'], { url: api.url });
    expect(run.code).toBe(0);
    expect(api.requests[0]?.body).toEqual({ ids: [A], dryRun: true });
    expect(run.stdout).toContain(`✔ ${A}  would replay on odoo-booking`);
    expect(api.state.messages.get(A)?.deliveries[0]?.status).toBe('dead');
  });

  it('exits 1 when any replay fails, with the results as JSON under --json', async () => {
    const run = await interline(['dlq', 'replay', A, 'missing-id', '--json'], { url: api.url });
    expect(run.code).toBe(1);
    const body = JSON.parse(run.stdout) as { summary: unknown; results: Array<{ messageId: string; error?: string }> };
    expect(body.summary).toEqual({ replayed: 1, skipped: 0, failed: 1 });
    expect(body.results[1]).toMatchObject({ messageId: 'missing-id', error: "no message 'missing-id' in the journal" });
    expect(oneErrorLine(run.stderr)).toBe('interline: 1 of 2 replays failed; see the results');
  });

  it('needs ids or --filter, and filter flags only with --filter', async () => {
    const none = await interline(['dlq', 'replay'], { url: api.url });
    expect(none.code).toBe(1);
    expect(oneErrorLine(none.stderr)).toContain('name the dead letters to replay');
    const stray = await interline(['dlq', 'replay', A, '--route', 'odoo-booking'], { url: api.url });
    expect(stray.code).toBe(1);
    expect(oneErrorLine(stray.stderr)).toContain('--route only select dead letters together with --filter');
    expect(api.requests).toHaveLength(0);
  });
});

describe('dlq discard', () => {
  it('requires --reason', async () => {
    const run = await interline(['dlq', 'discard', A], { url: api.url });
    expect(run.code).toBe(2);
    expect(oneErrorLine(run.stderr)).toBe("interline: required option '--reason <text>' not specified; see `interline dlq discard --help`");
    expect(api.requests).toHaveLength(0);
  });

  it('discards with the reason and an admin token', async () => {
    const run = await interline(['dlq', 'discard', A, B, '--reason', 'duplicate bookings'], { url: api.url });
    expect(run.code).toBe(0);
    expect(api.requests[0]?.body).toEqual({ ids: [A, B], reason: 'duplicate bookings' });
    expect(run.stdout).toContain(`✔ ${A}  discarded on odoo-booking`);
    expect(api.state.messages.get(B)?.deliveries[0]?.status).toBe('discarded');
    expect(api.state.messages.get(B)?.audit[0]).toMatchObject({ action: 'discard', reason: 'duplicate bookings', actor: 'admin@test' });
  });

  it('explains a 403 for a support token in one line', async () => {
    const run = await interline(['dlq', 'discard', A, '--reason', 'dup'], { url: api.url, token: SUPPORT_TOKEN });
    expect(run.code).toBe(1);
    const line = oneErrorLine(run.stderr);
    expect(line).toMatch(/^interline: token lacks role 'admin' for discard at http:\/\/127\.0\.0\.1:\d+ \(support@test \(roles: support\) may not dead-letters discard; this needs role admin\); /);
    expect(line).toContain('interline token issue --role admin');
    expect(api.state.messages.get(A)?.deliveries[0]?.status).toBe('dead');
  });

  it('reports a discard the hub could not do and exits 1; --json stays JSON', async () => {
    const run = await interline(['dlq', 'discard', 'missing-id', '--reason', 'cleanup', '--json'], { url: api.url });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ results: [{ messageId: 'missing-id', discarded: [], error: "no message 'missing-id' in the journal" }] });
    expect(oneErrorLine(run.stderr)).toBe('interline: 1 of 1 discard failed; see the results');
  });
});
