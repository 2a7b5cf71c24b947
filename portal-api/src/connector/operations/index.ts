// The portal connector's operations, one per kind of event the portal keeps state from.
import { Type } from '@sinclair/typebox';
import { CargoBookingSchema, CustomsResponseSchema, FlightSchema, PaymentSchema, RefundSchema, TrackingEventSchema } from '@interline/hub';
import { deliverEvent } from './deliver-event';

export const recordTrackingEvent = deliverEvent('/internal/v1/tracking-events', TrackingEventSchema, 'Record a shipment.status-changed milestone in the portal’s tracking history.');

export const recordSagaStep = deliverEvent(
  '/internal/v1/saga-steps',
  Type.Unknown({ description: 'The data of the saga event whose step went through (booking, shipment, order or payment).' }),
  'Tell the portal a booking saga step went through; it writes the event that starts the next step.',
);

export const recordCarrierAnswer = deliverEvent('/internal/v1/carrier-answers', CargoBookingSchema, 'Apply a carrier’s booking.confirmed or booking.rejected to the booking saga.');

export const recordCustomsResponse = deliverEvent('/internal/v1/customs-responses', CustomsResponseSchema, 'Apply a customs answer to the declaration’s status.');

export const recordPaymentUpdate = deliverEvent('/internal/v1/payment-updates', PaymentSchema, 'Apply a payment provider outcome to the portal’s payment.');

export const recordRefundUpdate = deliverEvent('/internal/v1/refund-updates', RefundSchema, 'Apply a refund outcome to the portal’s refund.');

export const recordFlightSchedule = deliverEvent(
  '/internal/v1/flight-schedules',
  FlightSchema,
  'Upsert a flight.schedule-updated leg (SSIM, SSM/ASM) into the portal’s flight schedule; flights already on sale keep their capacity and holds.',
);
