// Odoo's business behaviour for the simulated models, run after every change: sequence numbers,
// defaults from products and journals, line and document amounts rounded to the currency, invoice
// payment state from reconciled payments, display names, and the checks Odoo makes on delete.
import type { BusinessRules, Database, Env, Row } from './database';
import { missingRequired, userError, validationError } from './odoo-exceptions';

const EUR = 1;
const SALE_JOURNAL = 1;
const BANK_JOURNAL = 2;

export const odooRules: BusinessRules = {
  beforeCreate(db, env, model, vals) {
    if (model === 'sale.order') {
      if (vals.name === undefined || vals.name === 'New') vals.name = `S${String(db.nextNumber('sale.order')).padStart(5, '0')}`;
      vals.date_order ??= db.now();
      vals.company_id ??= 1;
      vals.user_id ??= env.uid;
      vals.partner_invoice_id ??= vals.partner_id;
      vals.partner_shipping_id ??= vals.partner_id;
    } else if (model === 'account.move') {
      if (String(vals.move_type ?? 'entry').startsWith('out_')) vals.journal_id ??= SALE_JOURNAL;
      vals.currency_id ??= EUR;
      vals.company_id ??= 1;
    } else if (model === 'account.payment') {
      vals.journal_id ??= BANK_JOURNAL;
      vals.date ??= db.today();
      vals.currency_id ??= EUR;
    } else if (model === 'account.payment.register') {
      vals.payment_date ??= db.today();
      vals.journal_id ??= BANK_JOURNAL;
    } else if (model === 'stock.picking') {
      vals.scheduled_date ??= db.now();
    }
  },

  check(_db, model, row) {
    // res.partner's SQL constraint check_name.
    if (model === 'res.partner' && (row.type ?? 'contact') === 'contact' && !row.name) throw validationError('The operation cannot be completed: Contacts require a name');
  },

  afterChange(db, env, model, ids) {
    for (const id of ids) {
      const row = db.row(model, id);
      if (!row) continue;
      if (model === 'res.partner') recomputePartner(db, row);
      else if (model === 'sale.order.line' || model === 'account.move.line') recomputeLine(db, env, model, row);
      else if (model === 'sale.order') recomputeOrder(db, env, row);
      else if (model === 'account.move') recomputeMove(db, env, row, false);
      else if (model === 'account.payment') for (const invoice of (row.reconciled_invoice_ids as number[] | undefined) ?? []) recomputeMoveById(db, env, invoice, true);
      else if (model === 'account.payment.register') prepareWizard(db, env, row);
    }
  },

  beforeUnlink(db, model, rows) {
    for (const row of rows) {
      if (model === 'sale.order' && !['draft', 'cancel'].includes(String(row.state))) throw userError('You can not delete a sent quotation or a confirmed sales order. You must first cancel it.');
      if (model === 'account.move' && row.state === 'posted') throw userError('You cannot delete an entry which has been posted once.');
      if (model === 'res.partner' && [...db.rows('sale.order'), ...db.rows('account.move')].some((doc) => doc.partner_id === row.id)) {
        throw validationError(
          "The operation cannot be completed: Another model is using the record you are trying to delete.\n\nThe troublemaker is: 'Contact' (res.partner)\nHow about archiving the record instead?",
        );
      }
    }
  },

  displayName(db, model, row) {
    if (model === 'res.partner') return String(row.complete_name ?? row.name ?? '');
    if (model === 'product.product') return row.default_code ? `[${String(row.default_code)}] ${String(row.name)}` : String(row.name);
    if (model === 'account.move' && (row.name === '/' || !row.name)) return `${row.move_type === 'out_refund' ? 'Draft Credit Note' : 'Draft Invoice'} (* ${row.id})`;
    if (model === 'sale.order.line' || model === 'account.move.line') {
      const parent = model === 'sale.order.line' ? db.row('sale.order', row.order_id as number) : db.row('account.move', row.move_id as number);
      return `${String(parent?.name ?? '')} - ${String(row.name ?? '')}`;
    }
    if (model === 'account.payment') return String(row.name || 'Draft Payment');
    return typeof row.name === 'string' ? row.name : `${model},${row.id}`;
  },
};

function recomputePartner(db: Database, row: Row): void {
  const parent = typeof row.parent_id === 'number' ? db.row('res.partner', row.parent_id) : undefined;
  const own = row.name ? String(row.name) : `${String(row.type ?? 'contact').replace(/^./, (c) => c.toUpperCase())} Address`;
  row.complete_name = parent ? `${String(parent.name ?? '')}, ${own}` : own;
  row.commercial_partner_id = parent && !row.is_company ? (parent.commercial_partner_id ?? parent.id) : row.id;
  for (const child of db.rows('res.partner')) if (child.parent_id === row.id) recomputePartner(db, child);
}

function recomputeLine(db: Database, env: Env, model: string, row: Row): void {
  const product = typeof row.product_id === 'number' ? db.row('product.product', row.product_id) : undefined;
  // Odoo computes these from the product when the caller leaves them out.
  if (row.name === undefined || row.name === false) {
    if (!product) throw missingRequired(model, 'name');
    row.name = odooRules.displayName(db, 'product.product', product);
  }
  if (row.price_unit === undefined) row.price_unit = product ? Number(product.lst_price ?? 0) : 0;
  if (row.tax_ids === undefined) row.tax_ids = product && Array.isArray(product.taxes_id) ? [...(product.taxes_id as number[])] : [];
  const parentModel = model === 'sale.order.line' ? 'sale.order' : 'account.move';
  const parent = db.row(parentModel, (model === 'sale.order.line' ? row.order_id : row.move_id) as number);
  const decimals = currencyDecimals(db, parent?.currency_id);
  const quantity = Number(model === 'sale.order.line' ? row.product_uom_qty : row.quantity);
  const subtotal = round(quantity * Number(row.price_unit) * (1 - Number(row.discount ?? 0) / 100), decimals);
  row.price_subtotal = subtotal;
  row.price_total = round(subtotal * (1 + taxRate(db, row) / 100), decimals);
  if (parent) {
    if (parentModel === 'sale.order') recomputeOrder(db, env, parent);
    else recomputeMove(db, env, parent, false);
  }
}

function recomputeOrder(db: Database, env: Env, order: Row): void {
  const pricelist = typeof order.pricelist_id === 'number' ? db.row('product.pricelist', order.pricelist_id) : undefined;
  const currency = (pricelist?.currency_id as number | undefined) ?? EUR;
  const lines = db.rows('sale.order.line').filter((line) => line.order_id === order.id);
  const totals = documentTotals(db, lines, currency);
  const invoices = db.rows('account.move').filter((move) => move.invoice_origin === order.name && String(move.move_type).startsWith('out_'));
  const invoiced = invoices.some((move) => move.state === 'posted');
  const invoiceStatus = order.state === 'sale' ? (invoiced ? 'invoiced' : 'to invoice') : 'no';
  db.setComputed(env, 'sale.order', order.id, { currency_id: currency, ...totals, invoice_status: invoiceStatus, invoice_ids: invoices.map((m) => m.id) }, false);
}

export function recomputeMoveById(db: Database, env: Env, id: number, touch: boolean): void {
  const move = db.row('account.move', id);
  if (move) recomputeMove(db, env, move, touch);
}

/** Amounts, residual and payment state; `touch` when payments changed them (Odoo's recompute stamps write_uid/date). */
function recomputeMove(db: Database, env: Env, move: Row, touch: boolean): void {
  const lines = db.rows('account.move.line').filter((line) => line.move_id === move.id);
  const totals = documentTotals(db, lines, move.currency_id as number);
  const decimals = currencyDecimals(db, move.currency_id);
  const paid = db
    .rows('account.payment')
    .filter((payment) => payment.state === 'paid' && ((payment.reconciled_invoice_ids as number[] | undefined) ?? []).includes(move.id))
    .reduce((sum, payment) => sum + Number(payment.amount), 0);
  const posted = move.state === 'posted';
  const residual = posted ? Math.max(0, round(totals.amount_total - paid, decimals)) : totals.amount_total;
  let paymentState = 'not_paid';
  if (posted && String(move.move_type).startsWith('out_')) paymentState = residual === 0 ? 'paid' : paid > 0 ? 'partial' : 'not_paid';
  db.setComputed(
    env,
    'account.move',
    move.id,
    { ...totals, amount_residual: residual, payment_state: paymentState, name: move.name ?? '/', date: move.invoice_date || String(move.create_date).slice(0, 10) },
    touch,
  );
  const order = db.rows('sale.order').find((o) => o.name === move.invoice_origin);
  if (order) recomputeOrder(db, env, order);
}

/** account.payment.register reads the invoices from the context, as its default_get does in Odoo. */
function prepareWizard(db: Database, env: Env, wizard: Row): void {
  if (wizard.line_ids !== undefined) return;
  const { active_model: activeModel, active_ids: activeIds } = env.context;
  if (activeModel !== 'account.move' || !Array.isArray(activeIds) || activeIds.length === 0) {
    throw userError("The register payment wizard should only be called on account.move or account.move.line records (context active_model 'account.move', active_ids [invoice ids]).");
  }
  const invoices = db.existing(env, 'account.move', activeIds as number[]);
  if (invoices.some((invoice) => invoice.state !== 'posted')) throw userError('You can only register payment for posted journal entries.');
  const residual = invoices.reduce((sum, invoice) => sum + Number(invoice.amount_residual), 0);
  if (residual <= 0) throw userError("You can't register a payment because there is nothing left to pay on the selected journal items.");
  const first = invoices[0] as Row;
  db.setComputed(env, 'account.payment.register', wizard.id, {
    line_ids: invoices.map((invoice) => invoice.id),
    amount: wizard.amount === undefined ? residual : wizard.amount,
    currency_id: wizard.currency_id ?? first.currency_id,
    communication: wizard.communication ?? (first.payment_reference || first.name),
  }, false);
}

function documentTotals(db: Database, lines: Row[], currency: number): { amount_untaxed: number; amount_tax: number; amount_total: number } {
  const decimals = currencyDecimals(db, currency);
  const untaxed = round(lines.reduce((sum, line) => sum + Number(line.price_subtotal ?? 0), 0), decimals);
  const tax = round(lines.reduce((sum, line) => sum + Number(line.price_subtotal ?? 0) * (taxRate(db, line) / 100), 0), decimals);
  return { amount_untaxed: untaxed, amount_tax: tax, amount_total: round(untaxed + tax, decimals) };
}

function taxRate(db: Database, line: Row): number {
  return ((line.tax_ids as number[] | undefined) ?? []).reduce((sum, id) => sum + Number(db.row('account.tax', id)?.amount ?? 0), 0);
}

export function currencyDecimals(db: Database, currency: unknown): number {
  const row = typeof currency === 'number' ? db.row('res.currency', currency) : undefined;
  return typeof row?.decimal_places === 'number' ? row.decimal_places : 2;
}

/** Round half away from zero at the currency's decimals, without binary-float drift (1.005 → 1.01). */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.sign(value) * Math.round(Number((Math.abs(value) * factor).toPrecision(15))) / factor;
}
