// Canonical Order → the input of odoo.readDeliveryStatus: which order's deliveries to look up.
import { defineMapping } from '@interline/hub';
import type { Order } from '@interline/hub';

export interface ReadDeliveryStatusInput {
  orderId: string;
}

export default defineMapping<Order, ReadDeliveryStatusInput>({
  id: 'odoo/order-to-delivery-query',
  from: 'Order',
  to: 'odoo.readDeliveryStatus input',
  description: 'Only confirmed orders have deliveries in Odoo.',
  map(order) {
    if (!order || typeof order.id !== 'string') throw new Error('input is not an Order: id is missing');
    if (order.state !== 'confirmed' && order.state !== 'done') {
      throw new Error(`order ${order.id} is ${String(order.state)}; Odoo creates deliveries only for confirmed orders`);
    }
    return { orderId: order.id };
  },
});
