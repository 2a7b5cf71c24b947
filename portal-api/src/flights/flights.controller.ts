// /v1/flights and /v1/allocations: schedules with remaining capacity, and capacity holds with a TTL
// that are confirmed or released (expired holds are released by the sweeper).
import { Controller, Inject, Req, Res } from '@nestjs/common';
import { Endpoint } from '../http/endpoint';
import { principalOf, writeTenant } from '../http/request-context';
import type { PortalReply, PortalRequest } from '../http/request-context';
import { PORTAL } from '../portal-token';
import type { Portal } from '../portal';
import { IdParams } from '../schemas/common';
import {
  AllocationRequestSchema,
  AllocationSchema,
  FlightAvailabilitySchema,
  FlightIdParams,
  FlightListSchema,
  FlightSearchQuery,
  PublishedScheduleSchema,
  SchedulePublicationSchema,
} from '../schemas/flights';
import type { Allocation, AllocationRequest, FlightAvailability, SchedulePublication } from '../schemas/flights';

const READERS = ['customer', 'agent', 'support', 'admin'] as const;
const CAPACITY_MANAGERS = ['agent', 'admin'] as const;

@Controller()
export class FlightsController {
  constructor(@Inject(PORTAL) private readonly portal: Portal) {}

  @Endpoint({
    method: 'GET',
    path: '/v1/flights',
    operationId: 'searchFlights',
    summary: 'Flights with remaining capacity by origin, destination and date.',
    tag: 'flights',
    roles: READERS,
    query: FlightSearchQuery,
    responses: { 200: { description: 'Matching flights.', schema: FlightListSchema } },
  })
  async search(@Req() request: PortalRequest): Promise<{ items: FlightAvailability[] }> {
    const query = request.query as { origin: string; destination: string; date: string };
    return { items: await this.portal.flights.search(this.portal.sql, query.origin, query.destination, query.date) };
  }

  @Endpoint({
    method: 'GET',
    path: '/v1/flights/{flightId}',
    operationId: 'getFlight',
    summary: 'One flight with its capacity.',
    tag: 'flights',
    roles: READERS,
    params: FlightIdParams,
    responses: { 200: { description: 'The flight.', schema: FlightAvailabilitySchema } },
    problems: [404],
  })
  get(@Req() request: PortalRequest): Promise<FlightAvailability> {
    return this.portal.flights.get(this.portal.sql, (request.params as { flightId: string }).flightId);
  }

  @Endpoint({
    method: 'POST',
    path: '/v1/flights',
    operationId: 'publishSchedule',
    summary: 'Publish a schedule leg for sale.',
    description: 'Creates (or updates) one flight per operating date with the leg’s cargo capacity and the rate; emits flight.schedule-updated.',
    tag: 'flights',
    roles: ['admin'],
    body: SchedulePublicationSchema,
    idempotent: true,
    responses: { 201: { description: 'The dated flights.', schema: PublishedScheduleSchema } },
    problems: [409, 422],
  })
  publish(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<{ flights: FlightAvailability[] }> {
    const principal = principalOf(request);
    const tenant = writeTenant(request, principal);
    return this.portal.writes.run(request, reply, principal, (tx) => this.portal.flights.publish(tx, tenant, request.body as SchedulePublication));
  }

  @Endpoint({
    method: 'POST',
    path: '/v1/flights/{flightId}/allocations',
    operationId: 'holdCapacity',
    summary: 'Hold capacity on a flight for a while.',
    tag: 'capacity',
    roles: CAPACITY_MANAGERS,
    params: FlightIdParams,
    body: AllocationRequestSchema,
    idempotent: true,
    responses: { 201: { description: 'Held until holdExpiresAt.', schema: AllocationSchema, headers: { Location: 'The allocation.' } } },
    problems: [404, 409, 422],
  })
  hold(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<Allocation> {
    const principal = principalOf(request);
    const tenant = writeTenant(request, principal);
    const { flightId } = request.params as { flightId: string };
    return this.portal.writes.run(request, reply, principal, (tx) => this.portal.flights.hold(tx, tenant, flightId, request.body as AllocationRequest));
  }

  @Endpoint({
    method: 'GET',
    path: '/v1/allocations/{id}',
    operationId: 'getAllocation',
    summary: 'Read a capacity allocation.',
    tag: 'capacity',
    roles: ['agent', 'support', 'admin'],
    params: IdParams,
    responses: { 200: { description: 'The allocation.', schema: AllocationSchema } },
    problems: [404],
  })
  async allocation(@Req() request: PortalRequest): Promise<Allocation> {
    const row = await this.portal.flights.allocation(this.portal.sql, principalOf(request), (request.params as { id: string }).id);
    return this.portal.flights.allocationView(this.portal.sql, row);
  }

  @Endpoint({
    method: 'POST',
    path: '/v1/allocations/{id}/confirm',
    operationId: 'confirmAllocation',
    summary: 'Confirm a held allocation (it no longer expires).',
    tag: 'capacity',
    roles: CAPACITY_MANAGERS,
    params: IdParams,
    idempotent: true,
    responses: { 200: { description: 'Confirmed.', schema: AllocationSchema } },
    problems: [404, 409, 422],
  })
  confirm(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<Allocation> {
    const principal = principalOf(request);
    return this.portal.writes.run(request, reply, principal, (tx) => this.portal.flights.confirm(tx, principal, (request.params as { id: string }).id));
  }

  @Endpoint({
    method: 'POST',
    path: '/v1/allocations/{id}/release',
    operationId: 'releaseAllocation',
    summary: 'Give held or confirmed capacity back.',
    tag: 'capacity',
    roles: CAPACITY_MANAGERS,
    params: IdParams,
    idempotent: true,
    responses: { 200: { description: 'Released.', schema: AllocationSchema } },
    problems: [404, 409, 422],
  })
  release(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<Allocation> {
    const principal = principalOf(request);
    return this.portal.writes.run(request, reply, principal, (tx) => this.portal.flights.release(tx, principal, (request.params as { id: string }).id));
  }
}

