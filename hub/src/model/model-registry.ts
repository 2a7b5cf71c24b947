// Every canonical object by name, with its schema and examples: the source for OpenAPI components,
// `interline` docs and fixture-driven tests, so nothing keeps its own list of models.
import type { Static, TSchema } from '@sinclair/typebox';
import { CargoBookingSchema, cargoBookingExamples } from './cargo-booking';
import { CustomsDeclarationSchema, customsDeclarationExamples } from './customs-declaration';
import { CustomsResponseSchema, customsResponseExamples } from './customs-response';
import { FlightSchema, flightExamples } from './flight';
import { InvoiceSchema, invoiceExamples } from './invoice';
import { OrderSchema, orderExamples } from './order';
import { PartySchema, partyExamples } from './party';
import { PaymentSchema, paymentExamples } from './payment';
import { PnrSchema, pnrExamples } from './pnr';
import { RefundSchema, refundExamples } from './refund';
import { ShipmentSchema, shipmentExamples } from './shipment';
import { TestPingSchema, testPingExamples } from './test-ping';
import { TrackingEventSchema, trackingEventExamples } from './tracking-event';

/** Model name → schema. TestPing is here too, so every catalog event has a model with examples. */
export const MODEL_SCHEMAS = Object.freeze({
  Party: PartySchema,
  Shipment: ShipmentSchema,
  TrackingEvent: TrackingEventSchema,
  CargoBooking: CargoBookingSchema,
  Flight: FlightSchema,
  Pnr: PnrSchema,
  CustomsDeclaration: CustomsDeclarationSchema,
  CustomsResponse: CustomsResponseSchema,
  Payment: PaymentSchema,
  Refund: RefundSchema,
  Order: OrderSchema,
  Invoice: InvoiceSchema,
  TestPing: TestPingSchema,
});

export type ModelName = keyof typeof MODEL_SCHEMAS;
export type ModelType<N extends ModelName> = Static<(typeof MODEL_SCHEMAS)[N]>;

const EXAMPLES: { readonly [N in ModelName]: readonly ModelType<N>[] } = {
  Party: partyExamples,
  Shipment: shipmentExamples,
  TrackingEvent: trackingEventExamples,
  CargoBooking: cargoBookingExamples,
  Flight: flightExamples,
  Pnr: pnrExamples,
  CustomsDeclaration: customsDeclarationExamples,
  CustomsResponse: customsResponseExamples,
  Payment: paymentExamples,
  Refund: refundExamples,
  Order: orderExamples,
  Invoice: invoiceExamples,
  TestPing: testPingExamples,
};

export function modelNames(): ModelName[] {
  return Object.keys(MODEL_SCHEMAS) as ModelName[];
}

export function isModelName(name: string): name is ModelName {
  return Object.hasOwn(MODEL_SCHEMAS, name);
}

/**
 * Deep copies of the examples of model `name`: callers (tests mutating fixtures) can change them
 * without corrupting the shared ones. Throws RangeError listing the known models for an unknown name.
 */
export function modelExamples<N extends ModelName>(name: N): ModelType<N>[];
export function modelExamples(name: string): unknown[];
export function modelExamples(name: string): unknown[] {
  if (!isModelName(name)) {
    throw new RangeError(`Unknown model "${name}"; known models: ${modelNames().join(', ')}.`);
  }
  return structuredClone(EXAMPLES[name]) as unknown[];
}

/** The schema of model `name`, or undefined. */
export function modelSchema(name: string): TSchema | undefined {
  return isModelName(name) ? MODEL_SCHEMAS[name] : undefined;
}
