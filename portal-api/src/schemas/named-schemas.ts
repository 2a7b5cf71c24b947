// The schemas the OpenAPI document names under components.schemas: the canonical model (the same
// TypeBox objects the hub validates with) plus the portal's own request and response shapes. Any
// part of an endpoint's schema that is structurally one of these becomes a $ref in the document.
import type { TSchema } from '@sinclair/typebox';
import {
  AddressSchema,
  CapacityAllocationSchema,
  ContactSchema,
  FlightReferenceSchema,
  MODEL_SCHEMAS,
  MoneySchema,
  PartyRefSchema,
  PaymentLinksSchema,
  PieceSchema,
  RouteLegSchema,
  WaybillSchema,
} from '@interline/hub';

const registry = new Map<string, TSchema>([
  ...Object.entries(MODEL_SCHEMAS),
  ['Address', AddressSchema],
  ['Contact', ContactSchema],
  ['Money', MoneySchema],
  ['FlightReference', FlightReferenceSchema],
  ['PartyRef', PartyRefSchema],
  ['Piece', PieceSchema],
  ['Waybill', WaybillSchema],
  ['RouteLeg', RouteLegSchema],
  ['CapacityAllocation', CapacityAllocationSchema],
  ['PaymentLinks', PaymentLinksSchema],
]);

/** Name a portal schema for the document; returns the schema so modules can `export const X = named(...)`. */
export function named<T extends TSchema>(name: string, schema: T): T {
  if (registry.has(name) && registry.get(name) !== schema) throw new Error(`schema name '${name}' is used twice; pick another`);
  registry.set(name, schema);
  return schema;
}

export function namedSchemas(): ReadonlyMap<string, TSchema> {
  return registry;
}

/**
 * A canonical schema for embedding in a portal schema: the same keywords without its `$id`. The
 * hub's Ajv registers every `$id` it compiles, so embedding the original would make a later compile
 * of the model itself fail ("schema with key or id already exists").
 */
export function embed<T extends TSchema>(schema: T): T {
  const { $id: _id, ...rest } = schema;
  return rest as T;
}
