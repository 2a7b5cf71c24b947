// The canonical data model v1: one schema, type and example set per business object, the event
// catalog that ties event types to them, and the helpers connectors need to map to and from them.
// Schema-building factories (id(), text(), money(), …) stay internal: they are how the model is
// written, not part of what it offers, and their short names would clash in an importer's scope.
export { SCHEMA_ID_BASE } from './schema-helpers';
export * from './currency';
export * from './money';
export { AddressSchema, ADDRESS_USES, ContactSchema, CONTACT_ROLES, FlightReferenceSchema, MoneySchema } from './common';
export type { Address, Contact, FlightReference, Money } from './common';
export * from './special-handling';
export * from './awb';
export * from './party';
export * from './shipment';
export * from './tracking-status';
export * from './tracking-event';
export * from './cargo-booking';
export * from './flight';
export * from './pnr-codes';
export * from './pnr';
export * from './customs-declaration';
export * from './customs-response';
export * from './payment';
export * from './refund';
export * from './sales-line';
export * from './order';
export * from './invoice';
export * from './test-ping';
export * from './model-registry';
export * from './catalog';
