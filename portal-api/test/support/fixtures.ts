// Request bodies for tests, built from the canonical model's examples.
import { customsDeclarationExamples, partyExamples } from '@interline/hub';
import type { Flight } from '@interline/hub';
import type { CustomerRegistration } from '../../src/schemas/customers';
import type { SchedulePublication } from '../../src/schemas/flights';
import type { BookingRequest } from '../../src/schemas/shipments';

export function customerRegistration(name = 'Rheinpharma Logistik GmbH'): CustomerRegistration {
  const { id: _id, active: _active, createdAt: _created, updatedAt: _updated, ...party } = structuredClone(partyExamples[0]!);
  return { ...party, name };
}

export interface ScheduleOptions {
  carrier?: string;
  flightNumber?: string;
  origin?: string;
  destination?: string;
  from?: string;
  to?: string;
  kg?: number;
  m3?: number;
  seats?: number;
  rateMinor?: number;
  serviceType?: Flight['serviceType'];
}

export function schedulePublication(options: ScheduleOptions = {}): SchedulePublication {
  const flightNumber = options.flightNumber ?? '400';
  return {
    schedule: {
      id: `sched-${options.carrier ?? 'LH'}${flightNumber}-${options.from ?? '2030-03-14'}`,
      carrier: options.carrier ?? 'LH',
      flightNumber,
      departure: { airport: options.origin ?? 'FRA', scheduledTime: '10:35', utcOffset: '+01:00' },
      arrival: { airport: options.destination ?? 'JFK', scheduledTime: '14:25', utcOffset: '-04:00' },
      arrivalDayOffset: 0,
      period: { from: options.from ?? '2030-03-14', to: options.to ?? options.from ?? '2030-03-14' },
      daysOfOperation: [1, 2, 3, 4, 5, 6, 7],
      aircraftType: '77F',
      serviceType: options.serviceType ?? 'F',
      capacity: { cargoWeightKg: options.kg ?? 10_000, cargoVolumeM3: options.m3 ?? 60, ...(options.seats !== undefined ? { seats: options.seats } : {}) },
      state: 'active',
      updatedAt: '2030-01-01T00:00:00Z',
    },
    ratePerKg: { amountMinor: options.rateMinor ?? 450, currency: 'EUR' },
  };
}

export interface BookingOptions {
  carrier?: string;
  flightNumber?: string;
  date?: string;
  origin?: string;
  destination?: string;
  weightKg?: number;
  volumeM3?: number;
  pieces?: number;
}

export function bookingRequest(options: BookingOptions = {}): BookingRequest {
  return {
    shipper: { partyId: '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a01' },
    consignee: { partyId: '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a02' },
    origin: options.origin ?? 'FRA',
    destination: options.destination ?? 'JFK',
    flight: { carrier: options.carrier ?? 'LH', flightNumber: options.flightNumber ?? '400', date: options.date ?? '2030-03-14' },
    pieces: [{ count: options.pieces ?? 2, grossWeightKg: options.weightKg ?? 310.5, volumeM3: options.volumeM3 ?? 2.112, goodsDescription: 'Vaccines in active containers' }],
    goodsDescription: 'Pharmaceuticals, temperature controlled +2/+8 °C',
    specialHandlingCodes: ['PIL', 'ACT'],
    chargesPayment: 'prepaid',
    customerReference: 'RP-EXP-2030-0311',
  };
}

export function customsSubmission(lrn: string): Record<string, unknown> {
  const { id: _id, createdAt: _created, submittedAt: _submitted, ...declaration } = structuredClone(customsDeclarationExamples[0]!);
  return { ...declaration, references: { ...declaration.references, lrn } };
}

/** A CloudEvents envelope as an outside system would send it to the hub. */
export function envelope(type: string, data: unknown, tenant = 'acme'): Record<string, unknown> {
  return { specversion: '1.0', id: `test-${Math.random().toString(36).slice(2)}`, source: 'test/outside-world', type, tenant, data };
}
