// The client's two transports against the simulator: the protocol chosen by server version (or
// forced), logins, and every way a call fails mapped onto the hub's error classes — the same on
// XML-RPC (fault codes) and JSON-2 (HTTP statuses).
import { AuthError, PermanentError, SimulatorControlClient, TimeoutError, TransientError } from '@interline/hub';
import type { Fault, HubError } from '@interline/hub';
import { SIM_USERS, startOdooSimulator } from '../src/testing';
import type { OdooSimulatorHandle, OdooSimulatorState } from '../src/testing';
import { clientFor, failure } from './support/harness';

let v17: OdooSimulatorHandle;
let v19: OdooSimulatorHandle;

beforeAll(async () => {
  v17 = await startOdooSimulator({ version: '17.0' });
  v19 = await startOdooSimulator({ version: '19.0' });
});
afterAll(async () => {
  await v17.stop();
  await v19.stop();
});

const protocolsSeen = (sim: OdooSimulatorHandle): string[] => [...new Set(sim.inspect().calls.filter((c) => c.operation === 'res.partner.search').map((c) => c.protocol))];

describe('protocol choice', () => {
  it.each([
    ['17.0', 'auto', 'xmlrpc'],
    ['19.0', 'auto', 'json2'],
    ['19.0', 'xmlrpc', 'xmlrpc'],
    ['19.0', 'json2', 'json2'],
  ] as const)('Odoo %s with protocol %s speaks %s', async (version, protocol, expected) => {
    const sim = version === '17.0' ? v17 : v19;
    sim.reset();
    const client = clientFor(sim, { protocol });
    expect(await client.protocol()).toBe(expected);
    expect(await client.search('res.partner', [['is_company', '=', true]], { limit: 1 })).toHaveLength(1);
    expect(protocolsSeen(sim)).toEqual([expected]);
  });

  it('says what to do when JSON-2 is forced on a server before Odoo 19', async () => {
    const error = await failure(clientFor(v17, { protocol: 'json2' }).search('res.partner', []));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain('JSON-2 needs Odoo 19 or later — set protocol: auto or xmlrpc');
  });

  it('reports an unreachable server as transient and chooses again once it answers', async () => {
    const down = await startOdooSimulator({ version: '19.0' });
    const port = Number(new URL(down.baseUrl).port);
    await down.stop();
    const client = clientFor(down);
    const error = await failure(client.protocol());
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toContain('could not reach the server');
    const up = await startOdooSimulator({ version: '19.0', port });
    try {
      expect(await client.protocol()).toBe('json2');
    } finally {
      await up.stop();
    }
  });
});

describe('logins', () => {
  it('XML-RPC: authenticate returning false is an AuthError naming login and database, without the key', async () => {
    const error = await failure(clientFor(v17, { apiKey: 'revoked-key-0000' }).search('res.partner', []));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('Odoo refused login "interline@example.com" on database "interline" (authenticate returned false)');
    expect(error.message).not.toContain('revoked-key-0000');
  });

  it('JSON-2: a wrong bearer key is an AuthError with Odoo\'s "Invalid apikey", without the key', async () => {
    const error = await failure(clientFor(v19, { apiKey: 'revoked-key-0000' }).search('res.partner', []));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('Odoo rejected the API key for res.partner.search (HTTP 401: werkzeug.exceptions.Unauthorized: Invalid apikey)');
    expect(error.message).not.toContain('revoked-key-0000');
  });

  it('both: the uid is that of the login, used to recognise the connector’s own writes', async () => {
    expect(await clientFor(v17, {}, SIM_USERS.sales).uid()).toBe(6);
    expect(await clientFor(v19, {}, SIM_USERS.sales).uid()).toBe(6);
  });

  it('health is up with the server version and protocol, down with the reason', async () => {
    expect(await clientFor(v19).health()).toMatchObject({ status: 'up', detail: 'Odoo 19.0 over json2, database interline' });
    expect(await clientFor(v17, { database: 'nope' }).health()).toMatchObject({ status: 'down', detail: expect.stringContaining('database "nope" does not exist') });
  });
});

describe.each([
  ['XML-RPC', () => v17],
  ['JSON-2', () => v19],
] as const)('failures over %s', (label, sim) => {
  const xmlrpc = label === 'XML-RPC';
  let control: SimulatorControlClient;
  beforeAll(() => {
    control = new SimulatorControlClient(sim().baseUrl);
  });
  beforeEach(() => control.reset());

  const failWith = async (fault: Partial<Fault> & Pick<Fault, 'kind'>, config: Parameters<typeof clientFor>[1] = {}): Promise<HubError> => {
    await control.fault({ operation: 'res.partner.create', ...fault });
    return (await failure(clientFor(sim(), config).create('res.partner', { name: 'Faulty' }))) as HubError;
  };

  it('a validation error is permanent and carries Odoo\'s message', async () => {
    const error = await failure(clientFor(sim()).create('sale.order', { origin: 'no customer' }));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain(xmlrpc ? 'Odoo refused sale.order.create (fault 2, UserError/ValidationError)' : 'Odoo refused sale.order.create (HTTP 422: odoo.exceptions.ValidationError');
    expect(error.message).toContain("Missing required value for the field 'Customer' (partner_id)");
  });

  it('an unexpected server error is permanent and names the Python exception', async () => {
    const error = await failure(clientFor(sim()).create('res.partner', { nickname: 'x' }));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain(`(${xmlrpc ? 'fault 1' : 'HTTP 500'}: ValueError: Invalid field 'nickname' on model 'res.partner')`);
  });

  it('access rights (fault 4 / 403) and a revoked key mid-session (fault 3 / 401) are auth errors', async () => {
    const auditor = await failure(clientFor(sim(), {}, SIM_USERS.auditor).create('res.partner', { name: 'x' }));
    expect(auditor).toBeInstanceOf(AuthError);
    expect(auditor.message).toContain("You are not allowed to create 'Contact' (res.partner) records.");
    expect(auditor.message).toContain('give the integration user the groups this operation needs');
    const revoked = await failWith({ kind: 'auth' });
    expect(revoked).toBeInstanceOf(AuthError);
    expect(revoked.message).toMatch(xmlrpc ? /fault 3, Access Denied/ : /HTTP 401: .*Invalid apikey/);
  });

  it('an outage (503) is transient, with the Retry-After hint', async () => {
    const error = await failWith({ kind: 'transient' });
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).retryAfterMs).toBe(0);
  });

  it("PostgreSQL's serialization failure, after Odoo's own retries, is transient", async () => {
    const error = await failWith({ kind: 'transient', status: xmlrpc ? 200 : 500 });
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toContain('could not serialize access due to concurrent update');
  });

  it('no answer within timeoutMs is a TimeoutError; a dropped connection is transient', async () => {
    const started = Date.now();
    const timeout = await failWith({ kind: 'timeout', delayMs: 600 }, { timeoutMs: 150 });
    expect(timeout).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(550);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await failWith({ kind: 'reset' })).toBeInstanceOf(TransientError);
  });

  it('no fault leaves an effect behind', async () => {
    await failWith({ kind: 'permanent' });
    expect((await control.state<OdooSimulatorState>()).effects).toEqual([]);
  });
});

it('JSON-2: a LockError (409) is transient', async () => {
  const control = new SimulatorControlClient(v19.baseUrl);
  await control.fault({ kind: 'transient', operation: 'res.partner.write', status: 409 });
  const error = await failure(clientFor(v19).write('res.partner', [1], { phone: '1' }));
  expect(error).toBeInstanceOf(TransientError);
  expect(error.message).toContain('Cannot obtain lock on the records');
});
