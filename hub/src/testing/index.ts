// Test helpers for connector authors: the contract kit and the hub it runs against.
export * from './connector-contract';
export * from './contract-hub';
export * from './transport-contract';
export * from './operation-doubles';
export * from './mapping-fixtures';
