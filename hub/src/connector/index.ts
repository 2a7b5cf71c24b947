// The connector SDK: definitions, the host that runs them, HTTP error mapping, secrets, simulators.
export * from './define-connector';
export * from './connector-host';
export * from './http-errors';
export * from './secrets';
export * from './simulator';
export * from './http-body';
