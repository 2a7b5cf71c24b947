// CargoBooking examples: fixtures for tests and samples for the API docs.
import type { CargoBooking } from '../cargo-booking';

const SKYBRIDGE = '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a03';
const LUFTHANSA_CARGO = '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a04';

export const cargoBookingExamples: CargoBooking[] = [
  {
    id: '0195a1e0-2222-7b00-8000-000000000001',
    shipmentId: '0195a1d0-1111-7a00-8000-000000000001',
    awb: '020-12345675',
    carrierReference: 'LHB7Q2K9',
    requestedBy: { partyId: SKYBRIDGE },
    carrier: { partyId: LUFTHANSA_CARGO },
    origin: 'FRA',
    destination: 'JFK',
    route: [
      {
        sequence: 1,
        flight: { carrier: 'LH', flightNumber: '400', date: '2025-03-14' },
        origin: 'FRA',
        destination: 'JFK',
        scheduledDeparture: '2025-03-14T10:35:00+01:00',
        scheduledArrival: '2025-03-14T14:25:00-04:00',
      },
    ],
    pieceCount: 6,
    weightKg: 358.5,
    volumeM3: 2.496,
    chargeableWeightKg: 416,
    goodsDescription: 'Pharmaceuticals, temperature controlled +2/+8 °C',
    specialHandlingCodes: ['PIL', 'ACT'],
    productCode: 'td.Pro',
    state: 'confirmed',
    allocations: [
      { id: '0195a1e0-2222-7b00-8000-0000000000c1', flight: { carrier: 'LH', flightNumber: '400', date: '2025-03-14' }, weightKg: 416, volumeM3: 2.5, state: 'confirmed' },
    ],
    requestedAt: '2025-03-11T08:20:00Z',
    updatedAt: '2025-03-11T09:40:00Z',
  },
  {
    id: '0195a1e0-2222-7b00-8000-000000000002',
    shipmentId: '0195a1d0-1111-7a00-8000-000000000002',
    requestedBy: { partyId: SKYBRIDGE },
    origin: 'FRA',
    destination: 'ORD',
    route: [
      { sequence: 1, flight: { carrier: 'LH', flightNumber: '8160', date: '2025-03-15' }, origin: 'FRA', destination: 'ORD' },
    ],
    pieceCount: 13,
    weightKg: 349,
    volumeM3: 1.04,
    goodsDescription: 'Consolidated tools and cleaning supplies',
    specialHandlingCodes: ['ELI', 'DGR', 'RFL', 'CAO'],
    state: 'held',
    allocations: [
      {
        id: '0195a1e0-2222-7b00-8000-0000000000c2',
        flight: { carrier: 'LH', flightNumber: '8160', date: '2025-03-15', origin: 'FRA', destination: 'ORD' },
        weightKg: 349,
        volumeM3: 1.1,
        state: 'held',
        holdExpiresAt: '2025-03-13T12:00:00Z',
        allotmentCode: 'SKB-FRA-US-Q1',
      },
    ],
    requestedAt: '2025-03-12T12:10:00Z',
  },
  {
    id: '0195a1e0-2222-7b00-8000-000000000003',
    requestedBy: { partyId: SKYBRIDGE },
    origin: 'FRA',
    destination: 'NBO',
    route: [
      { sequence: 1, flight: { carrier: 'LH', flightNumber: '8304', date: '2025-03-18' }, origin: 'FRA', destination: 'NBO' },
    ],
    pieceCount: 1,
    weightKg: 4200,
    volumeM3: 18,
    goodsDescription: 'Generator set',
    specialHandlingCodes: ['BIG', 'HEA'],
    state: 'rejected',
    stateReason: { code: 'NO_CAPACITY', text: 'Main deck fully booked on LH8304/18MAR; next capacity 21MAR.' },
    allocations: [],
    requestedAt: '2025-03-12T15:00:00Z',
    updatedAt: '2025-03-12T15:04:10Z',
  },
];
