// The shared connector contract, run against the simulated cargo airline through a real hub. The
// operations on an existing booking (cancel, status) get one prepared on the simulator before each
// scenario, because the kit builds inputs from a nonce alone.
import { describeConnectorContract } from '@interline/hub/testing';
import type { SimulatorDefinition } from '@interline/hub';
import { airlinesConnector } from '../src';
import type { AirlinesConfig } from '../src';
import { airlinesSimulator } from '../src/testing';
import type { AirlineSimulatorHandle } from '../src/testing';

let simulator: AirlineSimulatorHandle | undefined;
const prepared: Record<'cancel' | 'status', string[]> = { cancel: [], status: [] };

const capturingSimulator: SimulatorDefinition<AirlinesConfig> = {
  ...airlinesSimulator,
  start: async (options) => {
    simulator = (await airlinesSimulator.start(options)) as AirlineSimulatorHandle;
    return simulator;
  },
};

const flight = (date: string) => ({ carrier: 'IL', flightNumber: '8001', date, origin: 'FRA', destination: 'ORD' });

beforeEach(() => {
  if (!simulator) return;
  for (const pool of ['cancel', 'status'] as const) {
    if (prepared[pool].length > 0) continue;
    const reference = `prep-${pool}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    simulator.state.book({ clientReference: reference, origin: 'FRA', destination: 'ORD', segments: [flight('2026-02-02')], pieces: 1, weightKg: 5, volumeM3: 0.02 }, new Date());
    prepared[pool].push(reference);
  }
});

function take(pool: 'cancel' | 'status'): string {
  const reference = prepared[pool].shift();
  if (!reference) throw new Error(`no prepared booking for ${pool}; beforeEach prepares one per scenario`);
  return reference;
}

describeConnectorContract<{ effects: unknown[] }>({
  definition: { ...airlinesConnector, simulator: capturingSimulator } as typeof airlinesConnector,
  operations: {
    querySchedule: { input: () => ({ origin: 'FRA', dateFrom: '2026-01-05', dateTo: '2026-01-11' }), faultOperation: 'FlightScheduleQuery' },
    checkCapacity: { input: () => ({ flight: flight('2026-01-05'), weightKg: 10, volumeM3: 0.1 }), faultOperation: 'CapacityCheck' },
    createCargoBooking: {
      input: (nonce) => ({ clientReference: nonce, origin: 'FRA', destination: 'ORD', segments: [flight('2026-01-06')], pieces: 2, weightKg: 10, volumeM3: 0.05, goodsDescription: 'Spare parts' }),
      faultOperation: 'CargoBookingCreate',
    },
    cancelCargoBooking: { input: () => ({ clientReference: take('cancel'), reason: 'contract kit' }), faultOperation: 'CargoBookingCancel' },
    getBookingStatus: { input: () => ({ clientReference: take('status') }), faultOperation: 'CargoBookingStatus' },
  },
  faultOperation: 'createCargoBooking',
  countEffects: (state) => state.effects.length,
  invalidConfigs: [
    { config: {}, path: '/endpoint' },
    { config: { endpoint: 'ftp://127.0.0.1/x', username: 'u', password: 'p' }, path: '/endpoint' },
    { config: { endpoint: 'http://127.0.0.1/x', username: 'u' }, path: '/password' },
    { config: { endpoint: 'http://127.0.0.1/x', username: 'u', password: 'p', soapVersion: '1.3' }, path: '/soapVersion' },
    { config: { endpoint: 'http://127.0.0.1/x', username: 'u', password: 'p', timeoutMs: 5 }, path: '/timeoutMs' },
  ],
});
