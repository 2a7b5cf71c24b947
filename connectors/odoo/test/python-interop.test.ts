// Interop with an independent XML-RPC implementation, Python's standard library: xmlrpc.client calls
// the simulator (as Odoo clients do), and the connector calls a SimpleXMLRPCServer stand-in. Both
// directions must agree on every type (int, boolean, string, double, array, struct, dateTime and
// date strings, base64) and on faults.
import { AuthError, PermanentError, TransientError } from '@interline/hub';
import { OdooClient, XmlRpcDateTime } from '../src';
import { SIM_DATABASE, SIM_USERS, startOdooSimulator } from '../src/testing';
import type { OdooSimulatorHandle } from '../src/testing';
import { failure } from './support/harness';
import { pythonJson, startPythonServer } from './support/python';
import type { PythonServer } from './support/python';

const PYTHON_CLIENT = String.raw`
import json, sys, datetime, xmlrpc.client
url, db, login, key, auditor_login, auditor_key = sys.argv[1:7]
common = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common')
models = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object')
out = {'version': common.version()}
uid = common.authenticate(db, login, key, {})
out['uid'] = [type(uid).__name__, uid]
bad = common.authenticate(db, login, 'not-the-key', {})
out['bad_login'] = [type(bad).__name__, bad]
pid = models.execute_kw(db, uid, key, 'res.partner', 'create', [{
    'name': 'Øresund Air Cargo ApS', 'is_company': True, 'comment': 'Line one\nLine <two> & more',
    'customer_rank': 3, 'image_1920': xmlrpc.client.Binary(b'\x89PNG\r\n\x1a\n'), 'country_id': 1}])
oid = models.execute_kw(db, uid, key, 'sale.order', 'create', [{
    'partner_id': pid, 'date_order': datetime.datetime(2025, 3, 14, 9, 47, 0),
    'order_line': [[0, 0, {'name': 'Air freight', 'product_uom_qty': 416, 'price_unit': 4.85}]]}])
partner = models.execute_kw(db, uid, key, 'res.partner', 'read', [[pid]], {'fields': ['name', 'is_company', 'comment', 'customer_rank', 'image_1920', 'country_id', 'parent_id', 'email', 'write_date', 'child_ids']})[0]
order = models.execute_kw(db, uid, key, 'sale.order', 'read', [[oid]], {'fields': ['date_order', 'amount_total', 'order_line', 'state']})[0]
out['types'] = {k: type(v).__name__ for k, v in {**partner, **order}.items()}
out['partner'] = partner
out['order'] = order
found = models.execute_kw(db, uid, key, 'res.partner', 'search_read', [['|', ['name', 'ilike', 'øresund'], ['ref', '=', 'nothing']]], {'fields': ['name'], 'limit': 5})
out['search'] = found
faults = {}
def fault(name, call):
    try:
        call()
        faults[name] = None
    except xmlrpc.client.Fault as f:
        faults[name] = [f.faultCode, f.faultString]
fault('required', lambda: models.execute_kw(db, uid, key, 'sale.order', 'create', [{'client_order_ref': 'x'}]))
fault('wrong_key', lambda: models.execute_kw(db, uid, 'not-the-key', 'res.partner', 'search', [[]]))
auditor = common.authenticate(db, auditor_login, auditor_key, {})
fault('access', lambda: models.execute_kw(db, auditor, auditor_key, 'res.partner', 'create', [{'name': 'x'}]))
fault('unknown_field', lambda: models.execute_kw(db, uid, key, 'res.partner', 'create', [{'nickname': 'x'}]))
fault('unknown_model', lambda: models.execute_kw(db, uid, key, 'res.partnerz', 'search', [[]]))
fault('missing', lambda: models.execute_kw(db, uid, key, 'res.partner', 'write', [[99999], {'name': 'x'}]))
out['faults'] = faults
print(json.dumps(out))
`;

const PYTHON_STANDIN = String.raw`
from xmlrpc.server import SimpleXMLRPCServer, SimpleXMLRPCRequestHandler
from xmlrpc.client import Fault, Binary, DateTime
class Handler(SimpleXMLRPCRequestHandler):
    rpc_paths = ('/xmlrpc/2/common', '/xmlrpc/2/object')
server = SimpleXMLRPCServer(('127.0.0.1', 0), requestHandler=Handler, allow_none=False, logRequests=False)
def version():
    return {'server_version': '16.0', 'server_version_info': [16, 0, 0, 'final', 0, ''], 'server_serie': '16.0', 'protocol_version': 1}
def authenticate(db, login, key, env):
    return 7 if (db, login, key) == ('standin', 'robot@example.com', 'standin-key-123') else False
def describe(v):
    if isinstance(v, bool): return ['bool', v]
    # Python (and so Odoo) cannot send an int beyond 32 bits back: report it as text.
    if isinstance(v, int): return ['int', v] if -2**31 <= v < 2**31 else ['int64', str(v)]
    if isinstance(v, float): return ['float', v]
    if isinstance(v, str): return ['str', v]
    if isinstance(v, Binary): return ['binary', list(v.data)]
    if isinstance(v, DateTime): return ['datetime', v.value]
    if isinstance(v, list): return ['list', [describe(x) for x in v]]
    if isinstance(v, dict): return ['dict', {k: describe(x) for k, x in v.items()}]
    return [type(v).__name__, repr(v)]
def execute_kw(db, uid, key, model, method, args, kwargs=None):
    if uid != 7 or key != 'standin-key-123':
        raise Fault(3, 'Access Denied')
    if method == 'echo_types':
        return {'args': describe(args), 'kwargs': describe(kwargs or {})}
    if method == 'sample':
        return {'int': 42, 'neg': -7, 'float': 4.85, 'true': True, 'false': False, 'text': 'Grüße <&> "x"', 'list': [1, 'a', [2.5]],
                'binary': Binary(b'\x00\x01PDF'), 'when': DateTime('20250314T09:47:00'), 'empty': {}, 'date': '2025-03-14 09:47:00'}
    if method == 'fail':
        raise Fault(kwargs['code'], kwargs['message'])
    raise ValueError('boom')
server.register_function(version)
server.register_function(authenticate)
server.register_function(execute_kw)
print(server.server_address[1], flush=True)
server.serve_forever()
`;

interface PythonClientResult {
  version: Record<string, unknown>;
  uid: [string, number];
  bad_login: [string, boolean];
  types: Record<string, string>;
  partner: Record<string, unknown>;
  order: Record<string, unknown>;
  search: Array<{ id: number; name: string }>;
  faults: Record<string, [number, string] | null>;
}

describe("Python's xmlrpc.client calling the simulator", () => {
  let sim: OdooSimulatorHandle;
  let result: PythonClientResult;

  beforeAll(async () => {
    sim = await startOdooSimulator();
    const { integration, auditor } = SIM_USERS;
    result = await pythonJson<PythonClientResult>(PYTHON_CLIENT, [sim.baseUrl, SIM_DATABASE, integration.login, integration.apiKey, auditor.login, auditor.apiKey]);
  }, 30_000);
  afterAll(() => sim.stop());

  it('version() and authenticate(): an int uid, or False (not a fault) for a wrong key', () => {
    expect(result.version).toEqual({ server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''], server_serie: '17.0', protocol_version: 1 });
    expect(result.uid).toEqual(['int', SIM_USERS.integration.uid]);
    expect(result.bad_login).toEqual(['bool', false]);
  });

  it('reads back Odoo types: ints, floats, booleans, strings, many2one pairs, id lists, base64 binaries, and datetimes as UTC strings', () => {
    expect(result.types).toMatchObject({
      id: 'int', name: 'str', is_company: 'bool', comment: 'str', customer_rank: 'int', image_1920: 'str', country_id: 'list', parent_id: 'bool',
      email: 'bool', write_date: 'str', child_ids: 'list', date_order: 'str', amount_total: 'float', order_line: 'list', state: 'str',
    });
    expect(result.partner).toMatchObject({ name: 'Øresund Air Cargo ApS', comment: 'Line one\nLine <two> & more', customer_rank: 3, country_id: [1, 'Austria'], parent_id: false, email: false });
    expect(Buffer.from(result.partner.image_1920 as string, 'base64')).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(result.partner.write_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // A dateTime sent by Python is stored and returned as Odoo's string, never shifted to a local zone.
    expect(result.order).toMatchObject({ date_order: '2025-03-14 09:47:00', amount_total: 2017.6, state: 'draft' });
  });

  it("evaluates Python's prefix domains ('|' with ilike)", () => {
    expect(result.search.map((r) => r.name)).toEqual(['Øresund Air Cargo ApS']);
  });

  it("answers with Odoo's fault codes and strings", () => {
    const { faults } = result;
    expect(faults.required?.[0]).toBe(2);
    expect(faults.required?.[1]).toContain("Missing required value for the field 'Customer' (partner_id).\nModel: 'Sales Order' (sale.order)");
    expect(faults.wrong_key).toEqual([3, 'Access Denied']);
    expect(faults.access?.[0]).toBe(4);
    expect(faults.access?.[1]).toContain("You are not allowed to create 'Contact' (res.partner) records.");
    expect(faults.unknown_field?.[0]).toBe(1);
    expect(faults.unknown_field?.[1]).toMatch(/^Traceback \(most recent call last\):[\s\S]*ValueError: Invalid field 'nickname' on model 'res.partner'\n$/);
    expect(faults.unknown_model).toEqual([2, "Object res.partnerz doesn't exist"]);
    expect(faults.missing?.[0]).toBe(2);
    expect(faults.missing?.[1]).toBe('Record does not exist or has been deleted.\n(Record: res.partner(99999,), User: 2)');
  });
});

describe('the connector calling a Python SimpleXMLRPCServer stand-in', () => {
  let standin: PythonServer;
  let client: OdooClient;
  const config = { database: 'standin', login: 'robot@example.com', apiKey: 'standin-key-123' };

  beforeAll(async () => {
    standin = await startPythonServer(PYTHON_STANDIN);
    client = new OdooClient({ url: `http://127.0.0.1:${standin.port}`, ...config });
  }, 30_000);
  afterAll(() => standin.stop());

  it('picks XML-RPC for an Odoo 16 server that has no /web/version, and logs in', async () => {
    expect(await client.protocol()).toBe('xmlrpc');
    expect(await client.uid()).toBe(7);
  });

  it('sends every type the way Python reads it: int (and 64-bit int), float, bool, str, list, dict, base64, dateTime', async () => {
    const echo = await client.call<{ args: unknown; kwargs: unknown }>('x', 'echo_types', [['Grüße <&>', 7, 2 ** 40, 4.85, true, false, { a: [1] }, Buffer.from([0, 1, 255]), new XmlRpcDateTime('20250314T09:47:00'), '2025-03-14 09:47:00']], {
      context: { lang: 'de_DE', active_test: false },
    });
    expect(echo.args).toEqual([
      'list',
      [
        [
          'list',
          [
            ['str', 'Grüße <&>'],
            ['int', 7],
            ['int64', String(2 ** 40)],
            ['float', 4.85],
            ['bool', true],
            ['bool', false],
            ['dict', { a: ['list', [['int', 1]]] }],
            ['binary', [0, 1, 255]],
            ['datetime', '20250314T09:47:00'],
            ['str', '2025-03-14 09:47:00'],
          ],
        ],
      ],
    ]);
    expect(echo.kwargs).toEqual(['dict', { context: ['dict', { lang: ['str', 'de_DE'], active_test: ['bool', false] }] }]);
  });

  it("reads every type Python sends: ints, floats, booleans, markup in strings, nested lists, base64 as bytes, dateTime as a wrapper", async () => {
    const sample = await client.call<Record<string, unknown>>('x', 'sample', []);
    expect(sample).toEqual({
      int: 42, neg: -7, float: 4.85, true: true, false: false, text: 'Grüße <&> "x"', list: [1, 'a', [2.5]],
      binary: Buffer.from([0, 1, 0x50, 0x44, 0x46]), when: new XmlRpcDateTime('20250314T09:47:00'), empty: {}, date: '2025-03-14 09:47:00',
    });
    expect((sample.when as XmlRpcDateTime).toOdooString()).toBe('2025-03-14 09:47:00');
  });

  it('turns Python faults into the hub’s error classes', async () => {
    const validation = await failure(client.call('res.partner', 'fail', [], { code: 2, message: 'The operation cannot be completed: Contacts require a name' }));
    expect(validation).toBeInstanceOf(PermanentError);
    expect(validation.message).toContain('Odoo refused res.partner.fail (fault 2, UserError/ValidationError): The operation cannot be completed: Contacts require a name');
    expect(await failure(client.call('res.partner', 'fail', [], { code: 4, message: 'You are not allowed to modify Contact' }))).toBeInstanceOf(AuthError);
    const conflict = await failure(client.call('res.partner', 'fail', [], { code: 1, message: 'Traceback…\npsycopg2.errors.SerializationFailure: could not serialize access due to concurrent update' }));
    expect(conflict).toBeInstanceOf(TransientError);
    const crash = await failure(client.call('res.partner', 'crash', []));
    expect(crash).toBeInstanceOf(PermanentError);
    expect(crash.message).toContain("(fault 1: <class 'ValueError'>:boom)");
  });

  it('reports a refused login (authenticate → False) as an AuthError that names login and database', async () => {
    const wrong = new OdooClient({ url: `http://127.0.0.1:${standin.port}`, ...config, apiKey: 'wrong-key-456' });
    const error = await failure(wrong.call('res.partner', 'search', [[]]));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe(
      'Odoo refused login "robot@example.com" on database "standin" (authenticate returned false): check login, database and apiKey — the key is made in Odoo under Preferences → Account Security → New API Key',
    );
    expect(error.message).not.toContain('wrong-key-456');
  });
});
