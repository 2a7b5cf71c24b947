// querySchedule: the carrier's scheduled legs (period, days, local times, capacity) for a route or
// a flight over a date range; the reply is what flight-schedule-reply-to-flights maps to Flights.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { PermanentError, defineOperation } from '@interline/hub';
import type { AirlinesClient } from '../client';
import { FlightDesignatorSchema, IsoDateSchema, list } from './shapes';

export const QueryScheduleInputSchema = Type.Object(
  {
    origin: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    destination: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    flight: Type.Optional(FlightDesignatorSchema),
    dateFrom: IsoDateSchema,
    dateTo: IsoDateSchema,
  },
  { additionalProperties: false },
);
export type QueryScheduleInput = Static<typeof QueryScheduleInputSchema>;

/** One leg as the service answers it (FlightScheduleQueryResponse/Leg), repeated elements as lists. */
export interface ScheduledLegReply {
  Flight: { Carrier: string; Number: string | number; Suffix?: string };
  ItineraryVariation?: number;
  LegSequence?: number;
  Origin: string;
  Destination: string;
  PeriodFrom: string;
  PeriodTo: string;
  DaysOfOperation: string | number;
  DepartureTime: string;
  DepartureUtcOffset: string;
  ArrivalTime: string;
  ArrivalUtcOffset: string;
  ArrivalDayChange: number;
  AircraftType: string | number;
  ServiceType: string;
  CargoCapacity?: { WeightKg: number; VolumeM3: number };
  Status: string;
  LastChanged: string;
}

export interface ScheduleReply {
  legs: ScheduledLegReply[];
}

export const querySchedule = defineOperation({
  summary: 'FlightScheduleQuery: scheduled legs (period, days of operation, local times with UTC offsets, cargo capacity) by route or flight over at most 400 days.',
  input: QueryScheduleInputSchema,
  async run(client: AirlinesClient, input, ctx): Promise<ScheduleReply> {
    if (input.dateTo < input.dateFrom) throw new PermanentError(`querySchedule: dateTo ${input.dateTo} is before dateFrom ${input.dateFrom}; swap them`);
    if (input.origin === undefined && input.flight === undefined) throw new PermanentError('querySchedule needs an origin or a flight; the airline refuses whole-network queries');
    const args: Record<string, unknown> = {};
    if (input.origin !== undefined) args.Origin = input.origin;
    if (input.destination !== undefined) args.Destination = input.destination;
    if (input.flight !== undefined) args.Flight = { Carrier: input.flight.carrier, Number: input.flight.flightNumber, ...(input.flight.suffix ? { Suffix: input.flight.suffix } : {}) };
    args.DateFrom = input.dateFrom;
    args.DateTo = input.dateTo;
    const reply = await client.call<{ Leg?: ScheduledLegReply | ScheduledLegReply[] } | null>('FlightScheduleQuery', args, { what: `querySchedule ${input.origin ?? ''}${input.destination ? `-${input.destination}` : ''} ${input.dateFrom}..${input.dateTo}`, signal: ctx.signal });
    return { legs: list(reply?.Leg) };
  },
});
