// The simulator's business behaviour and JSON-2 face: sale orders draft → sale (with a delivery) and
// cancel, invoices draft → posted and paid through the register-payment wizard, JSON-2's statuses and
// error bodies, and the shared /__sim control plane (faults per operation, lost answers, state, reset).
import { SimulatorControlClient } from '@interline/hub';
import type { OdooClient } from '../src';
import { SEED, SIM_USERS, startOdooSimulator } from '../src/testing';
import type { OdooSimulatorHandle, OdooSimulatorState } from '../src/testing';
import { clientFor, failure } from './support/harness';

let sim: OdooSimulatorHandle;
let odoo: OdooClient;
let control: SimulatorControlClient;
let customer: number;

beforeAll(async () => {
  sim = await startOdooSimulator({ version: '19.0' });
  odoo = clientFor(sim, { protocol: 'xmlrpc' });
  control = new SimulatorControlClient(sim.baseUrl);
  customer = (await odoo.search('res.partner', [['ref', '=', SEED.customerPartyId]]))[0] as number;
});
afterAll(() => sim.stop());
beforeEach(() => control.reset());

const json2 = (path: string, body: unknown, key: string | null = SIM_USERS.integration.apiKey): Promise<Response> =>
  fetch(`${sim.baseUrl}/json/2/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key !== null ? { authorization: `bearer ${key}` } : {}) }, body: JSON.stringify(body) });

describe('sale orders', () => {
  it('go from draft to sale on action_confirm, with a delivery waiting; a second confirm is refused; cancel cancels the delivery', async () => {
    const id = await odoo.create('sale.order', { partner_id: customer, order_line: [[0, 0, { product_id: 1, product_uom_qty: 100 }]] });
    const [draft] = await odoo.read('sale.order', [id], ['name', 'state', 'amount_total', 'picking_ids']);
    // No price or description given: Odoo takes them from the product (AF-GEN, 2.50 per kg).
    expect(draft).toMatchObject({ name: expect.stringMatching(/^S\d{5}$/), state: 'draft', amount_total: 250, picking_ids: [] });
    await odoo.action('sale.order', 'action_confirm', [id]);
    const [order] = await odoo.read<{ id: number; state: string; picking_ids: number[]; invoice_status: string }>('sale.order', [id], ['state', 'picking_ids', 'invoice_status']);
    expect(order).toMatchObject({ state: 'sale', invoice_status: 'to invoice' });
    const [picking] = await odoo.read('stock.picking', order?.picking_ids ?? [], ['state', 'origin', 'picking_type_code']);
    expect(picking).toMatchObject({ state: 'assigned', origin: draft?.name, picking_type_code: 'outgoing' });
    expect((await failure(odoo.action('sale.order', 'action_confirm', [id]))).message).toContain('Some orders are not in a state requiring confirmation.');
    await odoo.action('sale.order', 'action_cancel', [id]);
    expect(await odoo.read('stock.picking', order?.picking_ids ?? [], ['state'])).toEqual([{ id: order?.picking_ids[0], state: 'cancel' }]);
  });
});

describe('invoices and payments', () => {
  const draftInvoice = (lines: unknown[] = [[0, 0, { name: 'Handling', quantity: 2, price_unit: 50 }]]): Promise<number> =>
    odoo.create('account.move', { move_type: 'out_invoice', partner_id: customer, invoice_line_ids: lines });

  it('post from draft to posted with a number; posting twice or without lines is refused', async () => {
    const id = await draftInvoice();
    expect(await odoo.read('account.move', [id], ['name', 'state', 'payment_state', 'amount_residual'])).toEqual([{ id, name: '/', state: 'draft', payment_state: 'not_paid', amount_residual: 100 }]);
    await odoo.action('account.move', 'action_post', [id]);
    const [posted] = await odoo.read('account.move', [id], ['name', 'state', 'invoice_date', 'invoice_date_due']);
    expect(posted).toMatchObject({ name: expect.stringMatching(/^INV\/\d{4}\/\d{5}$/), state: 'posted', invoice_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await failure(odoo.action('account.move', 'action_post', [id]))).message).toContain('is already posted');
    const empty = await draftInvoice([]);
    expect((await failure(odoo.action('account.move', 'action_post', [empty]))).message).toContain('You need to add a line before posting.');
  });

  it('become partial, then paid, through account.payment.register, stamped by the paying user', async () => {
    const id = await draftInvoice();
    await odoo.action('account.move', 'action_post', [id]);
    const sales = clientFor(sim, { protocol: 'xmlrpc' }, SIM_USERS.sales);
    const pay = async (amount: number): Promise<void> => {
      const context = { active_model: 'account.move', active_ids: [id] };
      const wizard = await sales.create('account.payment.register', { amount, communication: `pay ${amount}` }, { context });
      await sales.action('account.payment.register', 'action_create_payments', [wizard], { context });
    };
    await pay(40);
    expect(await odoo.read('account.move', [id], ['payment_state', 'amount_residual'])).toEqual([{ id, payment_state: 'partial', amount_residual: 60 }]);
    await pay(60);
    expect(await odoo.read('account.move', [id], ['payment_state', 'amount_residual', 'write_uid'])).toEqual([{ id, payment_state: 'paid', amount_residual: 0, write_uid: [6, 'Sara Sales'] }]);
    expect(await odoo.searchRead('account.payment', [['memo', 'like', 'pay ']], ['amount', 'state', 'reconciled_invoice_ids'], { order: 'id asc' })).toEqual([
      { id: expect.any(Number), amount: 40, state: 'paid', reconciled_invoice_ids: [id] },
      { id: expect.any(Number), amount: 60, state: 'paid', reconciled_invoice_ids: [id] },
    ]);
    const nothingLeft = await failure(pay(1));
    expect(nothingLeft.message).toContain("You can't register a payment because there is nothing left to pay");
  });

  it('refuse a payment on a draft invoice', async () => {
    const id = await draftInvoice();
    const error = await failure(odoo.create('account.payment.register', { amount: 1 }, { context: { active_model: 'account.move', active_ids: [id] } }));
    expect(error.message).toContain('You can only register payment for posted journal entries.');
  });
});

describe('JSON-2', () => {
  it('takes named arguments with a bearer key; create answers the list of ids', async () => {
    const response = await json2('res.partner/create', { vals_list: [{ name: 'JSON Two GmbH', is_company: true }], context: { lang: 'en_US' } });
    expect(response.status).toBe(200);
    const created = (await response.json()) as number[];
    expect(created).toEqual([expect.any(Number)]);
    const read = await json2('res.partner/read', { ids: created, fields: ['name', 'parent_id'] });
    expect(await read.json()).toEqual([{ id: created[0], name: 'JSON Two GmbH', parent_id: false }]);
  });

  it.each([
    ['a missing key', 401, 'res.partner/search', { domain: [] }, null, 'werkzeug.exceptions.Unauthorized', 'User not authenticated, use the "Authorization" header'],
    ['a wrong key', 401, 'res.partner/search', { domain: [] }, 'not-a-key', 'werkzeug.exceptions.Unauthorized', 'Invalid apikey'],
    ['an unknown model', 404, 'res.partnerz/search', { domain: [] }, SIM_USERS.integration.apiKey, 'werkzeug.exceptions.NotFound', "the model 'res.partnerz' does not exist"],
    ['an unknown method', 404, 'res.partner/frobnicate', {}, SIM_USERS.integration.apiKey, 'werkzeug.exceptions.NotFound', "The method 'frobnicate' does not exist on the model 'res.partner'"],
    ['a private method', 404, 'res.partner/_compute_name', {}, SIM_USERS.integration.apiKey, 'werkzeug.exceptions.NotFound', "The method '_compute_name' does not exist"],
    ['an unexpected argument', 422, 'res.partner/search', { domain: [], colour: 'red' }, SIM_USERS.integration.apiKey, 'builtins.TypeError', "search() got an unexpected keyword argument 'colour'"],
    ['ids on a model method', 422, 'res.partner/search', { ids: [1], domain: [] }, SIM_USERS.integration.apiKey, 'builtins.TypeError', 'cannot call search with ids'],
    ['a missing required field', 422, 'sale.order/create', { vals_list: [{ origin: 'x' }] }, SIM_USERS.integration.apiKey, 'odoo.exceptions.ValidationError', "Missing required value for the field 'Customer' (partner_id)"],
    ['a write without access rights', 403, 'res.partner/create', { vals_list: [{ name: 'x' }] }, SIM_USERS.auditor.apiKey, 'odoo.exceptions.AccessError', "You are not allowed to create 'Contact' (res.partner) records."],
    ['a deleted record', 404, 'res.partner/write', { ids: [99999], vals: { name: 'x' } }, SIM_USERS.integration.apiKey, 'odoo.exceptions.MissingError', 'Record does not exist or has been deleted.'],
  ])('answers %s with HTTP %i', async (_what, status, path, body, key, name, message) => {
    const response = await json2(path, body, key);
    expect(response.status).toBe(status);
    const error = (await response.json()) as { name: string; message: string; arguments: unknown[]; context: unknown; debug: string };
    expect(error).toMatchObject({ name, message: expect.stringContaining(message), context: {} });
    if (status === 401) expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('is not served by an Odoo 17', async () => {
    const seventeen = await startOdooSimulator({ version: '17.0' });
    try {
      const response = await fetch(`${seventeen.baseUrl}/json/2/res.partner/search`, { method: 'POST', headers: { authorization: `bearer ${SIM_USERS.integration.apiKey}` }, body: '{}' });
      expect(response.status).toBe(404);
      expect(await fetch(`${seventeen.baseUrl}/web/version`).then((r) => r.json())).toEqual({ version_info: [17, 0, 0, 'final', 0, ''], version: '17.0' });
    } finally {
      await seventeen.stop();
    }
  });
});

describe('the /__sim control plane', () => {
  it('fails only the named operation, or every method of a named model', async () => {
    await control.fault({ kind: 'permanent', operation: 'res.partner.create' });
    expect(await odoo.search('res.partner', [['id', '=', customer]])).toEqual([customer]);
    expect((await failure(odoo.create('res.partner', { name: 'x' }))).message).toContain('simulated failure injected through /__sim/faults');
    await control.fault({ kind: 'transient', operation: 'sale.order', times: 2 });
    expect((await failure(odoo.search('sale.order', []))).message).toContain('HTTP 503');
    expect((await failure(odoo.read('sale.order', [1], ['name']))).message).toContain('HTTP 503');
    expect(await odoo.search('sale.order', [['id', '=', 1]])).toEqual([1]);
  });

  it('loses the answer after the effect (afterEffect), and shows calls, faults and effects in the state', async () => {
    await control.fault({ kind: 'transient', operation: 'res.partner.create', afterEffect: true });
    expect((await failure(odoo.create('res.partner', { name: 'Lost Answer AG' }))).message).toContain('HTTP 503');
    expect(await odoo.search('res.partner', [['name', '=', 'Lost Answer AG']])).toHaveLength(1);
    const state = await control.state<OdooSimulatorState>();
    expect(state.effects).toEqual([{ seq: 1, model: 'res.partner', id: expect.any(Number), uid: 2, at: expect.any(String) }]);
    const create = state.calls.find((call) => call.operation === 'res.partner.create');
    expect(create).toMatchObject({ protocol: 'xmlrpc', login: SIM_USERS.integration.login, status: 503, outcome: 'ok', fault: 'transient (after effect)' });
  });

  it('plays Odoo-level faults: a serialization failure (fault 1) and an AccessError (fault 4)', async () => {
    await control.fault({ kind: 'transient', operation: 'res.partner.write', status: 200 });
    expect((await failure(odoo.write('res.partner', [customer], { phone: '1' }))).message).toContain('could not serialize access due to concurrent update');
    await control.fault({ kind: 'auth', operation: 'res.partner.write', status: 403 });
    expect((await failure(odoo.write('res.partner', [customer], { phone: '1' }))).message).toContain('fault 4, AccessError');
  });

  it('resets to the seed data', async () => {
    await odoo.create('res.partner', { name: 'Temporary' });
    await control.reset();
    expect(await odoo.search('res.partner', [['name', '=', 'Temporary']])).toEqual([]);
    expect((await control.state<OdooSimulatorState>()).effects).toEqual([]);
  });
});
