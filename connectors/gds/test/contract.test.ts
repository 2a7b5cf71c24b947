// The shared connector contract, run against the GDS simulator through a real hub.
import { describeConnectorContract } from '@interline/hub/testing';
import { gdsConnector } from '../src';
import { bookingInput, uniqueSurname } from './harness';

interface State {
  effects: unknown[];
  authorityFiles: string[];
}

const flight = {
  id: 'flight-lh400', carrier: 'LH', flightNumber: '400',
  departure: { airport: 'FRA', scheduledTime: '10:35', utcOffset: '+01:00' },
  arrival: { airport: 'JFK', scheduledTime: '13:25', utcOffset: '-04:00' },
  arrivalDayOffset: 0, period: { from: '2026-01-01', to: '2026-12-31' }, daysOfOperation: [1, 2, 3, 4, 5, 6, 7],
  aircraftType: '359', serviceType: 'J', state: 'active', updatedAt: '2026-01-01T00:00:00Z',
};

function pnrFor(nonce: string): unknown {
  return {
    id: `pnr-${nonce}`, recordLocators: [{ locator: 'ABC123', system: '1A', kind: 'gds' }],
    passengers: [{ id: 'P1', type: 'ADT', surname: uniqueSurname(nonce), givenNames: 'ANNA', gender: 'F', dateOfBirth: '1990-01-02', documents: [{ type: 'passport', number: 'X1234567', issuingCountry: 'DE', nationality: 'DE', expiryDate: '2031-01-01' }] }],
    segments: [{ id: 'S1', carrier: 'LH', flightNumber: '400', classOfService: 'Y', origin: 'FRA', destination: 'JFK', departure: '2026-06-01T10:35', arrival: '2026-06-01T13:25', status: 'HK' }],
    ssrs: [], remarks: [], contacts: [{ type: 'email', value: 'anna@example.com' }], tickets: [], warnings: [], createdAt: '2026-01-01T00:00:00Z',
  };
}

describeConnectorContract<State>({
  definition: gdsConnector,
  operations: {
    createPnr: {
      input: (nonce) => {
        const input = bookingInput(`pnr-${nonce}`, uniqueSurname(nonce), [{ id: 'S1', carrier: 'LH', flightNumber: '401', classOfService: 'Y', origin: 'JFK', destination: 'FRA', departure: '2026-07-01T16:45' }]);
        // One seated passenger per booking keeps the seeded class from filling up across scenarios.
        return { ...input, passengers: input.passengers.slice(0, 1) };
      },
      faultOperation: 'PNR_AddMultiElements',
    },
    retrievePnr: { input: () => ({ locator: 'XK7P2Q' }), faultOperation: 'PNR_Retrieve' },
    availability: { input: () => ({ origin: 'FRA', destination: 'JFK', date: '2026-06-01' }), faultOperation: 'Air_MultiAvailability' },
    sendPassengerList: { input: (nonce) => ({ flight, date: '2026-06-01', pnrs: [pnrFor(nonce)] }) },
  },
  faultOperation: 'createPnr',
  countEffects: (state) => state.effects.length + state.authorityFiles.length,
  invalidConfigs: [
    { config: {}, path: '/endpoint' },
    { config: { endpoint: 'ftp://gds.example', username: 'U', password: 'secret1', officeId: 'FRALH28AA' }, path: '/endpoint' },
    { config: { endpoint: 'https://gds.example/x', username: 'U', password: 'secret1', officeId: 'FRA' }, path: '/officeId' },
    { config: { endpoint: 'https://gds.example/x', username: 'U', password: 'secret1', officeId: 'FRALH28AA', pollIntervalMs: 10 }, path: '/pollIntervalMs' },
    { config: { endpoint: 'https://gds.example/x', username: 'U', password: 'secret1', officeId: 'FRALH28AA', queueNumber: 100 }, path: '/queueNumber' },
  ],
});
