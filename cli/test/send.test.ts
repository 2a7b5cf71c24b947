// send: envelope built from a data file, accepted and rejected answers.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interline, oneErrorLine } from './support/cli';
import { startFakeAdminApi } from './support/fake-admin-api';
import type { FakeAdminApi } from './support/fake-admin-api';
import { NOW } from './support/fixtures';

let api: FakeAdminApi;
let dir: string;
const data = { awb: '020-12345675', origin: 'FRA', destination: 'JFK', pieces: 2 };

beforeEach(async () => {
  api = await startFakeAdminApi({
    eventTypes: [{ type: 'shipment.booking-requested', object: 'CargoBooking', summary: 'A customer asked to book a shipment' }],
    routes: { 'shipment.booking-requested': ['odoo-booking', 'airline-booking'] },
  });
  dir = mkdtempSync(path.join(tmpdir(), 'interline-send-'));
  writeFileSync(path.join(dir, 'booking.json'), JSON.stringify(data));
});
afterEach(() => api.close());

describe('send', () => {
  it('wraps the data file in a CloudEvents envelope, posts it and prints the id and routes', async () => {
    const run = await interline(
      ['send', 'shipment.booking-requested', '--data', 'booking.json', '--subject', '020-12345675', '--partition-key', '020-12345675', '--tenant', 'acme'],
      { url: api.url, cwd: dir },
    );
    expect(run.code).toBe(0);
    const [request] = api.requestsTo('POST', '/v1/admin/messages');
    const envelope = request?.body as Record<string, unknown>;
    expect(envelope).toEqual({
      specversion: '1.0',
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      source: 'interline/cli',
      type: 'shipment.booking-requested',
      time: new Date(NOW).toISOString(),
      datacontenttype: 'application/json',
      data,
      subject: '020-12345675',
      partitionkey: '020-12345675',
      tenant: 'acme',
    });
    expect(run.stdout).toBe(`accepted ${String(envelope.id)}\nroutes: odoo-booking, airline-booking\n`);
  });

  it('prints the ingress result as JSON with --json', async () => {
    const run = await interline(['send', 'shipment.booking-requested', '--data', 'booking.json', '--json'], { url: api.url, cwd: dir });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { status: string; id: string; routes: string[] };
    expect(result).toMatchObject({ status: 'accepted', routes: ['odoo-booking', 'airline-booking'] });
    expect(api.state.messages.has(result.id)).toBe(true);
  });

  it('exits 1 on a rejection and names the dead letter it was journaled as', async () => {
    const run = await interline(['send', 'shipment.bookd', '--data', 'booking.json'], { url: api.url, cwd: dir });
    expect(run.code).toBe(1);
    const line = oneErrorLine(run.stderr);
    const deadLetter = [...api.state.messages.keys()][0] ?? '';
    expect(line).toBe(
      `interline: the hub rejected the shipment.bookd event (unknown-type): unknown event type 'shipment.bookd'; see the event catalog (interline events list) — journaled as dead letter ${deadLetter}; inspect dead letter ${deadLetter} with \`interline dlq show ${deadLetter}\``,
    );
    const json = await interline(['send', 'shipment.bookd', '--data', 'booking.json', '--json'], { url: api.url, cwd: dir });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'rejected', error: { errorClass: 'unknown-type' } });
  });

  it('needs --data, and a data file that parses', async () => {
    const missing = await interline(['send', 'shipment.booking-requested'], { url: api.url, cwd: dir });
    expect(missing.code).toBe(2);
    expect(oneErrorLine(missing.stderr)).toContain("required option '--data <file.json>' not specified");
    writeFileSync(path.join(dir, 'broken.json'), '{"awb": ');
    const broken = await interline(['send', 'shipment.booking-requested', '--data', 'broken.json'], { url: api.url, cwd: dir });
    expect(broken.code).toBe(1);
    expect(oneErrorLine(broken.stderr)).toMatch(/^interline: data file broken\.json has invalid JSON at line 1, column 9 \(position 8/);
    expect(api.requests).toHaveLength(0);
  });
});
