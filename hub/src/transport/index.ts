// Transports: the contract and the in-process implementation.
export * from './transport';
export { MemoryTransport } from './memory/memory-transport';
export { AmqpTransport } from './amqp/amqp-transport';
export type { AmqpTransportOptions } from './amqp/amqp-transport';
export { KafkaTransport } from './kafka/kafka-transport';
export type { KafkaTransportOptions } from './kafka/kafka-transport';
export { parseKafkaUrl } from './kafka/kafka-config';
export type { KafkaSettings } from './kafka/kafka-config';
