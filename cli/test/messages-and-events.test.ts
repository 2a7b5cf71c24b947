// messages show / trace and events list.
import type { LineageNode, MessageDetail } from '../src/api/types';
import { interline, oneErrorLine } from './support/cli';
import { startFakeAdminApi } from './support/fake-admin-api';
import type { FakeAdminApi } from './support/fake-admin-api';
import { deadLetterMessage, messagesOf } from './support/fixtures';

let api: FakeAdminApi;
afterEach(() => api.close());

const ROOT = 'msg-1-booking';
const CHILD = 'msg-2-party';
const GRANDCHILD = 'msg-3-status';
const SIBLING = 'msg-4-customs';

function family(): MessageDetail[] {
  const root = deadLetterMessage({ id: ROOT, route: 'airline-booking', connector: 'airlines', deadMinutesAgo: 40, others: [{ route: 'odoo-booking', status: 'delivered' }] });
  const child = deadLetterMessage({ id: CHILD, type: 'party.registered', route: 'odoo-party', connector: 'odoo', correlationId: ROOT, causationId: ROOT, deadMinutesAgo: 30 });
  child.deliveries[0]!.status = 'delivered';
  const grandchild = deadLetterMessage({ id: GRANDCHILD, type: 'shipment.status-changed', route: 'onerecord-status', connector: 'onerecord', correlationId: ROOT, causationId: CHILD, deadMinutesAgo: 20, attempts: 5 });
  const sibling = deadLetterMessage({ id: SIBLING, type: 'customs.declaration-submitted', route: 'customs-declare', connector: 'customs-edi', correlationId: ROOT, causationId: ROOT, deadMinutesAgo: 10 });
  sibling.deliveries[0]!.status = 'pending';
  sibling.deliveries[0]!.attempts = 1;
  return [root, child, grandchild, sibling];
}

describe('messages show', () => {
  it('shows the whole story of any message; JSON with --json', async () => {
    api = await startFakeAdminApi({ messages: messagesOf(...family()) });
    const run = await interline(['messages', 'show', CHILD], { url: api.url });
    expect(run.code).toBe(0);
    expect(api.requests[0]?.path).toBe(`/v1/admin/messages/${CHILD}`);
    expect(run.stdout).toContain(`Message ${CHILD}`);
    expect(run.stdout).toContain('  causation     msg-1-booking');
    expect(run.stdout).toMatch(/odoo-party {2}delivered/);
    const json = await interline(['messages', 'show', CHILD, '--json'], { url: api.url });
    expect((JSON.parse(json.stdout) as MessageDetail).message.causationId).toBe(ROOT);
  });
});

describe('messages trace', () => {
  it('draws the lineage as a tree with each route status and marks the asked-for message', async () => {
    api = await startFakeAdminApi({ messages: messagesOf(...family()) });
    const run = await interline(['messages', 'trace', GRANDCHILD], { url: api.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `correlation ${ROOT}`,
        `shipment.booking-requested ${ROOT}`,
        '│  airline-booking: dead (3 attempts)',
        '│  odoo-booking: delivered',
        `├─ party.registered ${CHILD}`,
        '│  │  odoo-party: delivered (3 attempts)',
        `│  └─ shipment.status-changed ${GRANDCHILD}  ◀ this message`,
        '│        onerecord-status: dead (5 attempts)',
        `└─ customs.declaration-submitted ${SIBLING}`,
        '      customs-declare: pending',
        '',
      ].join('\n'),
    );
  });

  it('prints the lineage as JSON with --json, and one line for an unknown id', async () => {
    api = await startFakeAdminApi({ messages: messagesOf(...family()) });
    const run = await interline(['messages', 'trace', ROOT, '--json'], { url: api.url });
    const trace = JSON.parse(run.stdout) as { correlationId: string; root: LineageNode[] };
    expect(trace.correlationId).toBe(ROOT);
    expect(trace.root[0]?.children.map((c) => c.id)).toEqual([CHILD, SIBLING]);
    const missing = await interline(['messages', 'trace', 'nope'], { url: api.url });
    expect(missing.code).toBe(1);
    expect(oneErrorLine(missing.stderr)).toBe(`interline: no message 'nope' in the journal (hub at ${api.url})`);
  });
});

describe('events list', () => {
  it('lists event types as a table, or JSON with --json', async () => {
    api = await startFakeAdminApi({
      eventTypes: [
        { type: 'shipment.booking-requested', object: 'CargoBooking', summary: 'A customer asked to book a shipment' },
        { type: 'party.registered', object: 'Party', summary: 'A new customer or partner' },
      ],
    });
    const run = await interline(['events', 'list'], { url: api.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'TYPE                        OBJECT        SUMMARY',
        'party.registered            Party         A new customer or partner',
        'shipment.booking-requested  CargoBooking  A customer asked to book a shipment',
        '2 event types',
        '',
      ].join('\n'),
    );
    const json = await interline(['events', 'list', '--json'], { url: api.url });
    expect((JSON.parse(json.stdout) as { items: unknown[] }).items).toHaveLength(2);
  });
});
