// The tracking history of a shipment: canonical TrackingEvents, oldest first.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { TrackingEventSchema, awbNumber } from '@interline/hub';
import { embed, named } from './named-schemas';

export const TrackingHistorySchema = named(
  'TrackingHistory',
  Type.Object(
    {
      awb: awbNumber('The shipment’s air waybill.'),
      events: Type.Array(embed(TrackingEventSchema), { description: 'Status milestones (IATA codes), oldest first.' }),
    },
    { additionalProperties: false, description: 'A shipment’s status history, fed by shipment.status-changed.' },
  ),
);
export type TrackingHistory = Static<typeof TrackingHistorySchema>;
