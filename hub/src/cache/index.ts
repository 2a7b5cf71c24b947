// The shared cache: read cache, rate limiter, lock; memory or Redis.
export * from './cache';
export { MemoryCache } from './memory-cache';
export { RedisCache } from './redis-cache';
