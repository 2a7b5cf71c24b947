// /internal/v1/*: where the portal connector delivers hub events (admin-role service token). Each
// endpoint applies one kind of event to portal state in one transaction and is idempotent: the
// connector sends the hub's step key as Idempotency-Key, and replays change nothing.
import { Controller, Inject, Req, Res } from '@nestjs/common';
import { Type } from '@sinclair/typebox';
import { Endpoint } from '../http/endpoint';
import type { EndpointSpec } from '../http/endpoint';
import { principalOf } from '../http/request-context';
import type { PortalReply, PortalRequest } from '../http/request-context';
import { PORTAL } from '../portal-token';
import type { Portal } from '../portal';
import { FileStatusUpdateSchema, FlightScheduleDeliverySchema, CarrierAnswerDeliverySchema, CustomsResponseDeliverySchema, InternalOutcomeSchema, OutboundFileSchema, PaymentDeliverySchema, RefundDeliverySchema, SagaStepDeliverySchema, TrackingDeliverySchema } from '../schemas/internal';
import type { CarrierAnswerDelivery, CustomsResponseDelivery, FlightScheduleDelivery, InternalOutcome, OutboundFile, PaymentDelivery, RefundDelivery, SagaStepDelivery, TrackingDelivery } from '../schemas/internal';
import type { FileStatus } from '../schemas/files';
import { recordFlightSchedule } from '../flights/schedule-recorder';
import { carrierAnswered, sagaStepDelivered } from './saga-deliveries';

function internal(path: string, operationId: string, summary: string, body: EndpointSpec['body'], extra: Partial<EndpointSpec> = {}): EndpointSpec {
  return { method: 'POST', path, operationId, summary, tag: 'internal', roles: ['admin'], body, idempotent: true, unlimited: true, responses: { 200: { description: 'What the portal did.', schema: InternalOutcomeSchema } }, problems: [404, 422], ...extra };
}

@Controller()
export class InternalController {
  constructor(@Inject(PORTAL) private readonly portal: Portal) {}

  private apply(request: PortalRequest, reply: PortalReply, work: Parameters<Portal['writes']['run']>[3]): Promise<InternalOutcome> {
    return this.portal.writes.run(request, reply, principalOf(request), work) as Promise<InternalOutcome>;
  }

  @Endpoint(internal('/internal/v1/tracking-events', 'recordTrackingEvent', 'Record a shipment.status-changed event.', TrackingDeliverySchema))
  async tracking(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<InternalOutcome> {
    const { event, data } = request.body as TrackingDelivery;
    const outcome = await this.apply(request, reply, async (tx) => ({ body: await this.portal.tracking.record(tx, event.tenant, data) }));
    // After the commit, and on a duplicate or replay too: when this fails the hub retries the
    // delivery, which lands here again and invalidates then.
    await this.portal.tracking.invalidate(data.awb);
    return outcome;
  }

  @Endpoint(internal('/internal/v1/saga-steps', 'recordSagaStep', 'A booking saga step’s event went through: advance the saga.', SagaStepDeliverySchema))
  sagaStep(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<InternalOutcome> {
    return this.apply(request, reply, async (tx) => ({ body: await sagaStepDelivered(tx, this.portal.saga, request.body as SagaStepDelivery) }));
  }

  @Endpoint(internal('/internal/v1/carrier-answers', 'recordCarrierAnswer', 'A carrier confirmed or rejected a booking.', CarrierAnswerDeliverySchema))
  carrierAnswer(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<InternalOutcome> {
    return this.apply(request, reply, async (tx) => ({ body: await carrierAnswered(tx, this.portal.saga, request.body as CarrierAnswerDelivery) }));
  }

  @Endpoint(internal('/internal/v1/customs-responses', 'recordCustomsResponse', 'Apply a customs answer to its declaration.', CustomsResponseDeliverySchema))
  customsResponse(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<InternalOutcome> {
    const { event, data } = request.body as CustomsResponseDelivery;
    return this.apply(request, reply, async (tx) => ({ body: await this.portal.customs.recordResponse(tx, event.tenant, data) }));
  }

  @Endpoint(internal('/internal/v1/payment-updates', 'recordPaymentUpdate', 'Apply a payment provider outcome.', PaymentDeliverySchema))
  payment(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<InternalOutcome> {
    const { data } = request.body as PaymentDelivery;
    return this.apply(request, reply, async (tx) => ({ body: await this.portal.payments.recordPayment(tx, data) }));
  }

  @Endpoint(internal('/internal/v1/refund-updates', 'recordRefundUpdate', 'Apply a refund outcome.', RefundDeliverySchema))
  refund(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<InternalOutcome> {
    const { data } = request.body as RefundDelivery;
    return this.apply(request, reply, async (tx) => ({ body: await this.portal.payments.recordRefund(tx, data) }));
  }

  @Endpoint(
    internal('/internal/v1/flight-schedules', 'recordFlightSchedule', 'Upsert a schedule leg’s dated flights (existing ones keep capacity and holds).', FlightScheduleDeliverySchema, {
      description:
        'From flight.schedule-updated (SSIM, SSM/ASM). Dates already on sale keep capacity, rate, bookings and holds; schedule and state follow the event. New dates take the leg’s capacity, else the configured capacity of its aircraft type, at the configured rate; without a configured rate they are listed with no capacity. An older version (updatedAt) changes nothing.',
    }),
  )
  flightSchedule(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<InternalOutcome> {
    const { data } = request.body as FlightScheduleDelivery;
    return this.apply(request, reply, async (tx) => ({ body: await recordFlightSchedule(tx, data, this.portal.scheduleDefaults) }));
  }

  @Endpoint(internal('/internal/v1/partner-files', 'depositOutboundFile', 'Deposit a file for a partner to download.', OutboundFileSchema, { problems: [422] }))
  deposit(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<InternalOutcome> {
    return this.apply(request, reply, async (tx) => ({ body: await this.portal.files.deposit(tx, request.body as OutboundFile) }));
  }

  @Endpoint(
    internal('/internal/v1/partner-files/{id}/status', 'setPartnerFileStatus', 'Set a partner file’s processing status.', FileStatusUpdateSchema, {
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false }),
    }),
  )
  fileStatus(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<InternalOutcome> {
    const { id } = request.params as { id: string };
    const { status, detail } = request.body as { status: FileStatus; detail?: string };
    return this.apply(request, reply, async (tx) => ({ body: await this.portal.files.setStatus(tx, id, status, detail) }));
  }
}
