// @interline/hub: the runtime and the SDK that connectors, mappings, the portal API and the CLI build on.
export * from './errors';
export * from './validation';
export * from './envelope';
export * from './model';
export * from './connector';
export * from './journal';
export * from './transport';
export * from './routing';
export * from './mapping';
export * from './delivery';
export * from './dead-letters';
export * from './config';
export * from './auth';
export * from './observability';
export * from './runtime';
export * from './admin';
export * as edifact from './formats/edifact';
export * from './cache';
