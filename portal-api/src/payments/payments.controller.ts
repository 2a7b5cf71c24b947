// /v1/payments and /v1/refunds: create a payment for a booking or invoice, read it, refund it.
import { Controller, Inject, Req, Res } from '@nestjs/common';
import { PaymentSchema, RefundSchema } from '@interline/hub';
import type { Payment, Refund } from '@interline/hub';
import { Endpoint } from '../http/endpoint';
import { principalOf, writeTenant } from '../http/request-context';
import type { PortalReply, PortalRequest } from '../http/request-context';
import { PORTAL } from '../portal-token';
import type { Portal } from '../portal';
import { IdParams } from '../schemas/common';
import { PaymentRequestSchema, RefundRequestSchema } from '../schemas/payments';
import type { PaymentRequest, RefundRequest } from '../schemas/payments';

const READERS = ['customer', 'agent', 'support', 'admin'] as const;

@Controller()
export class PaymentsController {
  constructor(@Inject(PORTAL) private readonly portal: Portal) {}

  @Endpoint({
    method: 'POST',
    path: '/v1/payments',
    operationId: 'createPayment',
    summary: 'Create a payment for a booking or invoice.',
    description: 'Amounts in minor units with currency. Emits payment.requested; the payment provider’s outcome updates the status.',
    tag: 'payments',
    roles: ['customer', 'agent', 'admin'],
    body: PaymentRequestSchema,
    idempotent: true,
    responses: { 201: { description: 'Requested.', schema: PaymentSchema, headers: { Location: 'The payment.', 'Interline-Message-Id': 'The payment.requested event.' } } },
    problems: [422],
  })
  create(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<Payment> {
    const principal = principalOf(request);
    const tenant = writeTenant(request, principal);
    return this.portal.writes.run(request, reply, principal, (tx) => this.portal.payments.create(tx, tenant, request.body as PaymentRequest));
  }

  @Endpoint({
    method: 'GET',
    path: '/v1/payments/{id}',
    operationId: 'getPayment',
    summary: 'A payment and its status.',
    tag: 'payments',
    roles: READERS,
    params: IdParams,
    responses: { 200: { description: 'The payment.', schema: PaymentSchema } },
    problems: [404],
  })
  get(@Req() request: PortalRequest): Promise<Payment> {
    return this.portal.payments.get(this.portal.sql, principalOf(request), (request.params as { id: string }).id);
  }

  @Endpoint({
    method: 'POST',
    path: '/v1/payments/{id}/refunds',
    operationId: 'refundPayment',
    summary: 'Refund a succeeded payment, whole or in part.',
    tag: 'payments',
    roles: ['agent', 'admin'],
    params: IdParams,
    body: RefundRequestSchema,
    idempotent: true,
    responses: { 201: { description: 'Requested.', schema: RefundSchema, headers: { Location: 'The refund.', 'Interline-Message-Id': 'The refund.requested event.' } } },
    problems: [404, 409, 422],
  })
  refund(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<Refund> {
    const principal = principalOf(request);
    const { id } = request.params as { id: string };
    return this.portal.writes.run(request, reply, principal, (tx) => this.portal.payments.refund(tx, principal, id, request.body as RefundRequest));
  }

  @Endpoint({
    method: 'GET',
    path: '/v1/refunds/{id}',
    operationId: 'getRefund',
    summary: 'A refund and its status.',
    tag: 'payments',
    roles: READERS,
    params: IdParams,
    responses: { 200: { description: 'The refund.', schema: RefundSchema } },
    problems: [404],
  })
  getRefund(@Req() request: PortalRequest): Promise<Refund> {
    return this.portal.payments.getRefund(this.portal.sql, principalOf(request), (request.params as { id: string }).id);
  }
}
