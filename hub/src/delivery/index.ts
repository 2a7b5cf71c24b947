// Delivery guarantees: retry policy, circuit breaker, per-key ordering, the delivery worker.
export * from './retry-policy';
export * from './circuit-breaker';
export * from './keyed-executor';
export * from './delivery-worker';
