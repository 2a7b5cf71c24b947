// @interline/portal-api: the REST API and the booking/inventory core, started beside a hub.
export { startPortalApi, PORTAL_API_VERSION } from './start-portal-api';
export type { PortalApiOptions, RunningPortalApi } from './start-portal-api';
export { Portal } from './portal';
export { TokenBucketRateLimiter, DEFAULT_RATE_LIMIT } from './http/rate-limit';
export type { RateLimiter, RateLimitDecision, TokenBucketOptions } from './http/rate-limit';
export { MemoryCache } from './cache/cache';
export type { Cache } from './cache/cache';
export type { ScheduleDefaults } from './flights/schedule-recorder';
export { ScheduleDefaultsSchema } from './flights/schedule-recorder';
export { PORTAL_MIGRATIONS_DIR, migratePortal } from './db/migrate-portal';
export { portalConnector, PortalConnectorConfigSchema, startPortalStandIn, STAND_IN_TOKEN } from './connector';
export type { PortalConnectorConfig, StandInState } from './connector';
