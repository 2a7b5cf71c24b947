// GET /v1/shipments/{awb}/events: the status history, served from the cache.
import { Controller, Inject, Req } from '@nestjs/common';
import { Endpoint } from '../http/endpoint';
import { principalOf } from '../http/request-context';
import type { PortalRequest } from '../http/request-context';
import { PORTAL } from '../portal-token';
import type { Portal } from '../portal';
import { AwbParams } from '../schemas/common';
import { TrackingHistorySchema } from '../schemas/tracking';
import type { TrackingHistory } from '../schemas/tracking';

@Controller()
export class TrackingController {
  constructor(@Inject(PORTAL) private readonly portal: Portal) {}

  @Endpoint({
    method: 'GET',
    path: '/v1/shipments/{awb}/events',
    operationId: 'getTrackingEvents',
    summary: 'A shipment’s tracking events.',
    description: 'Status milestones (IATA codes) from shipment.status-changed, oldest first; cached, refreshed when a new event arrives.',
    tag: 'tracking',
    roles: ['customer', 'agent', 'support', 'admin'],
    params: AwbParams,
    responses: { 200: { description: 'The history.', schema: TrackingHistorySchema } },
    problems: [404],
  })
  events(@Req() request: PortalRequest): Promise<TrackingHistory> {
    return this.portal.tracking.history(this.portal.sql, principalOf(request), (request.params as { awb: string }).awb);
  }
}
