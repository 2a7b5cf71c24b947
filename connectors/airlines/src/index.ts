// The airlines connector: a cargo airline's SOAP service (WSDL 1.1, document/literal, SOAP 1.1 or
// 1.2, WS-Security UsernameToken) for schedules, capacity and cargo bookings; SSIM schedule files in;
// and a simulator serving the same WSDL.
import { defineConnector } from '@interline/hub';
import { AirlinesClient } from './client';
import { AirlinesConfigSchema } from './config';
import { cancelCargoBooking } from './operations/cancel-cargo-booking';
import { checkCapacity } from './operations/check-capacity';
import { createCargoBooking } from './operations/create-cargo-booking';
import { getBookingStatus } from './operations/get-booking-status';
import { querySchedule } from './operations/query-schedule';
import { airlinesSimulator } from './simulator';
import { ssimFiles } from './sources/ssim-files';

export const airlinesConnector = defineConnector({
  id: 'airlines',
  version: '1.0.0',
  summary: 'Cargo airline SOAP service: flight schedules, capacity checks, idempotent cargo bookings and cancellations (WS-Security, SOAP 1.1/1.2); SSIM schedule files become flight.schedule-updated.',
  config: AirlinesConfigSchema,
  connect: (config, ctx) => new AirlinesClient(config, { logger: ctx.logger }),
  operations: { querySchedule, checkCapacity, createCargoBooking, cancelCargoBooking, getBookingStatus },
  sources: { ssimFiles },
  health: (client) => client.health(),
  simulator: airlinesSimulator,
});

export default airlinesConnector;

export { AirlinesClient } from './client';
export type { SoapOperation, CallOptions } from './client';
export { AirlinesConfigSchema, DEFAULT_TIMEOUT_MS } from './config';
export type { AirlinesConfig } from './config';
export { WSDL_FILE, BINDING_PATHS, NAMESPACE } from './wsdl-path';
export type { SoapVersion } from './wsdl-path';
export { redactSoap, ExchangeRing } from './audit';
export type { SoapExchange } from './audit';
export { readFault, errorForFault, errorForSoapCall } from './soap-faults';
export type { SoapFault, AirlineFaultDetail } from './soap-faults';
export { doctypeProblem } from './xml-guard';
export { DoctypeRefusedError } from './guarded-http-client';
export { QueryScheduleInputSchema } from './operations/query-schedule';
export type { QueryScheduleInput, ScheduleReply, ScheduledLegReply } from './operations/query-schedule';
export { CheckCapacityInputSchema } from './operations/check-capacity';
export type { CapacityAnswer } from './operations/check-capacity';
export { CreateCargoBookingInputSchema } from './operations/create-cargo-booking';
export type { CreateCargoBookingInput, CargoBookingResult } from './operations/create-cargo-booking';
export { CancelCargoBookingInputSchema } from './operations/cancel-cargo-booking';
export type { CancelCargoBookingInput, CancelResult } from './operations/cancel-cargo-booking';
export { GetBookingStatusInputSchema } from './operations/get-booking-status';
export { BOOKING_ENTITY } from './operations/shapes';
export type { CarrierBooking, DatedFlight } from './operations/shapes';
export { receiveSsimFile } from './sources/ssim-files';
