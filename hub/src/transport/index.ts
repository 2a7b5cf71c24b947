// Transports: the contract and the in-process implementation.
export * from './transport';
export { MemoryTransport } from './memory/memory-transport';
export { AmqpTransport } from './amqp/amqp-transport';
export type { AmqpTransportOptions } from './amqp/amqp-transport';
