// Changed customer invoices that Odoo reports paid → invoice.paid events, at most one per invoice:
// the event id depends on the invoice alone, so later edits of a paid invoice are not paid again.
import type { ConnectorContext } from '@interline/hub';
import type { Domain, OdooClient } from '../client';
import { many2oneId, many2oneName } from '../client';
import type { ChangeRow } from './change-feed';
import { canonicalIdOf, eventIdFor } from './identity';
import type { Identity } from './identity';
import { moveToInvoice } from './inbound/move-to-invoice';
import type { MoveRead, SalesLineRead } from './inbound/snapshots';
import { mappingContext, partyIdsOf, productCodesOf } from './pending-event';
import type { PendingEvent } from './pending-event';

/** Only posted customer documents Odoo considers paid; in_payment = paid, awaiting bank reconciliation. */
export const PAID_INVOICES: Domain = [['move_type', 'in', ['out_invoice', 'out_refund']], ['state', '=', 'posted'], ['payment_state', 'in', ['paid', 'in_payment']]];

const MOVE_FIELDS = [
  'name', 'move_type', 'state', 'payment_state', 'invoice_date', 'invoice_date_due', 'payment_reference', 'amount_untaxed', 'amount_tax', 'amount_total', 'amount_residual',
  'create_date', 'write_date', 'create_uid', 'ref', 'partner_id', 'currency_id', 'invoice_line_ids', 'invoice_origin', 'reversed_entry_id',
];
const LINE_FIELDS = ['move_id', 'sequence', 'product_id', 'name', 'quantity', 'price_unit', 'discount', 'price_subtotal'];

type MoveRow = MoveRead & { create_uid: unknown; ref: unknown; partner_id: unknown; currency_id: unknown; invoice_line_ids: number[]; invoice_origin: unknown; reversed_entry_id: unknown };

export async function invoiceEvents(client: OdooClient, ctx: ConnectorContext, identity: Identity, rows: readonly ChangeRow[], signal: AbortSignal): Promise<PendingEvent[]> {
  if (rows.length === 0) return [];
  const moves = await client.read<MoveRow>('account.move', rows.map((r) => r.id), MOVE_FIELDS, { signal });
  const lines = await client.read<SalesLineRead & { move_id: unknown }>('account.move.line', moves.flatMap((m) => m.invoice_line_ids), LINE_FIELDS, { signal });
  const productCodes = await productCodesOf(client, lines.flatMap((l) => (l.product_id ? [l.product_id[0]] : [])), signal);
  const parties = await partyIdsOf(client, identity, moves.flatMap((m) => many2oneId(m.partner_id) ?? []), signal);
  const orders = await ordersByName(client, identity, moves.flatMap((m) => (typeof m.invoice_origin === 'string' ? [m.invoice_origin] : [])), signal);
  const reversed = await client.read<{ id: number; ref: unknown; create_uid: unknown }>('account.move', moves.flatMap((m) => many2oneId(m.reversed_entry_id) ?? []), ['ref', 'create_uid'], { signal });
  const events: PendingEvent[] = [];
  for (const move of moves) {
    const invoiceId = canonicalIdOf(identity, 'account.move', move, move.ref).id;
    const reversedRow = reversed.find((r) => r.id === many2oneId(move.reversed_entry_id));
    const orderId = typeof move.invoice_origin === 'string' ? orders.get(move.invoice_origin) : undefined;
    const snapshot = {
      invoiceId,
      customerPartyId: parties.get(many2oneId(move.partner_id) ?? 0) ?? '',
      currency: many2oneName(move.currency_id) ?? '',
      move,
      lines: lines.filter((l) => many2oneId(l.move_id) === move.id),
      productCodes,
      ...(orderId ? { orderId } : {}),
      ...(reversedRow ? { reversesInvoiceId: canonicalIdOf(identity, 'account.move', reversedRow, reversedRow.ref).id } : {}),
    };
    try {
      const data = await moveToInvoice.map(snapshot, mappingContext());
      events.push({ type: 'invoice.paid', id: eventIdFor(identity, 'account.move', move.id, 'invoice.paid'), data, subject: invoiceId, partitionkey: invoiceId });
    } catch (error) {
      ctx.logger.warn({ model: 'account.move', id: move.id }, `change poller skips account.move ${move.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return events;
}

/** Odoo links an invoice to its order by the order's name in invoice_origin. */
async function ordersByName(client: OdooClient, identity: Identity, names: readonly string[], signal: AbortSignal): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await client.searchRead<{ id: number; name: string; client_order_ref: unknown; create_uid: unknown }>('sale.order', [['name', 'in', [...new Set(names)]]], ['name', 'client_order_ref', 'create_uid'], { signal });
  return new Map(rows.map((row) => [row.name, canonicalIdOf(identity, 'sale.order', row, row.client_order_ref).id]));
}
