// The business methods the connector calls, with Odoo's state machines and messages: sale orders
// (draft → sale, cancel; a delivery is created on confirmation), invoices (draft → posted, cancel),
// the register-payment wizard (a paid payment reconciled with the invoice), and delivery validation.
import type { Database, Env, Row } from './database';
import { recomputeMoveById } from './business-rules';
import { userError } from './odoo-exceptions';

export type BusinessMethod = (db: Database, env: Env, ids: readonly number[]) => unknown;

export const BUSINESS_METHODS: Record<string, Record<string, BusinessMethod>> = {
  'sale.order': {
    action_confirm(db, env, ids) {
      const orders = db.existing(env, 'sale.order', ids);
      if (orders.some((order) => !['draft', 'sent'].includes(String(order.state)))) throw userError('Some orders are not in a state requiring confirmation.');
      for (const order of orders) {
        db.write(env, 'sale.order', [order.id], { state: 'sale', date_order: db.now() });
        increaseRank(db, order.partner_id, 'customer_rank');
        const picking = db.create(env, 'stock.picking', {
          origin: order.name,
          partner_id: order.partner_shipping_id || order.partner_id,
          picking_type_code: 'outgoing',
          scheduled_date: order.commitment_date || db.now(),
          sale_id: order.id,
          state: 'assigned',
        });
        db.setComputed(env, 'stock.picking', picking, { name: `WH/OUT/${String(db.nextNumber('stock.picking.out')).padStart(5, '0')}` }, false);
      }
      return true;
    },
    action_cancel(db, env, ids) {
      for (const order of db.existing(env, 'sale.order', ids)) {
        db.write(env, 'sale.order', [order.id], { state: 'cancel' });
        const open = db.rows('stock.picking').filter((p) => p.sale_id === order.id && p.state !== 'done');
        if (open.length > 0) db.write(env, 'stock.picking', open.map((p) => p.id), { state: 'cancel' });
      }
      return true;
    },
    action_draft(db, env, ids) {
      const orders = db.existing(env, 'sale.order', ids).filter((order) => ['cancel', 'sent'].includes(String(order.state)));
      if (orders.length > 0) db.write(env, 'sale.order', orders.map((o) => o.id), { state: 'draft' });
      return true;
    },
  },
  'account.move': {
    action_post(db, env, ids) {
      for (const move of db.existing(env, 'account.move', ids)) {
        if (move.state !== 'draft') throw userError(`The entry ${String(move.name)} (id ${move.id}) is already posted.`);
        const invoice = String(move.move_type).startsWith('out_');
        if (invoice && !move.partner_id) throw userError(`The field 'Customer' is required, please complete it to validate the ${move.move_type === 'out_refund' ? 'Customer Credit Note' : 'Customer Invoice'}.`);
        if (!db.rows('account.move.line').some((line) => line.move_id === move.id)) throw userError('You need to add a line before posting.');
        const invoiceDate = (move.invoice_date as string | false) || db.today();
        db.write(env, 'account.move', [move.id], { state: 'posted', invoice_date: invoiceDate, invoice_date_due: move.invoice_date_due || invoiceDate });
        const prefix = move.move_type === 'out_refund' ? 'RINV' : move.move_type === 'out_invoice' ? 'INV' : 'MISC';
        db.setComputed(env, 'account.move', move.id, { name: `${prefix}/${invoiceDate.slice(0, 4)}/${String(db.nextNumber(`${prefix}/${invoiceDate.slice(0, 4)}`)).padStart(5, '0')}` }, false);
        recomputeMoveById(db, env, move.id, false);
        if (invoice) increaseRank(db, move.partner_id, 'customer_rank');
      }
      return false;
    },
    button_draft(db, env, ids) {
      for (const move of db.existing(env, 'account.move', ids)) {
        if (move.payment_state !== 'not_paid') throw userError('You cannot reset to draft an entry having a payment; unreconcile it first.');
        db.write(env, 'account.move', [move.id], { state: 'draft' });
      }
      return true;
    },
    button_cancel(db, env, ids) {
      for (const move of db.existing(env, 'account.move', ids)) {
        if (move.state !== 'draft') throw userError('Only draft journal entries can be cancelled.');
        db.write(env, 'account.move', [move.id], { state: 'cancel' });
      }
      return true;
    },
  },
  'account.payment.register': {
    action_create_payments(db, env, ids) {
      let paymentId = 0;
      for (const wizard of db.existing(env, 'account.payment.register', ids)) {
        const invoices = ((wizard.line_ids as number[] | undefined) ?? []).map((id) => db.row('account.move', id)).filter((row): row is Row => row !== undefined);
        const first = invoices[0];
        if (!first) throw userError("You can't register a payment because there is nothing left to pay on the selected journal items.");
        const partner = db.row('res.partner', first.partner_id as number);
        paymentId = db.create(env, 'account.payment', {
          amount: wizard.amount,
          date: wizard.payment_date,
          currency_id: wizard.currency_id,
          partner_id: partner?.commercial_partner_id ?? first.partner_id,
          payment_type: 'inbound',
          partner_type: 'customer',
          memo: wizard.communication,
          journal_id: wizard.journal_id,
          state: 'paid',
        });
        const year = String(wizard.payment_date).slice(0, 4);
        db.setComputed(env, 'account.payment', paymentId, { reconciled_invoice_ids: invoices.map((i) => i.id), name: `PBNK1/${year}/${String(db.nextNumber(`PBNK1/${year}`)).padStart(5, '0')}` }, false);
        // Reconciliation recomputes the invoice's residual and payment_state as the paying user.
        for (const invoice of invoices) recomputeMoveById(db, env, invoice.id, true);
      }
      return { name: 'Payments', type: 'ir.actions.act_window', res_model: 'account.payment', context: { create: false }, view_mode: 'form', res_id: paymentId };
    },
  },
  'stock.picking': {
    button_validate(db, env, ids) {
      for (const picking of db.existing(env, 'stock.picking', ids)) {
        if (picking.state === 'done' || picking.state === 'cancel') throw userError(`The transfer ${String(picking.name)} is ${String(picking.state)} and cannot be validated.`);
        db.write(env, 'stock.picking', [picking.id], { state: 'done' });
        db.setComputed(env, 'stock.picking', picking.id, { date_done: db.now() }, false);
      }
      return true;
    },
    action_cancel(db, env, ids) {
      const open = db.existing(env, 'stock.picking', ids).filter((p) => p.state !== 'done');
      if (open.length > 0) db.write(env, 'stock.picking', open.map((p) => p.id), { state: 'cancel' });
      return true;
    },
  },
};

/** Odoo bumps customer_rank with plain SQL: it does not touch write_date, so it is no "change". */
function increaseRank(db: Database, partnerId: unknown, field: 'customer_rank'): void {
  const partner = typeof partnerId === 'number' ? db.row('res.partner', partnerId) : undefined;
  const commercial = partner && typeof partner.commercial_partner_id === 'number' ? db.row('res.partner', partner.commercial_partner_id) : partner;
  if (commercial) commercial[field] = Number(commercial[field] ?? 0) + 1;
}
