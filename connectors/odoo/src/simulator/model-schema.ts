// The simulated models and their fields: the subset of Odoo's base, sale, account and stock models
// the connector touches, with Odoo's field names, labels, types, required flags and default orders.

export type FieldType = 'char' | 'text' | 'integer' | 'float' | 'monetary' | 'boolean' | 'date' | 'datetime' | 'selection' | 'many2one' | 'one2many' | 'many2many' | 'binary';

export interface FieldDef {
  type: FieldType;
  string: string;
  required?: boolean;
  /** Computed by the simulator's business rules; writes to it are ignored, as Odoo recomputes it. */
  computed?: boolean;
  relation?: string;
  /** one2many: the many2one on `relation` that points back. */
  inverse?: string;
  selection?: readonly string[];
  default?: unknown;
}

export interface ModelDef {
  description: string;
  /** Default order of search results (Odoo's _order). */
  order: string;
  fields: Record<string, FieldDef>;
  /** Wizards (TransientModel): kept out of the inspected state. */
  transient?: boolean;
}

const char = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'char', string, ...extra });
const m2o = (string: string, relation: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'many2one', string, relation, ...extra });
const o2m = (string: string, relation: string, inverse: string): FieldDef => ({ type: 'one2many', string, relation, inverse });
const m2m = (string: string, relation: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'many2many', string, relation, ...extra });
const money = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'monetary', string, ...extra });
const selection = (string: string, values: readonly string[], extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'selection', string, selection: values, ...extra });
const float = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'float', string, ...extra });
const date = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'date', string, ...extra });
const datetime = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'datetime', string, ...extra });
const bool = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'boolean', string, ...extra });
const text = (string: string): FieldDef => ({ type: 'text', string });
const integer = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'integer', string, ...extra });

/** Fields every model has (Odoo's "magic" log-access fields). */
export const MAGIC_FIELDS: Record<string, FieldDef> = {
  id: integer('ID', { computed: true }),
  display_name: char('Display Name', { computed: true }),
  create_date: datetime('Created on', { computed: true }),
  create_uid: m2o('Created by', 'res.users', { computed: true }),
  write_date: datetime('Last Updated on', { computed: true }),
  write_uid: m2o('Last Updated by', 'res.users', { computed: true }),
};

export const MODELS: Record<string, ModelDef> = {
  'res.users': { description: 'User', order: 'name, login', fields: { name: char('Name', { required: true }), login: char('Login', { required: true }), active: bool('Active', { default: true }) } },
  'res.company': { description: 'Companies', order: 'name', fields: { name: char('Company Name', { required: true }), currency_id: m2o('Currency', 'res.currency', { required: true }) } },
  'res.country': { description: 'Country', order: 'name', fields: { name: char('Country Name', { required: true }), code: char('Country Code') } },
  'res.country.state': {
    description: 'Country state',
    order: 'code',
    fields: { name: char('State Name', { required: true }), code: char('State Code', { required: true }), country_id: m2o('Country', 'res.country', { required: true }) },
  },
  'res.currency': {
    description: 'Currency',
    order: 'active desc, name',
    fields: { name: char('Currency', { required: true }), symbol: char('Symbol'), rounding: float('Rounding Factor'), decimal_places: integer('Decimal Places'), active: bool('Active', { default: true }) },
  },
  'res.partner': {
    description: 'Contact',
    order: 'complete_name ASC, id DESC',
    fields: {
      name: char('Name'),
      complete_name: char('Complete Name', { computed: true }),
      is_company: bool('Is a Company', { default: false }),
      type: selection('Address Type', ['contact', 'invoice', 'delivery', 'other'], { default: 'contact' }),
      parent_id: m2o('Related Company', 'res.partner'),
      child_ids: o2m('Contact', 'res.partner', 'parent_id'),
      commercial_partner_id: m2o('Commercial Entity', 'res.partner', { computed: true }),
      ref: char('Reference'),
      vat: char('Tax ID'),
      company_registry: char('Company ID'),
      email: char('Email'),
      phone: char('Phone'),
      mobile: char('Mobile'),
      function: char('Job Position'),
      street: char('Street'),
      street2: char('Street2'),
      zip: char('Zip'),
      city: char('City'),
      state_id: m2o('State', 'res.country.state'),
      country_id: m2o('Country', 'res.country'),
      lang: char('Language'),
      comment: text('Notes'),
      image_1920: { type: 'binary', string: 'Image' },
      active: bool('Active', { default: true }),
      company_id: m2o('Company', 'res.company'),
      customer_rank: integer('Customer Rank', { default: 0 }),
      supplier_rank: integer('Supplier Rank', { default: 0 }),
    },
  },
  'account.tax': { description: 'Tax', order: 'id', fields: { name: char('Tax Name', { required: true }), amount: float('Amount'), type_tax_use: selection('Tax Type', ['sale', 'purchase', 'none']) } },
  'product.product': {
    description: 'Product Variant',
    order: 'default_code, name, id',
    fields: {
      name: char('Name', { required: true }),
      default_code: char('Internal Reference'),
      barcode: char('Barcode'),
      lst_price: float('Sales Price'),
      weight: float('Weight'),
      volume: float('Volume'),
      taxes_id: m2m('Customer Taxes', 'account.tax'),
      active: bool('Active', { default: true }),
    },
  },
  'product.pricelist': { description: 'Pricelist', order: 'id', fields: { name: char('Pricelist Name', { required: true }), currency_id: m2o('Currency', 'res.currency', { required: true }), active: bool('Active', { default: true }) } },
  'sale.order': {
    description: 'Sales Order',
    order: 'date_order desc, id desc',
    fields: {
      name: char('Order Reference', { required: true, default: 'New' }),
      partner_id: m2o('Customer', 'res.partner', { required: true }),
      partner_invoice_id: m2o('Invoice Address', 'res.partner'),
      partner_shipping_id: m2o('Delivery Address', 'res.partner'),
      client_order_ref: char('Customer Reference'),
      origin: char('Source Document'),
      date_order: datetime('Order Date', { required: true }),
      commitment_date: datetime('Delivery Date'),
      validity_date: date('Expiration'),
      pricelist_id: m2o('Pricelist', 'product.pricelist'),
      currency_id: m2o('Currency', 'res.currency', { computed: true }),
      state: selection('Status', ['draft', 'sent', 'sale', 'cancel'], { default: 'draft' }),
      invoice_status: selection('Invoice Status', ['upselling', 'invoiced', 'to invoice', 'no'], { computed: true }),
      order_line: o2m('Order Lines', 'sale.order.line', 'order_id'),
      picking_ids: o2m('Transfers', 'stock.picking', 'sale_id'),
      invoice_ids: m2m('Invoices', 'account.move', { computed: true }),
      note: text('Terms and conditions'),
      amount_untaxed: money('Untaxed Amount', { computed: true }),
      amount_tax: money('Taxes', { computed: true }),
      amount_total: money('Total', { computed: true }),
      company_id: m2o('Company', 'res.company'),
      user_id: m2o('Salesperson', 'res.users'),
    },
  },
  'sale.order.line': {
    description: 'Sales Order Line',
    order: 'order_id, sequence, id',
    fields: {
      order_id: m2o('Order Reference', 'sale.order', { required: true }),
      sequence: integer('Sequence', { default: 10 }),
      product_id: m2o('Product', 'product.product'),
      name: text('Description'),
      product_uom_qty: float('Quantity', { default: 1 }),
      price_unit: float('Unit Price'),
      discount: float('Discount (%)', { default: 0 }),
      tax_ids: m2m('Taxes', 'account.tax'),
      price_subtotal: money('Subtotal', { computed: true }),
      price_total: money('Total', { computed: true }),
    },
  },
  'account.journal': { description: 'Journal', order: 'type, code', fields: { name: char('Journal Name', { required: true }), code: char('Short Code', { required: true }), type: selection('Type', ['sale', 'purchase', 'cash', 'bank', 'general']) } },
  'account.move': {
    description: 'Journal Entry',
    order: 'date desc, name desc, id desc',
    fields: {
      name: char('Number', { computed: true }),
      move_type: selection('Type', ['entry', 'out_invoice', 'out_refund', 'in_invoice', 'in_refund', 'out_receipt', 'in_receipt'], { required: true, default: 'entry' }),
      partner_id: m2o('Partner', 'res.partner'),
      date: date('Date', { computed: true }),
      invoice_date: date('Invoice/Bill Date'),
      invoice_date_due: date('Due Date'),
      ref: char('Reference'),
      payment_reference: char('Payment Reference'),
      invoice_origin: char('Origin'),
      narration: text('Terms and Conditions'),
      journal_id: m2o('Journal', 'account.journal', { required: true }),
      currency_id: m2o('Currency', 'res.currency', { required: true }),
      reversed_entry_id: m2o('Reversal of', 'account.move'),
      state: selection('Status', ['draft', 'posted', 'cancel'], { default: 'draft' }),
      payment_state: selection('Payment Status', ['not_paid', 'in_payment', 'paid', 'partial', 'reversed', 'invoicing_legacy'], { computed: true }),
      invoice_line_ids: o2m('Invoice lines', 'account.move.line', 'move_id'),
      amount_untaxed: money('Untaxed Amount', { computed: true }),
      amount_tax: money('Tax', { computed: true }),
      amount_total: money('Total', { computed: true }),
      amount_residual: money('Amount Due', { computed: true }),
      company_id: m2o('Company', 'res.company'),
    },
  },
  'account.move.line': {
    description: 'Journal Item',
    order: 'move_id, sequence, id',
    fields: {
      move_id: m2o('Journal Entry', 'account.move', { required: true }),
      sequence: integer('Sequence', { default: 10 }),
      product_id: m2o('Product', 'product.product'),
      name: char('Label'),
      quantity: float('Quantity', { default: 1 }),
      price_unit: float('Unit Price'),
      discount: float('Discount (%)', { default: 0 }),
      tax_ids: m2m('Taxes', 'account.tax'),
      price_subtotal: money('Subtotal', { computed: true }),
      price_total: money('Total', { computed: true }),
    },
  },
  'account.payment': {
    description: 'Payments',
    order: 'date desc, name desc',
    fields: {
      name: char('Number', { computed: true }),
      date: date('Date', { required: true }),
      amount: money('Amount'),
      currency_id: m2o('Currency', 'res.currency', { required: true }),
      partner_id: m2o('Customer/Vendor', 'res.partner'),
      payment_type: selection('Payment Type', ['outbound', 'inbound'], { required: true, default: 'inbound' }),
      partner_type: selection('Partner Type', ['customer', 'supplier'], { default: 'customer' }),
      memo: char('Memo'),
      journal_id: m2o('Journal', 'account.journal', { required: true }),
      state: selection('Status', ['draft', 'in_process', 'paid', 'canceled', 'rejected'], { default: 'draft' }),
      reconciled_invoice_ids: m2m('Reconciled Invoices', 'account.move', { computed: true }),
    },
  },
  'account.payment.register': {
    description: 'Pay',
    order: 'id',
    transient: true,
    fields: {
      payment_date: date('Payment Date', { required: true }),
      amount: money('Amount'),
      communication: char('Memo'),
      journal_id: m2o('Journal', 'account.journal'),
      currency_id: m2o('Currency', 'res.currency'),
      line_ids: m2m('Journal items', 'account.move', { computed: true }),
    },
  },
  'stock.picking': {
    description: 'Transfer',
    order: 'priority desc, scheduled_date asc, id desc',
    fields: {
      name: char('Reference', { computed: true }),
      origin: char('Source Document'),
      partner_id: m2o('Contact', 'res.partner'),
      picking_type_code: selection('Type of Operation', ['incoming', 'outgoing', 'internal'], { default: 'outgoing' }),
      scheduled_date: datetime('Scheduled Date', { required: true }),
      date_done: datetime('Date of Transfer', { computed: true }),
      state: selection('Status', ['draft', 'waiting', 'confirmed', 'assigned', 'done', 'cancel'], { default: 'draft' }),
      sale_id: m2o('Sales Order', 'sale.order'),
      priority: selection('Priority', ['0', '1'], { default: '0' }),
    },
  },
};

/** Records of these models count as one effect each when created (what the contract kit counts). */
export const EFFECT_MODELS = new Set(['res.partner', 'sale.order', 'account.move', 'account.payment']);

export function modelDef(model: string): ModelDef | undefined {
  return Object.hasOwn(MODELS, model) ? MODELS[model] : undefined;
}

export function fieldDef(model: string, field: string): FieldDef | undefined {
  const def = modelDef(model);
  if (!def) return undefined;
  if (Object.hasOwn(def.fields, field)) return def.fields[field];
  return Object.hasOwn(MAGIC_FIELDS, field) ? MAGIC_FIELDS[field] : undefined;
}

export function allFields(model: string): Record<string, FieldDef> {
  return { ...MAGIC_FIELDS, ...(modelDef(model)?.fields ?? {}) };
}
