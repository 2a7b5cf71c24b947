// The airlines mappings against their fixture cases (mappings/src/airlines/*.cases.json), run by the
// hub's own fixture runner as `interline mappings test` runs them; and a mapped portal booking
// accepted by the connector's createCargoBooking input schema.
import path from 'node:path';
import { MappingRegistry, cargoBookingExamples, check, readMappingCases, runMappingCases } from '@interline/hub';
import type { CargoBooking, Mapping } from '@interline/hub';
import bookingRequest from '../../../mappings/src/airlines/cargo-booking-to-booking-request.mapping';
import cancelRequest from '../../../mappings/src/airlines/cargo-booking-to-cancel-request.mapping';
import scheduleReply from '../../../mappings/src/airlines/flight-schedule-reply-to-flights.mapping';
import { CancelCargoBookingInputSchema, CreateCargoBookingInputSchema } from '../src';

const MAPPINGS_ROOT = path.resolve(__dirname, '..', '..', '..', 'mappings');
const MAPPINGS = [bookingRequest, cancelRequest, scheduleReply] as Mapping[];

describe.each(MAPPINGS.map((mapping) => [mapping.id, mapping] as const))('%s', (id, mapping) => {
  it('passes every fixture case, including the refusals', async () => {
    const registry = new MappingRegistry().register(mapping);
    const cases = await readMappingCases(MAPPINGS_ROOT, id);
    expect(cases.length).toBeGreaterThanOrEqual(3);
    expect(cases.some((c) => c.error !== undefined)).toBe(true);
    const results = await runMappingCases(registry, { mappingId: id, casesFor: () => cases });
    expect(results.filter((result) => !result.passed)).toEqual([]);
  });
});

it('maps the model examples into inputs the operations accept', () => {
  const held = cargoBookingExamples[1] as CargoBooking;
  expect(check(CreateCargoBookingInputSchema, bookingRequest.map(held, { envelope: { id: 'm', type: 'booking.capacity-held', tenant: 'default', correlationid: 'c', time: '2025-01-01T00:00:00Z' } }))).toMatchObject({ ok: true });
  const cancelled: CargoBooking = { ...held, state: 'cancelled', stateReason: { code: 'CUSTOMER_CANCELLED', text: 'plans changed' } };
  expect(check(CancelCargoBookingInputSchema, cancelRequest.map(cancelled, { envelope: { id: 'm', type: 'booking.cancelled', tenant: 'default', correlationid: 'c', time: '2025-01-01T00:00:00Z' } }))).toMatchObject({ ok: true });
});
