// Pnr examples: fixtures for tests and samples for the API docs.
import type { Pnr } from '../pnr';

export const pnrExamples: Pnr[] = [
  {
    id: '0195a210-5555-7e00-8000-000000000001',
    recordLocators: [
      { locator: 'XK7P2Q', system: '1A', kind: 'gds' },
      { locator: 'LH4Z8M', system: 'LH', kind: 'airline' },
    ],
    passengers: [
      {
        id: 'P1',
        type: 'ADT',
        title: 'MRS',
        surname: 'MUSTERMANN',
        givenNames: 'ERIKA',
        dateOfBirth: '1982-08-12',
        gender: 'F',
        documents: [{ type: 'passport', number: 'C01X00T47', issuingCountry: 'DE', nationality: 'DE', expiryDate: '2030-08-11' }],
      },
      { id: 'P2', type: 'ADT', title: 'MR', surname: 'MUSTERMANN', givenNames: 'MAX', dateOfBirth: '1980-02-03', gender: 'M' },
      { id: 'P3', type: 'INF', surname: 'MUSTERMANN', givenNames: 'LINA', dateOfBirth: '2024-06-30', gender: 'F', infantOf: 'P1' },
    ],
    segments: [
      {
        id: 'S1', carrier: 'LH', flightNumber: '400', classOfService: 'K', cabin: 'economy', origin: 'FRA', destination: 'JFK',
        departure: '2025-03-14T10:35', departureUtcOffset: '+01:00', arrival: '2025-03-14T14:25', arrivalUtcOffset: '-04:00', status: 'HK',
      },
      {
        id: 'S2', carrier: 'LH', flightNumber: '401', classOfService: 'K', cabin: 'economy', origin: 'JFK', destination: 'FRA',
        departure: '2025-03-28T16:45', departureUtcOffset: '-04:00', arrival: '2025-03-29T06:20', arrivalUtcOffset: '+01:00', status: 'HK',
      },
    ],
    ssrs: [
      { code: 'DOCS', carrier: 'LH', status: 'HK', text: 'P/DE/C01X00T47/DE/12AUG82/F/11AUG30/MUSTERMANN/ERIKA', passengerId: 'P1' },
      { code: 'INFT', carrier: 'LH', status: 'HK', text: 'MUSTERMANN/LINA 30JUN24', passengerId: 'P1', segmentId: 'S1' },
      { code: 'BSCT', carrier: 'LH', status: 'NN', passengerId: 'P1', segmentId: 'S1' },
    ],
    remarks: [{ type: 'general', text: 'BASSINET REQUESTED BOTH WAYS' }],
    contacts: [
      { type: 'email', value: 'erika.mustermann@example.com', passengerId: 'P1' },
      { type: 'mobile', value: '+49 151 23456789', passengerId: 'P1' },
    ],
    tickets: [
      { number: '2201234567890', kind: 'ticket', passengerId: 'P1', segmentIds: ['S1', 'S2'], status: 'issued', issuedAt: '2025-02-01T12:03:00Z' },
      { number: '2201234567891', kind: 'ticket', passengerId: 'P2', segmentIds: ['S1', 'S2'], status: 'issued', issuedAt: '2025-02-01T12:03:00Z' },
      { number: '2201234567892', kind: 'ticket', passengerId: 'P3', segmentIds: ['S1', 'S2'], status: 'issued', issuedAt: '2025-02-01T12:03:01Z' },
    ],
    warnings: [],
    createdAt: '2025-01-30T18:22:00Z',
    updatedAt: '2025-02-01T12:03:01Z',
  },
  {
    id: '0195a210-5555-7e00-8000-000000000002',
    recordLocators: [{ locator: 'QW3RTY', system: '1S', kind: 'gds' }],
    passengers: [{ id: 'P1', type: 'ADT', title: 'DR', surname: 'OKAFOR', givenNames: 'CHIDI', gender: 'M' }],
    segments: [
      {
        id: 'S1', carrier: 'LH', flightNumber: '590', classOfService: 'J', cabin: 'business', origin: 'FRA', destination: 'NBO',
        departure: '2025-03-18T10:20', arrival: '2025-03-18T19:30', status: 'HL',
      },
      {
        id: 'S2', carrier: 'KQ', flightNumber: '100', operatingCarrier: 'KQ', classOfService: 'Y', cabin: 'economy', origin: 'NBO', destination: 'LHR',
        departure: '2025-03-21T23:55', arrival: '2025-03-22T05:50', status: 'UC',
      },
    ],
    ssrs: [{ code: 'CTCE', carrier: 'YY', status: 'HK', text: 'C.OKAFOR//TRAVEL.EXAMPLE', passengerId: 'P1' }],
    remarks: [{ type: 'confidential', text: 'CORPORATE DEAL CODE SKB2025' }],
    contacts: [{ type: 'agency', value: '+49 69 555 0100 SKYBRIDGE TRAVEL' }],
    ticketingTimeLimit: '2025-03-12T23:59:00+01:00',
    tickets: [],
    warnings: [
      { code: 'HL', text: 'LH590 J class waitlisted; confirm before ticketing', segmentId: 'S1' },
      { code: 'UC', text: 'KQ100 sell failed: flight closed for sale', segmentId: 'S2' },
    ],
    createdAt: '2025-03-10T09:14:00Z',
  },
];
