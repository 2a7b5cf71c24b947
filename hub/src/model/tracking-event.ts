// TrackingEvent: one status milestone of a shipment (Cargo-IMP FSU line, ONE Record LogisticsEvent).
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { awbNumber } from './awb';
import { airportCode, count, FlightReferenceSchema, id, text, timestamp, weightKg } from './common';
import { modelOptions, StringEnum } from './schema-helpers';
import { DISCREPANCY_CODE_LIST, TRACKING_STATUS_CODE_LIST } from './tracking-status';

/** ONE Record eventTimeType: whether the time is what happened or what is expected. */
export const EVENT_TIME_TYPES = ['actual', 'estimated', 'expected', 'planned', 'requested'] as const;

export const EVENT_SOURCES = ['cargo-imp', 'one-record', 'airline-api', 'handler', 'portal', 'hub'] as const;

export const TrackingEventSchema = Type.Object(
  {
    id: id('Canonical event id.'),
    awb: awbNumber('The master or direct AWB the event is about.'),
    houseNumber: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{1,12}$', description: 'House waybill, for house-level events.' })),
    shipmentId: Type.Optional(id('Canonical shipment id, once matched.')),
    status: StringEnum(TRACKING_STATUS_CODE_LIST, { description: 'IATA cargo status code; see TRACKING_STATUS_CODES.' }),
    discrepancyCode: Type.Optional(StringEnum(DISCREPANCY_CODE_LIST, { description: 'What the discrepancy is; required for status DIS.' })),
    eventTime: timestamp('When it happened (or is expected to, per timeType).'),
    timeType: StringEnum(EVENT_TIME_TYPES, { description: 'actual for what happened; the others for forecasts.' }),
    location: airportCode('Where it happened.'),
    flight: Type.Optional(FlightReferenceSchema),
    quantity: Type.Optional(
      Type.Object(
        {
          pieceCount: count('Pieces the event covers.'),
          weightKg: weightKg('Weight the event covers.'),
          partial: Type.Boolean({ description: 'True when the event covers only part of the shipment (split shipment).' }),
          totalPieceCount: Type.Optional(count('Pieces of the whole shipment, as reported with a partial event.')),
        },
        { additionalProperties: false, description: 'Pieces and weight the event covers (FSU T/P quantity).' },
      ),
    ),
    receivedBy: Type.Optional(text('Name of whoever signed for the goods (DLV, TFD).', 70)),
    remarks: Type.Optional(text('Free text from the reporter.', 500)),
    source: Type.Object(
      {
        kind: StringEnum(EVENT_SOURCES, { description: 'Channel the event came in on.' }),
        reporter: Type.Optional(text('Organisation that recorded the event (carrier or handler code or name).', 70)),
        messageId: Type.Optional(text('Id of the source message (FSU reference, ONE Record event IRI).', 500)),
      },
      { additionalProperties: false, description: 'Where the event came from.' },
    ),
    recordedAt: timestamp('When the hub received the event.'),
  },
  modelOptions('tracking-event', 'Tracking event', 'A shipment status milestone with its IATA status code, time, place, flight and quantity.', {
    // A DIS without its code says nothing anyone can act on.
    if: { properties: { status: { const: 'DIS' } }, required: ['status'] },
    then: { required: ['discrepancyCode'] },
  }),
);
export type TrackingEvent = Static<typeof TrackingEventSchema>;

export { trackingEventExamples } from './examples/tracking-event';
