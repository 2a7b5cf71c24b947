// The five operations against the simulator, over XML-RPC (Odoo 17) and JSON-2 (Odoo 19), fed by
// the odoo/* mappings from the canonical model's examples: what lands in Odoo, how bindings and
// references make a redelivery after a lost answer find its record, and the errors for bad input.
import { PermanentError, SimulatorControlClient, TransientError, cargoBookingExamples, invoiceExamples, orderExamples, partyExamples, paymentExamples } from '@interline/hub';
import type { MappingContext } from '@interline/hub';
import partyToPartner from '../../../mappings/src/odoo/party-to-partner.mapping';
import orderToSaleOrder from '../../../mappings/src/odoo/order-to-sale-order.mapping';
import bookingToSaleOrder from '../../../mappings/src/odoo/cargo-booking-to-sale-order.mapping';
import invoiceToMove from '../../../mappings/src/odoo/invoice-to-move.mapping';
import paymentToRegister from '../../../mappings/src/odoo/payment-to-register.mapping';
import type { OdooClient } from '../src';
import { SEED, SIM_USERS, startOdooSimulator } from '../src/testing';
import type { OdooSimulatorHandle, OdooSimulatorState } from '../src/testing';
import { clientFor, failure, memoryBindings, operationContext, runOperation } from './support/harness';

const mctx: MappingContext = { envelope: { id: 'm', type: 't', tenant: 'default', correlationid: 'c', time: '2025-03-11T00:00:00Z' } };
const [rheinpharma, , skybridge] = partyExamples;
const [exportOrder, yenOrder] = orderExamples;
const [paidInvoice] = invoiceExamples;
const [cardPayment] = paymentExamples;

describe.each(['17.0', '19.0'])('operations against Odoo %s', (version) => {
  let sim: OdooSimulatorHandle;
  let odoo: OdooClient;
  let control: SimulatorControlClient;
  const bindings = memoryBindings();
  const ctx = operationContext({ bindings });

  beforeAll(async () => {
    sim = await startOdooSimulator({ version });
    odoo = clientFor(sim);
    control = new SimulatorControlClient(sim.baseUrl);
  });
  afterAll(() => sim.stop());
  beforeEach(() => control.clearFaults());

  const state = (): Promise<OdooSimulatorState> => control.state<OdooSimulatorState>();

  it(`speaks ${version === '17.0' ? 'XML-RPC' : 'JSON-2'}`, async () => {
    expect(await odoo.protocol()).toBe(version === '17.0' ? 'xmlrpc' : 'json2');
  });

  describe('upsertCustomer', () => {
    it('creates a company with its contact, country by ISO code and state, and binds it', async () => {
      const input = await partyToPartner.map(rheinpharma!, mctx);
      // The seed has this party already; a new id makes it a new customer.
      const result = await runOperation(odoo, 'upsertCustomer', { ...input, partyId: 'party-new-1', children: input.children.map((c) => ({ ...c, ref: c.ref.replace(rheinpharma!.id, 'party-new-1') })) }, ctx);
      expect(result).toEqual({ partnerId: expect.any(Number), created: true, children: 3 });
      const [partner] = await odoo.searchRead('res.partner', [['ref', '=', 'party-new-1']], ['name', 'vat', 'country_id', 'state_id', 'lang', 'child_ids', 'write_uid']);
      expect(partner).toMatchObject({ name: 'Rheinpharma Logistik GmbH', vat: 'DE811234567', country_id: [expect.any(Number), 'Germany'], state_id: [expect.any(Number), 'Hessen'], lang: 'de_DE', write_uid: [2, 'Interline Integration'] });
      const children = await odoo.searchRead('res.partner', [['parent_id', '=', partner?.id]], ['name', 'type', 'ref', 'function', 'email'], { order: 'id asc' });
      expect(children).toEqual([
        { id: expect.any(Number), name: 'Export desk', type: 'contact', ref: 'party-new-1/contact/1', function: 'operations', email: 'export@rheinpharma.example' },
        { id: expect.any(Number), name: 'Accounts payable', type: 'contact', ref: 'party-new-1/contact/2', function: 'billing', email: 'ap@rheinpharma.example' },
        { id: expect.any(Number), name: false, type: 'delivery', ref: 'party-new-1/address/2', function: false, email: false },
      ]);
      expect(await bindings.get('res.partner', 'party-new-1')).toMatchObject({ externalId: String(partner?.id) });
    });

    it('updates the same partner on the next delivery: changed values written, dropped contacts archived, new ones added', async () => {
      const input = await partyToPartner.map({ ...skybridge!, name: 'Skybridge Forwarding GmbH & Co. KG' }, mctx);
      const first = await runOperation<{ partnerId: number }>(odoo, 'upsertCustomer', await partyToPartner.map(skybridge!, mctx), ctx);
      const second = await runOperation(odoo, 'upsertCustomer', { ...input, children: [{ ref: `${skybridge!.id}/contact/2`, vals: { type: 'contact', name: 'Night desk', email: 'night@skybridge.example' } }] }, ctx);
      expect(second).toEqual({ partnerId: first.partnerId, created: false, children: 1 });
      const [partner] = await odoo.read('res.partner', [first.partnerId], ['name']);
      expect(partner).toMatchObject({ name: 'Skybridge Forwarding GmbH & Co. KG' });
      const children = await odoo.searchRead('res.partner', [['parent_id', '=', first.partnerId]], ['name', 'active'], { order: 'id asc', context: { active_test: false } });
      expect(children).toEqual([
        { id: expect.any(Number), name: 'Air export', active: false },
        { id: expect.any(Number), name: 'Night desk', active: true },
      ]);
      expect((await state()).effects.filter((e) => e.model === 'res.partner')).toHaveLength(2);
    });

    it('after a lost answer to create, the redelivery finds the partner by its ref: one partner', async () => {
      const input = await partyToPartner.map({ ...skybridge!, id: 'party-lost-answer' }, mctx);
      await control.fault({ kind: 'transient', operation: 'res.partner.create', afterEffect: true });
      const fresh = operationContext({ bindings: memoryBindings() });
      expect(await failure(runOperation(odoo, 'upsertCustomer', input, fresh))).toBeInstanceOf(TransientError);
      expect(await runOperation(odoo, 'upsertCustomer', input, fresh)).toMatchObject({ created: false });
      expect(await odoo.search('res.partner', [['ref', '=', 'party-lost-answer']])).toHaveLength(1);
    });

    it('refuses a country Odoo does not know, naming it', async () => {
      const input = await partyToPartner.map(skybridge!, mctx);
      const error = await failure(runOperation(odoo, 'upsertCustomer', { ...input, partyId: 'party-xx', country: 'XX' }, ctx));
      expect(error).toBeInstanceOf(PermanentError);
      expect(error.message).toBe('country "XX" has no res.country in Odoo (searched by code); use an ISO 3166-1 alpha-2 code Odoo knows');
    });
  });

  describe('createSaleOrder', () => {
    it('creates a quotation with lines, UTC dates as sent, the customer reference in origin; no confirmation for a draft', async () => {
      const input = await orderToSaleOrder.map({ ...exportOrder!, id: 'order-draft-1', state: 'draft' }, mctx);
      const result = await runOperation(odoo, 'createSaleOrder', input, ctx);
      expect(result).toEqual({ saleOrderId: expect.any(Number), name: expect.stringMatching(/^S\d{5}$/), state: 'draft', created: true });
      const [order] = await odoo.searchRead('sale.order', [['client_order_ref', '=', 'order-draft-1']], ['origin', 'date_order', 'commitment_date', 'amount_total', 'currency_id', 'order_line', 'partner_id']);
      expect(order).toMatchObject({ origin: 'RP-EXP-2025-0311', date_order: '2025-03-11 08:25:00', commitment_date: '2025-03-14 00:00:00', amount_total: 2487.1, currency_id: [expect.any(Number), 'EUR'], partner_id: [expect.any(Number), 'Rheinpharma Logistik GmbH'] });
      expect(order?.order_line).toHaveLength(4);
    });

    it('confirms a confirmed order, and after a lost answer to action_confirm the redelivery neither recreates nor reconfirms', async () => {
      const input = await orderToSaleOrder.map({ ...exportOrder!, id: 'order-confirm-1' }, mctx);
      await control.fault({ kind: 'reset', operation: 'sale.order.action_confirm', afterEffect: true });
      expect(await failure(runOperation(odoo, 'createSaleOrder', input, ctx))).toBeInstanceOf(TransientError);
      expect(await runOperation(odoo, 'createSaleOrder', input, ctx)).toMatchObject({ state: 'sale', created: false });
      const orders = await odoo.searchRead<{ id: number; picking_ids: number[] }>('sale.order', [['client_order_ref', '=', 'order-confirm-1']], ['picking_ids']);
      expect(orders).toHaveLength(1);
      expect(orders[0]?.picking_ids).toHaveLength(1);
    });

    it('prices a cargo booking from the product in Odoo (no price in the booking)', async () => {
      const input = await bookingToSaleOrder.map({ ...cargoBookingExamples[0]!, requestedBy: { partyId: SEED.customerPartyId } }, mctx);
      await runOperation(odoo, 'createSaleOrder', input, ctx);
      const [order] = await odoo.searchRead('sale.order', [['client_order_ref', '=', cargoBookingExamples[0]!.id]], ['amount_total', 'state', 'origin', 'commitment_date']);
      expect(order).toMatchObject({ amount_total: 2017.6, state: 'sale', origin: '020-12345675', commitment_date: '2025-03-14 09:35:00' });
    });

    it('waits (transient) for a customer that is not in Odoo yet, and refuses an unknown product', async () => {
      const yen = await orderToSaleOrder.map(yenOrder!, mctx);
      const missingParty = await failure(runOperation(odoo, 'createSaleOrder', yen, ctx));
      expect(missingParty).toBeInstanceOf(TransientError);
      expect(missingParty.message).toContain(`party ${yenOrder!.customer.partyId} is not in Odoo yet`);
      const input = await orderToSaleOrder.map({ ...exportOrder!, id: 'order-unknown-product' }, mctx);
      const unknown = await failure(runOperation(odoo, 'createSaleOrder', { ...input, lines: [{ productCode: 'AF-ZEPPELIN', vals: { name: 'x', product_uom_qty: 1 } }] }, ctx));
      expect(unknown).toBeInstanceOf(PermanentError);
      expect(unknown.message).toContain('product "AF-ZEPPELIN" has no product.product with that Internal Reference (default_code)');
      expect(await odoo.search('sale.order', [['client_order_ref', '=', 'order-unknown-product']])).toEqual([]);
    });
  });

  describe('createInvoice and registerPayment', () => {
    it('creates and posts the invoice of an order, linked by invoice_origin; a lost answer to action_post leaves one posted invoice', async () => {
      const input = await invoiceToMove.map({ ...paidInvoice!, orderId: SEED.orderId }, mctx);
      await control.fault({ kind: 'transient', operation: 'account.move.action_post', afterEffect: true });
      expect(await failure(runOperation(odoo, 'createInvoice', input, ctx))).toBeInstanceOf(TransientError);
      const result = await runOperation(odoo, 'createInvoice', input, ctx);
      expect(result).toEqual({ moveId: expect.any(Number), name: expect.stringMatching(/^INV\/2025\/\d{5}$/), state: 'posted', paymentState: 'not_paid', amountTotal: 2487.1, created: false });
      const moves = await odoo.searchRead('account.move', [['ref', '=', paidInvoice!.id]], ['invoice_origin', 'invoice_date', 'invoice_date_due', 'amount_residual']);
      expect(moves).toEqual([{ id: expect.any(Number), invoice_origin: 'S00001', invoice_date: '2025-03-11', invoice_date_due: '2025-03-25', amount_residual: 2487.1 }]);
    });

    it('registers the payment through the wizard so the invoice is paid; a lost answer still makes one payment', async () => {
      const input = await paymentToRegister.map(cardPayment!, mctx);
      await control.fault({ kind: 'transient', operation: 'account.payment.register.action_create_payments', afterEffect: true });
      expect(await failure(runOperation(odoo, 'registerPayment', input, ctx))).toBeInstanceOf(TransientError);
      const result = await runOperation(odoo, 'registerPayment', input, ctx);
      expect(result).toEqual({ paymentOdooId: expect.any(Number), invoiceMoveId: expect.any(Number), invoicePaymentState: 'paid', amountResidual: 0, created: false });
      const payments = await odoo.searchRead('account.payment', [['memo', '=', cardPayment!.id]], ['amount', 'date', 'state']);
      expect(payments).toEqual([{ id: expect.any(Number), amount: 2487.1, date: '2025-03-12', state: 'paid' }]);
    });

    it('waits for an invoice that is not in Odoo yet', async () => {
      const error = await failure(runOperation(odoo, 'registerPayment', { paymentId: 'pay-early', invoiceId: 'invoice-not-yet', amount: 1, currency: 'EUR', paymentDate: '2025-03-12' }, ctx));
      expect(error).toBeInstanceOf(TransientError);
      expect(error.message).toContain('invoice invoice-not-yet is not in Odoo yet');
    });
  });

  describe('readDeliveryStatus', () => {
    it('reports the delivery ready, then delivered once the warehouse validates it', async () => {
      const before = await runOperation(odoo, 'readDeliveryStatus', { orderId: SEED.orderId }, ctx);
      expect(before).toMatchObject({ orderId: SEED.orderId, saleOrder: 'S00001', orderState: 'sale', status: 'ready', pickings: [{ name: 'WH/OUT/00001', state: 'assigned', scheduledAt: expect.stringMatching(/Z$/) }] });
      const warehouse = clientFor(sim, {}, SIM_USERS.sales);
      const [picking] = await warehouse.search('stock.picking', [['origin', '=', 'S00001']]);
      await warehouse.action('stock.picking', 'button_validate', [picking as number]);
      expect(await runOperation(odoo, 'readDeliveryStatus', { orderId: SEED.orderId }, ctx)).toMatchObject({ status: 'delivered', pickings: [{ state: 'done', doneAt: expect.stringMatching(/Z$/) }] });
    });
  });
});
