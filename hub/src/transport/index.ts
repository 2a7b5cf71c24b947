// Transports: the contract and the in-process implementation.
export * from './transport';
export { MemoryTransport } from './memory/memory-transport';
