// The operations against the simulated airline through the real `soap` client, both SOAP versions:
// capacity consumed and released, no-capacity refusals, idempotent booking after a lost response,
// cancellation semantics, timeouts; and the SSIM file source.
import { PermanentError, TimeoutError, TransientError } from '@interline/hub';
import { airlinesConnector, receiveSsimFile } from '../src';
import type { CancelResult, CapacityAnswer, CargoBookingResult, ScheduleReply } from '../src';
import { emitter, memoryBindings, operationContext, startRig } from './harness';
import type { Rig } from './harness';

const ops = airlinesConnector.operations;
type Run<T> = (client: unknown, input: unknown, ctx: ReturnType<typeof operationContext>) => Promise<T>;
const run = <T>(name: keyof typeof ops, rig: Rig, input: unknown, ctx = operationContext()): Promise<T> => ((ops[name] as { run: unknown }).run as Run<T>)(rig.client, input, ctx);

const il8001 = (date: string) => ({ carrier: 'IL', flightNumber: '8001', date, origin: 'FRA', destination: 'ORD' });
const booking = (reference: string, flight = il8001('2026-04-06'), weightKg = 500, volumeM3 = 2) => ({
  clientReference: reference, origin: flight.origin, destination: flight.destination, segments: [flight], pieces: 4, weightKg, volumeM3, goodsDescription: 'Consolidated cargo',
});

describe.each(['1.1', '1.2'] as const)('operations over SOAP %s', (version) => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig(version);
  });
  afterAll(async () => rig.sim.stop());

  it('consumes capacity on booking and releases it on cancellation', async () => {
    const before = await run<CapacityAnswer>('checkCapacity', rig, { flight: il8001('2026-04-06'), weightKg: 1, volumeM3: 0.01 });
    const bindings = memoryBindings();
    const booked = await run<CargoBookingResult>('createCargoBooking', rig, booking(`cap-${version}`), operationContext(bindings));
    expect(booked).toMatchObject({ clientReference: `cap-${version}`, status: 'confirmed', existing: false, segments: [{ flight: il8001('2026-04-06'), spaceStatus: 'KK' }] });
    const during = await run<CapacityAnswer>('checkCapacity', rig, { flight: il8001('2026-04-06'), weightKg: 1, volumeM3: 0.01 });
    expect(during.remaining.weightKg).toBe(before.remaining.weightKg - 500);
    const cancelled = await run<CancelResult>('cancelCargoBooking', rig, { clientReference: `cap-${version}`, reason: 'customer cancelled' }, operationContext(bindings));
    expect(cancelled).toEqual({ clientReference: `cap-${version}`, bookingReference: booked.bookingReference, outcome: 'cancelled' });
    expect((await run<CapacityAnswer>('checkCapacity', rig, { flight: il8001('2026-04-06'), weightKg: 1, volumeM3: 0.01 })).remaining).toEqual(before.remaining);
    expect(rig.sim.inspect().bookings.find((b) => b.clientReference === `cap-${version}`)?.status).toBe('CANCELLED');
  });

  it('refuses a booking beyond capacity with a permanent error naming the flight and the shortfall', async () => {
    const il8003 = { carrier: 'IL', flightNumber: '8003', date: '2026-04-06', origin: 'FRA', destination: 'JFK' };
    const error = await run('createCargoBooking', rig, booking(`big-${version}`, il8003, 1_250, 3)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as Error).message).toMatch(/no capacity on flight IL8003\/2026-04-06 FRA-JFK: short by 250 kg and 0 m³/);
    expect(rig.sim.inspect().bookings.some((b) => b.clientReference === `big-${version}`)).toBe(false);
  });

  it('books once when the response is lost and the step is redelivered', async () => {
    rig.sim.faults.add({ kind: 'transient', operation: 'CargoBookingCreate', times: 1, afterEffect: true });
    const first = await run('createCargoBooking', rig, booking(`lost-${version}`)).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(TransientError);
    const again = await run<CargoBookingResult>('createCargoBooking', rig, booking(`lost-${version}`));
    expect(again.existing).toBe(true);
    expect(rig.sim.inspect().effects.filter((e) => e.clientReference === `lost-${version}`)).toHaveLength(1);
  });

  it('treats cancelling a cancelled or never-made booking as done', async () => {
    await run('createCargoBooking', rig, booking(`twice-${version}`));
    await run('cancelCargoBooking', rig, { clientReference: `twice-${version}` });
    expect(await run<CancelResult>('cancelCargoBooking', rig, { clientReference: `twice-${version}` })).toMatchObject({ outcome: 'already-cancelled' });
    expect(await run<CancelResult>('cancelCargoBooking', rig, { clientReference: `never-${version}` })).toEqual({ clientReference: `never-${version}`, outcome: 'not-booked' });
  });

  it('answers the schedule and a booking status', async () => {
    const reply = await run<ScheduleReply>('querySchedule', rig, { origin: 'FRA', destination: 'ORD', dateFrom: '2026-04-01', dateTo: '2026-04-07' });
    expect(reply.legs.map((leg) => `${leg.Flight.Carrier}${leg.Flight.Number}`).sort()).toEqual(['IL8001', 'LH8160']);
    await run('createCargoBooking', rig, booking(`status-${version}`));
    expect(await run('getBookingStatus', rig, { clientReference: `status-${version}` })).toMatchObject({ status: 'confirmed', weightKg: 500 });
  });
});

describe('time limits', () => {
  it('gives up after timeoutMs with a TimeoutError, and honours the caller abort', async () => {
    const rig = await startRig('1.1', { timeoutMs: 300 });
    try {
      rig.sim.faults.add({ kind: 'timeout', operation: 'CapacityCheck', times: 2, delayMs: 1_500 });
      const error = await run('checkCapacity', rig, { flight: il8001('2026-04-06'), weightKg: 1, volumeM3: 0.01 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      const controller = new AbortController();
      const call = run('checkCapacity', rig, { flight: il8001('2026-04-06'), weightKg: 1, volumeM3: 0.01 }, operationContext(memoryBindings(), controller.signal)).catch((e: unknown) => e);
      controller.abort(new Error('step cancelled'));
      expect(await call).toBeInstanceOf(TransientError);
    } finally {
      await rig.sim.stop();
    }
  });
});

describe('SSIM file source', () => {
  const line = (text: string, serial: number): string => `${text.padEnd(194)}${String(serial).padStart(6, '0')}`;
  const file = [
    line('1AIRLINE STANDARD SCHEDULE DATA SET     1', 1),
    line('2LIL      W25 26OCT2528MAR2620OCT25', 2),
    line('3 IL 80010101F27OCT2528MAR261234567 FRA10351035+01001 ORD12401240-0600  77F', 3),
    line(`${'5 IL 20OCT25'.padEnd(187)}000003E`, 4),
  ].join('\n');

  it('emits flight.schedule-updated per leg, with ids stable for the same file', async () => {
    const { emit, events } = emitter();
    const ctx = { ...operationContext(), state: { get: async () => undefined, set: async () => undefined }, emit };
    expect(await receiveSsimFile({ name: 'IL-W25.ssim', bytes: Buffer.from(file, 'latin1') }, ctx)).toBe(1);
    expect(events[0]).toMatchObject({ type: 'flight.schedule-updated', subject: 'flight/IL8001-01-01-2025-10-27', partitionkey: 'IL8001', data: { carrier: 'IL', flightNumber: '8001', departure: { airport: 'FRA' } } });
    await receiveSsimFile({ name: 'IL-W25.ssim', bytes: Buffer.from(file, 'latin1') }, ctx);
    expect(events[1]?.id).toBe(events[0]?.id);
  });

  it('refuses a malformed file naming line and columns', async () => {
    const bad = file.replace('27OCT25', '32OCT25');
    const ctx = { ...operationContext(), state: { get: async () => undefined, set: async () => undefined }, emit: emitter().emit };
    await expect(receiveSsimFile({ name: 'bad.ssim', bytes: Buffer.from(bad, 'latin1'), partner: 'IL' }, ctx)).rejects.toThrow(/SSIM file bad\.ssim from IL refused: SSIM file: line 3, column 15-21: period from date '32OCT25' is not a date DDMMMYY/);
  });
});
