// TrackingEvent examples: fixtures for tests and samples for the API docs.
import type { TrackingEvent } from '../tracking-event';

export const trackingEventExamples: TrackingEvent[] = [
  {
    id: '0195a1f0-3333-7c00-8000-000000000001',
    awb: '020-12345675',
    shipmentId: '0195a1d0-1111-7a00-8000-000000000001',
    status: 'DEP',
    eventTime: '2025-03-14T09:47:00Z',
    timeType: 'actual',
    location: 'FRA',
    flight: { carrier: 'LH', flightNumber: '400', date: '2025-03-14', origin: 'FRA', destination: 'JFK' },
    quantity: { pieceCount: 6, weightKg: 358.5, partial: false },
    source: { kind: 'cargo-imp', reporter: 'LH', messageId: 'FSU/14 020-12345675FRAJFK/T6K358.5' },
    recordedAt: '2025-03-14T09:49:12Z',
  },
  {
    id: '0195a1f0-3333-7c00-8000-000000000002',
    awb: '020-86753096',
    houseNumber: 'SKB25000417',
    status: 'DIS',
    discrepancyCode: 'OFLD',
    eventTime: '2025-03-15T20:10:00+01:00',
    timeType: 'actual',
    location: 'FRA',
    flight: { carrier: 'LH', flightNumber: '8160', date: '2025-03-15' },
    quantity: { pieceCount: 1, weightKg: 85, partial: true, totalPieceCount: 13 },
    remarks: 'Offloaded: DG piece not accepted on this aircraft type, rebooking',
    source: { kind: 'one-record', reporter: 'Lufthansa Cargo', messageId: 'https://1r.lhcargo.example/logistics-events/7e1c0b2a' },
    recordedAt: '2025-03-15T19:12:40Z',
  },
  {
    id: '0195a1f0-3333-7c00-8000-000000000003',
    awb: '020-12345675',
    status: 'ARR',
    eventTime: '2025-03-14T14:35:00-04:00',
    timeType: 'expected',
    location: 'JFK',
    flight: { carrier: 'LH', flightNumber: '400', date: '2025-03-14' },
    source: { kind: 'airline-api', reporter: 'LH' },
    recordedAt: '2025-03-14T09:50:03Z',
  },
];
