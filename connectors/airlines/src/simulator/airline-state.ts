// The simulated carrier's books: schedules, capacity per dated flight that bookings consume and
// cancellations release, and bookings keyed by the client's reference (its idempotency key).
import type { Flight } from '@interline/hub';
import { ssim } from '@interline/hub';
import type { DatedFlight } from '../operations/shapes';
import { flightLabel } from '../operations/shapes';
import { OPEN_SCHEDULE_CAPACITY, seedSchedule } from './seed';

export type SimFaultKind = 'client' | 'server';

/** A business refusal the service answers with a SOAP fault. */
export class SimFault extends Error {
  constructor(
    readonly kind: SimFaultKind,
    readonly code: string,
    message: string,
    readonly extra: { flight?: string; shortfallKg?: number; shortfallM3?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export interface SimSegment {
  flight: DatedFlight;
  weightKg: number;
  volumeM3: number;
  spaceStatus: 'KK' | 'XX';
}

export interface SimBooking {
  bookingReference: string;
  clientReference: string;
  status: 'CONFIRMED' | 'CANCELLED';
  awb?: string;
  origin: string;
  destination: string;
  pieces: number;
  weightKg: number;
  volumeM3: number;
  segments: SimSegment[];
  createdAt: string;
  cancelledAt?: string;
  cancelReason?: string;
}

export interface BookingRequest {
  clientReference: string;
  awb?: string;
  origin: string;
  destination: string;
  segments: DatedFlight[];
  pieces: number;
  weightKg: number;
  volumeM3: number;
}

export interface Effect {
  seq: number;
  at: string;
  kind: 'booking-created' | 'booking-cancelled';
  clientReference: string;
  bookingReference: string;
}

interface Cell {
  flight: string;
  source: 'schedule' | 'open-schedule';
  capacityKg: number;
  capacityM3: number;
  bookedKg: number;
  bookedM3: number;
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

export class AirlineState {
  schedules: Flight[] = seedSchedule();
  readonly bookings = new Map<string, SimBooking>();
  readonly effects: Effect[] = [];
  private readonly cells = new Map<string, Cell>();
  private seq = 0;

  /** Open schedule: a flight the simulator does not know gets default space instead of a fault. */
  constructor(public openSchedule = true) {}

  reset(): void {
    this.schedules = seedSchedule();
    this.bookings.clear();
    this.effects.length = 0;
    this.cells.clear();
    this.seq = 0;
  }

  /** Add or replace schedule legs (same id replaces). */
  load(flights: Flight[]): void {
    const byId = new Map(this.schedules.map((flight) => [flight.id, flight]));
    for (const flight of flights) byId.set(flight.id, flight);
    this.schedules = [...byId.values()];
  }

  leg(flight: DatedFlight): Flight | undefined {
    return this.schedules.find(
      (leg) =>
        leg.state === 'active' &&
        leg.carrier === flight.carrier &&
        leg.flightNumber === flight.flightNumber &&
        (leg.operationalSuffix ?? '') === (flight.suffix ?? '') &&
        leg.departure.airport === flight.origin &&
        leg.period.from <= flight.date &&
        flight.date <= leg.period.to &&
        expandsOn(leg, flight.date),
    );
  }

  private cell(flight: DatedFlight): Cell {
    const key = flightLabel(flight);
    const known = this.cells.get(key);
    if (known) return known;
    const leg = this.leg(flight);
    if (leg && leg.arrival.airport !== flight.destination) {
      throw new SimFault('client', 'ROUTE_MISMATCH', `flight ${flight.carrier}${flight.flightNumber} on ${flight.date} flies ${leg.departure.airport}-${leg.arrival.airport}, not ${flight.origin}-${flight.destination}`, { flight: key });
    }
    if (!leg && !this.openSchedule) {
      throw new SimFault('client', 'FLIGHT_NOT_OPERATED', `flight ${flight.carrier}${flight.flightNumber} does not operate from ${flight.origin} on ${flight.date}; query the schedule for the days it operates`, { flight: key });
    }
    const cell: Cell = {
      flight: key,
      source: leg ? 'schedule' : 'open-schedule',
      capacityKg: leg?.capacity?.cargoWeightKg ?? OPEN_SCHEDULE_CAPACITY.weightKg,
      capacityM3: leg?.capacity?.cargoVolumeM3 ?? OPEN_SCHEDULE_CAPACITY.volumeM3,
      bookedKg: 0,
      bookedM3: 0,
    };
    this.cells.set(key, cell);
    return cell;
  }

  remaining(flight: DatedFlight): { weightKg: number; volumeM3: number } {
    const cell = this.cell(flight);
    return { weightKg: round3(cell.capacityKg - cell.bookedKg), volumeM3: round3(cell.capacityM3 - cell.bookedM3) };
  }

  book(request: BookingRequest, now: Date): { booking: SimBooking; existing: boolean } {
    const known = this.bookings.get(request.clientReference);
    if (known) return { booking: known, existing: true };
    // All segments are checked before any space is taken: a booking is all or nothing.
    for (const segment of request.segments) {
      const left = this.remaining(segment);
      const shortKg = round3(request.weightKg - left.weightKg);
      const shortM3 = round3(request.volumeM3 - left.volumeM3);
      if (shortKg > 0 || shortM3 > 0) {
        throw new SimFault('client', 'NO_CAPACITY', `not enough space on ${flightLabel(segment)}: ${left.weightKg} kg / ${left.volumeM3} m3 left, ${request.weightKg} kg / ${request.volumeM3} m3 asked`, {
          flight: flightLabel(segment),
          shortfallKg: Math.max(0, shortKg),
          shortfallM3: Math.max(0, shortM3),
        });
      }
    }
    for (const segment of request.segments) {
      const cell = this.cell(segment);
      cell.bookedKg = round3(cell.bookedKg + request.weightKg);
      cell.bookedM3 = round3(cell.bookedM3 + request.volumeM3);
    }
    this.seq += 1;
    const booking: SimBooking = {
      bookingReference: `IL${String(this.seq).padStart(6, '0')}`,
      clientReference: request.clientReference,
      status: 'CONFIRMED',
      origin: request.origin,
      destination: request.destination,
      pieces: request.pieces,
      weightKg: request.weightKg,
      volumeM3: request.volumeM3,
      segments: request.segments.map((flight) => ({ flight, weightKg: request.weightKg, volumeM3: request.volumeM3, spaceStatus: 'KK' })),
      createdAt: now.toISOString(),
    };
    if (request.awb !== undefined) booking.awb = request.awb;
    this.bookings.set(request.clientReference, booking);
    this.effect('booking-created', booking, now);
    return { booking, existing: false };
  }

  find(clientReference: string | undefined, bookingReference: string | undefined): SimBooking | undefined {
    if (clientReference !== undefined) return this.bookings.get(clientReference);
    return [...this.bookings.values()].find((booking) => booking.bookingReference === bookingReference);
  }

  cancel(clientReference: string, bookingReference: string | undefined, reason: string | undefined, now: Date): { booking: SimBooking; already: boolean } {
    const booking = this.find(clientReference, undefined);
    if (!booking || (bookingReference !== undefined && booking.bookingReference !== bookingReference)) {
      throw new SimFault('client', 'BOOKING_NOT_FOUND', `no booking under client reference ${clientReference}${bookingReference ? ` and booking reference ${bookingReference}` : ''}`);
    }
    if (booking.status === 'CANCELLED') return { booking, already: true };
    for (const segment of booking.segments) {
      const cell = this.cell(segment.flight);
      cell.bookedKg = round3(cell.bookedKg - segment.weightKg);
      cell.bookedM3 = round3(cell.bookedM3 - segment.volumeM3);
      segment.spaceStatus = 'XX';
    }
    booking.status = 'CANCELLED';
    booking.cancelledAt = now.toISOString();
    if (reason !== undefined) booking.cancelReason = reason;
    this.effect('booking-cancelled', booking, now);
    return { booking, already: false };
  }

  schedule(query: { origin?: string; destination?: string; carrier?: string; flightNumber?: string; from: string; to: string }): Flight[] {
    return this.schedules.filter(
      (leg) =>
        (query.origin === undefined || leg.departure.airport === query.origin) &&
        (query.destination === undefined || leg.arrival.airport === query.destination) &&
        (query.carrier === undefined || leg.carrier === query.carrier) &&
        (query.flightNumber === undefined || leg.flightNumber === query.flightNumber) &&
        leg.period.from <= query.to &&
        query.from <= leg.period.to,
    );
  }

  private effect(kind: Effect['kind'], booking: SimBooking, now: Date): void {
    this.effects.push({ seq: this.effects.length + 1, at: now.toISOString(), kind, clientReference: booking.clientReference, bookingReference: booking.bookingReference });
  }

  inspect(): { bookings: SimBooking[]; effects: Effect[]; capacity: Cell[]; schedules: number; openSchedule: boolean } {
    return structuredClone({ bookings: [...this.bookings.values()], effects: this.effects, capacity: [...this.cells.values()], schedules: this.schedules.length, openSchedule: this.openSchedule });
  }
}

function expandsOn(leg: Flight, date: string): boolean {
  return ssim.expandDatedLegs(leg, { from: date, to: date }).length === 1;
}
