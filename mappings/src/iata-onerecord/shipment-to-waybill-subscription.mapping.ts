// Canonical Shipment (booked) → the input of onerecord.subscribe for its waybill: once the shipment is
// published, Interline follows the waybill so the partner's milestones (LogisticsEvents) and updates
// come back as notifications.
import { defineMapping, ShipmentSchema } from '@interline/hub';
import type { Shipment } from '@interline/hub';
import { checked, iri } from './json-ld-terms';

export interface WaybillSubscription {
  topic: string;
  eventTypes: Array<'LOGISTICS_EVENT_RECEIVED' | 'LOGISTICS_OBJECT_UPDATED'>;
}

export default defineMapping<Shipment, WaybillSubscription>({
  id: 'iata-onerecord/shipment-to-waybill-subscription',
  from: 'Shipment',
  to: 'onerecord.subscribe input (the waybill as topic)',
  description: 'House waybills are followed by their own IRI; events and updates only (the object was created by us).',
  map(input) {
    const shipment = checked<Shipment>(ShipmentSchema, input, 'Shipment');
    const { waybill } = shipment;
    return {
      topic: iri.waybill(waybill.number, waybill.type === 'house' ? waybill.houseNumber : undefined),
      eventTypes: ['LOGISTICS_EVENT_RECEIVED', 'LOGISTICS_OBJECT_UPDATED'],
    };
  },
});
