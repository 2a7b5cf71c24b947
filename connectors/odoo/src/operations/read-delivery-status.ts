// readDeliveryStatus: where the deliveries (stock.picking) of a canonical order stand in Odoo, with
// one summary status for routes to branch on. Reads only.
import { Type } from '@sinclair/typebox';
import { TransientError, defineOperation } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type { OdooClient } from '../client';
import { fromOdooDatetime } from '../odoo-dates';
import { saleOrderIdFor } from './lookups';
import { CanonicalId } from './input-schemas';

export const ReadDeliveryStatusInput = Type.Object({ orderId: CanonicalId }, { additionalProperties: false, description: 'Output of the odoo/order-to-delivery-query mapping.' });

export type DeliveryStatus = 'no-delivery' | 'waiting' | 'ready' | 'partially-delivered' | 'delivered' | 'cancelled';

export interface DeliveryStatusResult {
  orderId: string;
  saleOrder: string;
  orderState: string;
  status: DeliveryStatus;
  pickings: Array<{ name: string; state: string; scheduledAt?: string; doneAt?: string }>;
}

interface PickingRow {
  id: number;
  name: string;
  state: string;
  scheduled_date: string | false;
  date_done: string | false;
}

export const readDeliveryStatus = defineOperation({
  summary: "Read the state of an order's deliveries (stock.picking: draft/waiting/confirmed/assigned/done/cancel) with a summary status.",
  input: ReadDeliveryStatusInput,
  sideEffect: false,
  async run(client: OdooClient, input, ctx: OperationContext): Promise<DeliveryStatusResult> {
    const { signal } = ctx;
    const id = await saleOrderIdFor(client, ctx, input.orderId);
    if (id === undefined) throw new TransientError(`order ${input.orderId} is not in Odoo yet (no binding, no sale.order with client_order_ref ${input.orderId}); will retry`, { orderId: input.orderId });
    const [order] = await client.read<{ id: number; name: string; state: string; picking_ids: number[] }>('sale.order', [id], ['name', 'state', 'picking_ids'], { signal });
    const pickings = await client.read<PickingRow>('stock.picking', order?.picking_ids ?? [], ['name', 'state', 'scheduled_date', 'date_done'], { signal });
    return {
      orderId: input.orderId,
      saleOrder: order?.name ?? '',
      orderState: order?.state ?? 'unknown',
      status: summarize(pickings.map((p) => p.state)),
      pickings: pickings.map((p) => ({
        name: p.name,
        state: p.state,
        ...(p.scheduled_date ? { scheduledAt: fromOdooDatetime(p.scheduled_date) } : {}),
        ...(p.date_done ? { doneAt: fromOdooDatetime(p.date_done) } : {}),
      })),
    };
  },
});

export function summarize(states: readonly string[]): DeliveryStatus {
  const live = states.filter((state) => state !== 'cancel');
  if (states.length === 0) return 'no-delivery';
  if (live.length === 0) return 'cancelled';
  const done = live.filter((state) => state === 'done').length;
  if (done === live.length) return 'delivered';
  if (done > 0) return 'partially-delivered';
  return live.some((state) => state === 'assigned') ? 'ready' : 'waiting';
}
