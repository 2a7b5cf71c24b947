// What the change poller reads from Odoo for one changed record, gathered into one value: the
// input of the inbound mappings (Odoo → canonical), and the shape of their fixture cases.

export type Many2one = [number, string] | false;
export type OdooText = string | false;

export interface PartnerRead {
  id: number;
  name: OdooText;
  is_company: boolean;
  type: 'contact' | 'invoice' | 'delivery' | 'other' | false;
  parent_id: Many2one;
  ref: OdooText;
  vat: OdooText;
  email: OdooText;
  phone: OdooText;
  function: OdooText;
  street: OdooText;
  street2: OdooText;
  zip: OdooText;
  city: OdooText;
  state_id: Many2one;
  country_id: Many2one;
  lang: OdooText;
  active: boolean;
  customer_rank: number;
  supplier_rank: number;
  create_date: string;
  write_date: string;
}

export interface PartnerSnapshot {
  /** The canonical id: the ref the connector wrote, or one derived from the Odoo record. */
  partyId: string;
  partner: PartnerRead;
  children: PartnerRead[];
  /** res.country id → ISO code, res.country.state id → state code (Odoo reads give names only). */
  countryCodes: Record<string, string>;
  stateCodes: Record<string, string>;
}

export interface SalesLineRead {
  id: number;
  sequence: number;
  product_id: Many2one;
  name: OdooText;
  /** product_uom_qty on sale.order.line, quantity on account.move.line. */
  quantity: number;
  price_unit: number;
  discount: number;
  price_subtotal: number;
}

export interface OrderRead {
  id: number;
  name: string;
  client_order_ref: OdooText;
  origin: OdooText;
  state: 'draft' | 'sent' | 'sale' | 'done' | 'cancel';
  invoice_status: 'upselling' | 'invoiced' | 'to invoice' | 'no' | false;
  date_order: string;
  commitment_date: string | false;
  validity_date: string | false;
  amount_untaxed: number;
  amount_tax: number;
  amount_total: number;
  create_date: string;
  write_date: string;
}

export interface OrderSnapshot {
  orderId: string;
  customerPartyId: string;
  /** True when client_order_ref holds the canonical id (the connector made the order); the customer's reference is then in origin. */
  referenceIsCanonical: boolean;
  currency: string;
  order: OrderRead;
  lines: SalesLineRead[];
  /** product.product id → default_code. */
  productCodes: Record<string, string>;
  /** payment_state of the order's posted invoices. */
  invoicePaymentStates: string[];
}

export interface MoveRead {
  id: number;
  name: string;
  move_type: 'out_invoice' | 'out_refund';
  state: 'draft' | 'posted' | 'cancel';
  payment_state: 'not_paid' | 'in_payment' | 'paid' | 'partial' | 'reversed' | 'invoicing_legacy';
  invoice_date: string | false;
  invoice_date_due: string | false;
  payment_reference: OdooText;
  amount_untaxed: number;
  amount_tax: number;
  amount_total: number;
  amount_residual: number;
  create_date: string;
  write_date: string;
}

export interface InvoiceSnapshot {
  invoiceId: string;
  customerPartyId: string;
  orderId?: string;
  reversesInvoiceId?: string;
  currency: string;
  move: MoveRead;
  lines: SalesLineRead[];
  productCodes: Record<string, string>;
}
