// createInvoice: a canonical invoice or credit note (mapped by odoo/invoice-to-move) → an
// account.move (out_invoice / out_refund) with its lines, then action_post. ref carries the canonical
// id; the binding is written before posting, so a retry posts the draft it created.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { defineOperation } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type { OdooClient } from '../client';
import { bind } from './bindings';
import { currencyId, invoiceIdFor, partnerIdFor, productIds, saleOrderIdFor } from './lookups';
import { CanonicalId, CurrencyCode, OdooDate, OdooText, lineSchema } from './input-schemas';

export const CreateInvoiceInput = Type.Object(
  {
    invoiceId: CanonicalId,
    customerPartyId: CanonicalId,
    orderId: Type.Optional(CanonicalId),
    reversesInvoiceId: Type.Optional(CanonicalId),
    currency: CurrencyCode,
    move: Type.Object(
      {
        move_type: Type.Union([Type.Literal('out_invoice'), Type.Literal('out_refund')]),
        invoice_date: Type.Optional(OdooDate),
        invoice_date_due: Type.Optional(OdooDate),
        payment_reference: Type.Optional(OdooText),
        narration: Type.Optional(OdooText),
      },
      { additionalProperties: false },
    ),
    lines: Type.Array(lineSchema('quantity'), { minItems: 1, maxItems: 500 }),
    post: Type.Boolean({ description: 'Call action_post (draft → posted; Odoo assigns the number).' }),
  },
  { additionalProperties: false, description: 'Output of the odoo/invoice-to-move mapping.' },
);
export type CreateInvoiceInput = Static<typeof CreateInvoiceInput>;

interface MoveRow {
  id: number;
  name: string;
  state: string;
  payment_state: string;
  amount_total: number;
}

export interface InvoiceResult {
  moveId: number;
  name: string;
  state: string;
  paymentState: string;
  amountTotal: number;
  created: boolean;
}

export const createInvoice = defineOperation({
  summary: 'Create a customer invoice or credit note (account.move, ref = canonical id) with its lines, then post it.',
  input: CreateInvoiceInput,
  sideEffect: true,
  async run(client: OdooClient, input, ctx: OperationContext): Promise<InvoiceResult> {
    const { signal } = ctx;
    let id = await invoiceIdFor(client, ctx, input.invoiceId);
    const created = id === undefined;
    if (id === undefined) {
      const vals: Record<string, unknown> = {
        ...input.move,
        ref: input.invoiceId,
        partner_id: await partnerIdFor(client, ctx, input.customerPartyId),
        currency_id: await currencyId(client, input.currency, signal),
      };
      if (input.orderId) {
        // Odoo links an invoice to its order through the order's name in invoice_origin.
        const order = await saleOrderIdFor(client, ctx, input.orderId);
        const [row] = order === undefined ? [] : await client.read<{ id: number; name: string }>('sale.order', [order], ['name'], { signal });
        if (row) vals.invoice_origin = row.name;
        else ctx.logger.warn({ orderId: input.orderId }, `invoice ${input.invoiceId}: order ${input.orderId} is not in Odoo; the invoice is created without invoice_origin`);
      }
      if (input.reversesInvoiceId) {
        const reversed = await invoiceIdFor(client, ctx, input.reversesInvoiceId);
        if (reversed !== undefined) vals.reversed_entry_id = reversed;
      }
      const products = await productIds(client, input.lines.flatMap((line) => (line.productCode ? [line.productCode] : [])), signal);
      vals.invoice_line_ids = input.lines.map((line) => [0, 0, { ...line.vals, ...(line.productCode ? { product_id: products.get(line.productCode) } : {}) }]);
      id = await client.create('account.move', vals, { signal });
      await bind(ctx, 'account.move', input.invoiceId, id);
    }
    const fields = ['name', 'state', 'payment_state', 'amount_total'];
    let [move] = await client.read<MoveRow>('account.move', [id], fields, { signal });
    if (input.post && move?.state === 'draft') {
      await client.action('account.move', 'action_post', [id], { signal });
      [move] = await client.read<MoveRow>('account.move', [id], fields, { signal });
    }
    return { moveId: id, name: move?.name ?? '', state: move?.state ?? 'unknown', paymentState: move?.payment_state ?? 'unknown', amountTotal: move?.amount_total ?? 0, created };
  },
});
