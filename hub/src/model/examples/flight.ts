// Flight examples: fixtures for tests and samples for the API docs.
import type { Flight } from '../flight';

export const flightExamples: Flight[] = [
  {
    id: '0195a200-4444-7d00-8000-000000000001',
    carrier: 'LH',
    flightNumber: '400',
    itineraryVariation: 1,
    legSequence: 1,
    departure: { airport: 'FRA', scheduledTime: '10:35', utcOffset: '+01:00', terminal: '1' },
    arrival: { airport: 'JFK', scheduledTime: '14:25', utcOffset: '-04:00', terminal: '1' },
    arrivalDayOffset: 0,
    period: { from: '2025-03-10', to: '2025-03-29' },
    daysOfOperation: [1, 2, 3, 4, 5, 6, 7],
    aircraftType: '748',
    serviceType: 'J',
    capacity: { cargoWeightKg: 18000, cargoVolumeM3: 110, seats: 364 },
    state: 'active',
    updatedAt: '2025-02-28T06:00:00Z',
  },
  {
    id: '0195a200-4444-7d00-8000-000000000002',
    carrier: 'LH',
    flightNumber: '8160',
    operationalSuffix: 'A',
    departure: { airport: 'FRA', scheduledTime: '21:40', utcOffset: '+01:00' },
    arrival: { airport: 'ORD', scheduledTime: '00:25', utcOffset: '-05:00' },
    arrivalDayOffset: 1,
    period: { from: '2025-03-03', to: '2025-03-29' },
    daysOfOperation: [1, 3, 6],
    aircraftType: '77F',
    serviceType: 'F',
    capacity: { cargoWeightKg: 102000, cargoVolumeM3: 650 },
    state: 'active',
    remarks: 'Main deck capacity subject to DG segregation',
    updatedAt: '2025-03-01T11:30:00Z',
  },
];
