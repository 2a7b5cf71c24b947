// The simulator behaves like Odoo's ORM on the wire: domains with prefix operators, ordering and
// paging, active_test, read formats, x2many commands, write_date/write_uid, required fields in Odoo's words.
import { PermanentError } from '@interline/hub';
import type { OdooClient } from '../src';
import { SIM_USERS, startOdooSimulator } from '../src/testing';
import type { OdooSimulatorHandle } from '../src/testing';
import { clientFor, failure } from './support/harness';

let sim: OdooSimulatorHandle;
let odoo: OdooClient;
let ids: Record<string, number>;

beforeAll(async () => {
  sim = await startOdooSimulator();
  odoo = clientFor(sim);
  const de = (await odoo.search('res.country', [['code', '=', 'DE']]))[0];
  const fr = (await odoo.search('res.country', [['code', '=', 'FR']]))[0];
  ids = {
    alpha: await odoo.create('res.partner', { name: 'Alpha Air', is_company: true, country_id: de, customer_rank: 5, city: 'Frankfurt' }),
    bravo: await odoo.create('res.partner', { name: 'Bravo Logistics', is_company: true, country_id: fr, customer_rank: 1, city: 'Paris' }),
    charlie: await odoo.create('res.partner', { name: 'charlie cargo', is_company: true, country_id: de, customer_rank: 0, active: false }),
  };
  ids.desk = await odoo.create('res.partner', { name: 'Alpha desk', parent_id: ids.alpha, email: 'desk@alpha.example' });
});
afterAll(() => sim.stop());

const names = async (domain: Parameters<OdooClient['search']>[1], options: Parameters<OdooClient['search']>[2] = {}): Promise<string[]> =>
  (await odoo.searchRead<{ id: number; name: string }>('res.partner', [['id', 'in', Object.values(ids)], ...domain], ['name'], { order: 'name asc', ...options })).map((r) => r.name);

describe('domains', () => {
  it('combine leaves with implicit &, and the prefix operators |, & and !', async () => {
    expect(await names([['is_company', '=', true], ['customer_rank', '>', 0]])).toEqual(['Alpha Air', 'Bravo Logistics']);
    expect(await names(['|', ['city', '=', 'Paris'], ['email', '!=', false]])).toEqual(['Alpha desk', 'Bravo Logistics']);
    expect(await names(['!', ['name', 'ilike', 'alpha']])).toEqual(['Bravo Logistics']);
    expect(await names(['|', '&', ['is_company', '=', true], ['city', '=', 'Frankfurt'], ['parent_id', '!=', false]])).toEqual(['Alpha Air', 'Alpha desk']);
  });

  it.each([
    [['customer_rank', '>=', 1], ['Alpha Air', 'Bravo Logistics']],
    [['customer_rank', '<', 5], ['Alpha desk', 'Bravo Logistics']],
    [['customer_rank', '<=', 0], ['Alpha desk']],
    [['city', 'in', ['Paris', 'Berlin']], ['Bravo Logistics']],
    [['city', 'not in', ['Paris']], ['Alpha Air', 'Alpha desk']],
    [['name', 'like', 'Air'], ['Alpha Air']],
    [['name', 'like', 'air'], []],
    [['name', 'ilike', 'AIR'], ['Alpha Air']],
    [['name', '=like', '%Logistics'], ['Bravo Logistics']],
    [['name', '=ilike', 'alpha _ir'], ['Alpha Air']],
    [['city', '=', false], ['Alpha desk']],
    [['country_id.code', '=', 'FR'], ['Bravo Logistics']],
  ] as Array<[[string, string, unknown], string[]]>)('%j', async (leaf, expected) => {
    expect(await names([leaf])).toEqual(expected);
  });

  it('follow the partner hierarchy with child_of and parent_of', async () => {
    expect(await names([['id', 'child_of', ids.alpha]])).toEqual(['Alpha Air', 'Alpha desk']);
    expect(await names([['id', 'parent_of', ids.desk]])).toEqual(['Alpha Air', 'Alpha desk']);
  });

  it('leave archived records out unless the domain names active or the context says active_test: false', async () => {
    expect(await names([['name', 'ilike', 'charlie']])).toEqual([]);
    expect(await names([['name', 'ilike', 'charlie']], { context: { active_test: false } })).toEqual(['charlie cargo']);
    expect(await names([['active', '=', false]])).toEqual(['charlie cargo']);
  });

  it('refuse an unknown operator or field with a ValueError (fault 1)', async () => {
    const operator = await failure(odoo.search('res.partner', [['name', '~', 'x']]));
    expect(operator).toBeInstanceOf(PermanentError);
    expect(operator.message).toContain(`ValueError: Invalid leaf ["name","~","x"]: unknown operator '~'`);
    expect((await failure(odoo.search('res.partner', [['nickname', '=', 'x']]))).message).toContain('ValueError: Invalid field res.partner.nickname in leaf');
  });
});

describe('ordering, paging, counting', () => {
  it('orders by several fields with directions, then pages with offset and limit', async () => {
    const all = await names([], { order: 'customer_rank desc, name asc', context: { active_test: false } });
    expect(all).toEqual(['Alpha Air', 'Bravo Logistics', 'Alpha desk', 'charlie cargo']);
    expect(await names([], { order: 'customer_rank desc, name asc', context: { active_test: false }, offset: 1, limit: 2 })).toEqual(['Bravo Logistics', 'Alpha desk']);
    expect(await odoo.call('res.partner', 'search_count', [[['id', 'in', Object.values(ids)]]])).toBe(3);
  });

  it('refuses an order on an unknown field', async () => {
    const error = await failure(odoo.search('res.partner', [], { order: 'nickname desc' }));
    expect(error.message).toContain('Invalid "order" specified (nickname desc)');
  });
});

describe('reading and writing', () => {
  it('reads many2one as [id, name], one2many as ids, empty values as false, and stamps create/write uid and date', async () => {
    const [alpha] = await odoo.read('res.partner', [ids.alpha as number], ['name', 'country_id', 'child_ids', 'email', 'write_uid', 'write_date', 'display_name']);
    expect(alpha).toMatchObject({ name: 'Alpha Air', country_id: [expect.any(Number), 'Germany'], child_ids: [ids.desk], email: false, write_uid: [2, 'Interline Integration'], display_name: 'Alpha Air' });
    const [desk] = await odoo.read('res.partner', [ids.desk as number], ['display_name', 'commercial_partner_id']);
    expect(desk).toMatchObject({ display_name: 'Alpha Air, Alpha desk', commercial_partner_id: [ids.alpha, 'Alpha Air'] });
  });

  it('stamps write_uid with whoever wrote, and write_date in UTC seconds', async () => {
    sim.clock.freeze('2025-03-14T09:47:12.345Z');
    try {
      await clientFor(sim, {}, SIM_USERS.sales).write('res.partner', [ids.bravo as number], { phone: '+33 1 5555 0000' });
    } finally {
      sim.clock.thaw();
    }
    const [bravo] = await odoo.read('res.partner', [ids.bravo as number], ['write_uid', 'write_date', 'phone']);
    expect(bravo).toMatchObject({ write_uid: [6, 'Sara Sales'], write_date: '2025-03-14 09:47:12', phone: '+33 1 5555 0000' });
  });

  it('creates several records from a list, applies one2many commands, and unlinks', async () => {
    const created = await odoo.call<number[]>('res.partner', 'create', [[{ name: 'One' }, { name: 'Two', child_ids: [[0, 0, { name: 'Two desk' }]] }]]);
    expect(created).toHaveLength(2);
    const [two] = await odoo.read<{ id: number; child_ids: number[] }>('res.partner', [created[1] as number], ['child_ids']);
    expect(two?.child_ids).toHaveLength(1);
    await odoo.write('res.partner', [created[1] as number], { child_ids: [[1, two?.child_ids[0], { email: 'two@desk.example' }], [0, 0, { name: 'Second desk' }]] });
    expect(await odoo.search('res.partner', [['parent_id', '=', created[1]]])).toHaveLength(2);
    await odoo.call('res.partner', 'unlink', [created]);
    expect(await odoo.search('res.partner', [['id', 'in', created]], { context: { active_test: false } })).toEqual([]);
  });

  it("rejects a record without a required field in Odoo's words, and rolls the whole call back", async () => {
    const before = sim.inspect().records['sale.order']?.length;
    const error = await failure(odoo.create('sale.order', { client_order_ref: 'no-customer', order_line: [[0, 0, { name: 'x' }]] }));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain(
      "The operation cannot be completed: Missing required value for the field 'Customer' (partner_id).\nModel: 'Sales Order' (sale.order)\n- create/update: a mandatory field is not set",
    );
    const contact = await failure(odoo.create('res.partner', { name: 'Parent', child_ids: [[0, 0, { type: 'contact', email: 'nameless@example.com' }]] }));
    expect(contact.message).toContain('The operation cannot be completed: Contacts require a name');
    expect(await odoo.search('res.partner', [['name', '=', 'Parent']])).toEqual([]);
    expect(sim.inspect().records['sale.order']).toHaveLength(before as number);
  });

  it('describes fields with fields_get, filtered by attributes', async () => {
    const fields = await odoo.call<Record<string, Record<string, unknown>>>('sale.order', 'fields_get', [], { attributes: ['type', 'string', 'required', 'relation'] });
    expect(fields.partner_id).toEqual({ type: 'many2one', string: 'Customer', required: true, relation: 'res.partner' });
    expect(fields.order_line).toEqual({ type: 'one2many', string: 'Order Lines', required: false, relation: 'sale.order.line' });
  });
});
