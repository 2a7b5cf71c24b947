// /v1/shipments: book (cargo booking request with AWB allocation), list, read and cancel.
import { Controller, Inject, Req, Res } from '@nestjs/common';
import { Type } from '@sinclair/typebox';
import { Endpoint } from '../http/endpoint';
import { principalOf, writeTenant } from '../http/request-context';
import type { PortalReply, PortalRequest } from '../http/request-context';
import { applyHeaders, claimOf } from '../http/write-runner';
import { PORTAL } from '../portal-token';
import type { Portal } from '../portal';
import { AwbParams, LimitSchema, limitOf } from '../schemas/common';
import { BookingRequestSchema, CancelRequestSchema, ShipmentBookingSchema, ShipmentListSchema } from '../schemas/shipments';
import type { BookingRequest, ShipmentBooking } from '../schemas/shipments';

const BOOKERS = ['customer', 'agent', 'admin'] as const;
const READERS = ['customer', 'agent', 'support', 'admin'] as const;

@Controller()
export class ShipmentsController {
  constructor(@Inject(PORTAL) private readonly portal: Portal) {}

  @Endpoint({
    method: 'POST',
    path: '/v1/shipments',
    operationId: 'bookShipment',
    summary: 'Request a cargo booking.',
    description:
      'Holds capacity on the flight (409 NO_CAPACITY when it does not fit), allocates a check-digit-valid AWB, and starts the booking saga (airline booking → ONE Record waybill → Odoo sale order → payment). Follow it with GET /v1/shipments/{awb}.',
    tag: 'shipments',
    roles: BOOKERS,
    body: BookingRequestSchema,
    idempotent: true,
    responses: {
      201: {
        description: 'Booked with capacity held; the saga runs.',
        schema: ShipmentBookingSchema,
        headers: { Location: 'The shipment.', 'Interline-Message-Id': 'The shipment.booking-requested event.' },
      },
    },
    problems: [409, 422, 503],
  })
  async book(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<ShipmentBooking> {
    const principal = principalOf(request);
    const tenant = writeTenant(request, principal);
    const claim = claimOf(request, principal);
    const result = await this.portal.bookings.submit({ tenant, request: request.body as BookingRequest, ...(claim ? { claim } : {}) });
    applyHeaders(reply, result);
    return result.body;
  }

  @Endpoint({
    method: 'GET',
    path: '/v1/shipments',
    operationId: 'listShipments',
    summary: 'The caller’s shipments, newest first.',
    tag: 'shipments',
    roles: READERS,
    query: Type.Object({ limit: Type.Optional(LimitSchema) }, { additionalProperties: false }),
    responses: { 200: { description: 'Shipments.', schema: ShipmentListSchema } },
  })
  async list(@Req() request: PortalRequest): Promise<{ items: ShipmentBooking[] }> {
    return { items: await this.portal.shipments.list(this.portal.sql, principalOf(request), limitOf(request.query as { limit?: string })) };
  }

  @Endpoint({
    method: 'GET',
    path: '/v1/shipments/{awb}',
    operationId: 'getShipment',
    summary: 'A shipment with its booking and saga state.',
    tag: 'shipments',
    roles: READERS,
    params: AwbParams,
    responses: { 200: { description: 'The shipment.', schema: ShipmentBookingSchema } },
    problems: [404],
  })
  get(@Req() request: PortalRequest): Promise<ShipmentBooking> {
    return this.portal.shipments.get(this.portal.sql, principalOf(request), (request.params as { awb: string }).awb);
  }

  @Endpoint({
    method: 'POST',
    path: '/v1/shipments/{awb}/cancel',
    operationId: 'cancelShipment',
    summary: 'Cancel a shipment before the goods are handed over.',
    description: 'Releases the capacity, cancels the booking and emits booking.cancelled (the airline connector cancels its side).',
    tag: 'shipments',
    roles: BOOKERS,
    params: AwbParams,
    body: CancelRequestSchema,
    idempotent: true,
    responses: { 200: { description: 'Cancelled.', schema: ShipmentBookingSchema, headers: { 'Interline-Message-Id': 'The booking.cancelled event.' } } },
    problems: [404, 409, 422],
  })
  cancel(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<ShipmentBooking> {
    const principal = principalOf(request);
    const { awb } = request.params as { awb: string };
    const { reason } = request.body as { reason?: string };
    return this.portal.writes.run(request, reply, principal, (tx) => this.portal.shipments.cancel(tx, principal, awb, reason));
  }
}
