// dlq replay --filter: paging through the list, pacing, confirmation, dry run, partial failure.
import { interline, oneErrorLine } from './support/cli';
import { startFakeAdminApi } from './support/fake-admin-api';
import type { FakeAdminApi } from './support/fake-admin-api';
import { deadLetterMessage, messagesOf } from './support/fixtures';
import type { MessageDetail } from '../src/api/types';

const REPLAY = '/v1/admin/dead-letters/replay';

function ids(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
}

function seed(route: string, messageIds: string[], connector = 'odoo'): MessageDetail[] {
  return messageIds.map((id, i) => deadLetterMessage({ id, route, connector, deadMinutesAgo: 10 + i }));
}

let api: FakeAdminApi;
afterEach(() => api.close());

describe('dlq replay --filter', () => {
  it('refuses without --yes, naming how many would be replayed and the way out', async () => {
    api = await startFakeAdminApi({ messages: messagesOf(...seed('odoo-booking', ids('odoo', 3))) });
    const run = await interline(['dlq', 'replay', '--filter', '--route', 'odoo-booking'], { url: api.url });
    expect(run.code).toBe(1);
    expect(oneErrorLine(run.stderr)).toBe(
      'interline: refusing to replay 3 dead letters matching --route "odoo-booking" without --yes; preview with --dry-run, then rerun with --yes',
    );
    expect(api.requestsTo('POST', REPLAY)).toHaveLength(0);
  });

  it('replays only what matches, in batches paced to --rate', async () => {
    const wanted = ids('odoo', 6);
    api = await startFakeAdminApi({ messages: messagesOf(...seed('odoo-booking', wanted), ...seed('customs-declare', ids('customs', 2), 'customs-edi')) });
    const run = await interline(['dlq', 'replay', '--filter', '--route', 'odoo-booking', '--rate', '5', '--yes', '--reason', 'Odoo back'], { url: api.url });
    expect(run.code).toBe(0);

    const lists = api.requestsTo('GET', '/v1/admin/dead-letters');
    expect(lists.every((r) => r.query.route === 'odoo-booking')).toBe(true);
    const replays = api.requestsTo('POST', REPLAY);
    const sent = replays.flatMap((r) => (r.body as { ids: string[] }).ids);
    expect([...sent].sort()).toEqual(wanted);
    expect(replays.every((r) => (r.body as { reason?: string; dryRun?: boolean }).reason === 'Odoo back' && (r.body as { dryRun?: boolean }).dryRun === false)).toBe(true);
    // 5 messages/s in batches of 2: batch k is sent no earlier than 2k/5 s after pacing starts,
    // which is after the last list request arrived (the first batch's own latency varies).
    expect(replays.map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([2, 2, 2]);
    const paceStart = lists.at(-1)?.at ?? 0;
    const offsets = replays.map((r) => r.at - paceStart);
    expect(offsets[1]).toBeGreaterThanOrEqual(400 - 5);
    expect(offsets[2]).toBeGreaterThanOrEqual(800 - 5);
    expect(offsets[2]).toBeLessThan(3000);

    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('replayed 6, skipped 0, failed 0 of 6 dead letters matching --route "odoo-booking"');
    expect(api.state.messages.get('customs-0000')?.deliveries[0]?.status).toBe('dead');
    expect(api.state.messages.get('odoo-0005')?.deliveries[0]?.status).toBe('pending');
    // stderr is not a terminal here: progress comes as lines, the last at 100%.
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('replaying: 100% (6/6)');
  });

  it('with --dry-run needs no --yes, sends dryRun on every batch and changes nothing', async () => {
    api = await startFakeAdminApi({ messages: messagesOf(...seed('odoo-booking', ids('odoo', 4))) });
    const run = await interline(['dlq', 'replay', '--filter', '--connector', 'odoo', '--dry-run', '--rate', '1000'], { url: api.url });
    expect(run.code).toBe(0);
    const replays = api.requestsTo('POST', REPLAY);
    expect(replays.length).toBeGreaterThan(0);
    expect(replays.every((r) => (r.body as { dryRun: boolean }).dryRun)).toBe(true);
    expect(run.stdout).toContain('✔ odoo-0000  would replay on odoo-booking');
    expect(run.stdout).toContain('would replay 4, skipped 0, failed 0 (dry run: nothing changed) of 4 dead letters matching --connector "odoo"');
    expect([...api.state.messages.values()].every((m) => m.deliveries[0]?.status === 'dead')).toBe(true);
  });

  it('pages through every match and replays each message once', async () => {
    const many = ids('bulk', 650);
    api = await startFakeAdminApi({ messages: messagesOf(...seed('odoo-booking', many)) });
    const run = await interline(['dlq', 'replay', '--filter', '--dry-run', '--rate', '100000', '--json'], { url: api.url });
    expect(run.code).toBe(0);
    expect(api.requestsTo('GET', '/v1/admin/dead-letters').map((r) => [r.query.limit, r.query.offset])).toEqual([
      ['500', '0'],
      ['500', '500'],
    ]);
    const sent = api.requestsTo('POST', REPLAY).flatMap((r) => (r.body as { ids: string[] }).ids);
    expect(new Set(sent).size).toBe(650);
    expect(sent).toHaveLength(650);
    const body = JSON.parse(run.stdout) as { dryRun: boolean; matched: number; summary: unknown; results: unknown[] };
    expect(body).toMatchObject({ dryRun: true, matched: 650, summary: { replayed: 650, skipped: 0, failed: 0 } });
    expect(body.results).toHaveLength(650);
    // --json: no progress output at all.
    expect(run.stderr).toBe('');
  });

  it('counts a failed batch as failed, carries on, and exits 1', async () => {
    api = await startFakeAdminApi({ messages: messagesOf(...seed('odoo-booking', ids('odoo', 4))) });
    api.fail({ method: 'POST', path: REPLAY, status: 500, times: 1 });
    const run = await interline(['dlq', 'replay', '--filter', '--yes', '--rate', '8'], { url: api.url });
    expect(run.code).toBe(1);
    expect(api.requestsTo('POST', REPLAY)).toHaveLength(2);
    expect(run.stdout).toContain('replayed 2, skipped 0, failed 2 of 4 dead letters in the whole queue (no filter given)');
    expect(run.stdout).toMatch(/✖ odoo-0000 {2}the hub at http:\/\/127\.0\.0\.1:\d+ failed to replay \(500 Internal Server Error: /);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('interline: 2 of 4 replays failed; see the lines above');
  });

  it('says so when nothing matches, with or without --yes', async () => {
    api = await startFakeAdminApi({ messages: messagesOf(...seed('odoo-booking', ids('odoo', 2))) });
    for (const args of [['--yes'], []]) {
      const run = await interline(['dlq', 'replay', '--filter', '--type', 'pnr.created', ...args], { url: api.url });
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('no dead letters matching --type "pnr.created"\n');
    }
    expect(api.requestsTo('POST', REPLAY)).toHaveLength(0);
  });

  it('rejects a --rate that is not a positive number', async () => {
    api = await startFakeAdminApi();
    const run = await interline(['dlq', 'replay', '--filter', '--yes', '--rate', '0'], { url: api.url });
    expect(run.code).toBe(2);
    expect(oneErrorLine(run.stderr)).toContain("option '--rate <n>' argument '0' is invalid");
    expect(api.requests).toHaveLength(0);
  });
});
