// The airlines mappings against their fixture cases (mappings/src/airlines/*.cases.json), run by the
// hub's own fixture runner as `interline mappings test` runs them; and a mapped portal booking
// accepted by the connector's createCargoBooking input schema.
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import { FlightSchema, cargoBookingExamples, check } from '@interline/hub';
import type { CargoBooking } from '@interline/hub';
import { casesIn, describeMappingFixtures } from '@interline/hub/testing';
import bookingRequest from '../../../mappings/src/airlines/cargo-booking-to-booking-request.mapping';
import cancelRequest from '../../../mappings/src/airlines/cargo-booking-to-cancel-request.mapping';
import scheduleReply from '../../../mappings/src/airlines/flight-schedule-reply-to-flights.mapping';
import { CancelCargoBookingInputSchema, CreateCargoBookingInputSchema } from '../src';

describeMappingFixtures('airlines mappings (mappings/src/airlines)', {
  casesFor: casesIn(path.resolve(__dirname, '..', '..', '..', 'mappings')),
  minimumCases: 3,
  mappings: [
    { mapping: bookingRequest, output: CreateCargoBookingInputSchema },
    { mapping: cancelRequest, output: CancelCargoBookingInputSchema },
    { mapping: scheduleReply, output: Type.Array(FlightSchema) },
  ],
});

it('maps the model examples into inputs the operations accept', () => {
  const held = cargoBookingExamples[1] as CargoBooking;
  expect(check(CreateCargoBookingInputSchema, bookingRequest.map(held, { envelope: { id: 'm', type: 'booking.capacity-held', tenant: 'default', correlationid: 'c', time: '2025-01-01T00:00:00Z' } }))).toMatchObject({ ok: true });
  const cancelled: CargoBooking = { ...held, state: 'cancelled', stateReason: { code: 'CUSTOMER_CANCELLED', text: 'plans changed' } };
  expect(check(CancelCargoBookingInputSchema, cancelRequest.map(cancelled, { envelope: { id: 'm', type: 'booking.cancelled', tenant: 'default', correlationid: 'c', time: '2025-01-01T00:00:00Z' } }))).toMatchObject({ ok: true });
});
