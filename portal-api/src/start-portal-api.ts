// Starts the portal API beside a running hub: its migrations, the services over the hub's
// database, a NestJS app on Fastify with auth, rate limit, validation and problem+json errors on
// its own port, the OpenAPI document, and the background workers (outbox relay and the rest).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, ensureLocalSigningKey, jwksVerifier, localVerifier } from '@interline/hub';
import type { Cache as HubCache, Logger, RunningHub, TokenVerifier } from '@interline/hub';
import { createAppModule } from './app.module';
import { MemoryCache } from './cache/cache';
import type { Cache } from './cache/cache';
import { SharedCache } from './cache/shared-cache';
import { CONTROLLERS } from './controllers';
import { migratePortal } from './db/migrate-portal';
import { AuthGuard } from './http/auth-guard';
import { DEFAULT_BODY_LIMITS, registerBodyParsers } from './http/body-parsers';
import type { BodyLimits, ParserHost } from './http/body-parsers';
import type { ScheduleDefaults } from './flights/schedule-recorder';
import { collectEndpoints } from './http/endpoint';
import { PortalMetrics } from './http/http-metrics';
import { ProblemFilter } from './http/problem-filter';
import { DEFAULT_RATE_LIMIT, TokenBucketRateLimiter } from './http/rate-limit';
import type { RateLimiter, TokenBucketOptions } from './http/rate-limit';
import { RateLimitGuard } from './http/rate-limit-guard';
import { SharedRateLimiter } from './http/shared-rate-limit';
import { ValidationGuard } from './http/validation-guard';
import { cachingVerifier } from './http/verifier-cache';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { Portal } from './portal';
import type { PortalDeps } from './portal';

export const PORTAL_API_VERSION = '1.0.0';

export interface PortalApiOptions {
  running: RunningHub;
  /** 8081 when `interline start` runs it; 0 (any free port) in tests. */
  port: number;
  host?: string;
  logger?: Logger;
  /** A token bucket per client (defaults: burst 200, 100/s), or another limiter. */
  rateLimit?: TokenBucketOptions | RateLimiter;
  bodyLimits?: Partial<BodyLimits>;
  /** The tracking read cache; default: see `sharedCache`. */
  cache?: Cache;
  /**
   * Where the rate limit buckets and the tracking cache live when several portal processes must
   * share them; default `running.cache`. A Redis cache is used for both; a memory cache means one
   * process, and the portal's own bounded in-memory bucket and cache serve instead.
   */
  sharedCache?: HubCache;
  /** How flights first seen in a flight.schedule-updated event (SSIM) are sold: rate, capacity by aircraft type. */
  schedules?: ScheduleDefaults;
  /** Tuning of the background workers (tests shorten intervals). */
  workers?: Pick<PortalDeps, 'relay' | 'holdMs' | 'sweeper' | 'supervisor' | 'bookingBatches'>;
}

export interface RunningPortalApi {
  url: string;
  app: NestFastifyApplication;
  portal: Portal;
  stop(): Promise<void>;
}

function verifierFor(running: RunningHub): TokenVerifier {
  const { auth, dataDir } = running.config;
  if (auth.jwksUrl) {
    if (!auth.issuer) throw new ConfigError('auth.jwksUrl is set but auth.issuer is not; set auth.issuer in interline.yaml to the token issuer the JWKS belongs to');
    return jwksVerifier({ jwksUrl: auth.jwksUrl, issuer: auth.issuer, ...(auth.audience ? { audience: auth.audience } : {}) });
  }
  return localVerifier(ensureLocalSigningKey(dataDir));
}

function limiterFor(option: PortalApiOptions['rateLimit'], shared: HubCache, logger: Logger): RateLimiter {
  if (option && 'take' in option) return option;
  const spec = option ?? DEFAULT_RATE_LIMIT;
  return shared.kind === 'redis' ? new SharedRateLimiter(shared, spec, logger) : new TokenBucketRateLimiter(spec);
}

function cacheFor(options: PortalApiOptions, shared: HubCache): Cache {
  if (options.cache) return options.cache;
  return shared.kind === 'redis' ? new SharedCache(shared) : new MemoryCache();
}

interface HookedInstance extends ParserHost {
  addHook(name: 'onResponse', hook: (request: { method: string; routeOptions: { url?: string } }, reply: { statusCode: number; elapsedTime: number }, done: () => void) => void): void;
}

export async function startPortalApi(options: PortalApiOptions): Promise<RunningPortalApi> {
  const { running } = options;
  const logger = options.logger ?? running.hub.logger.child({ component: 'portal-api' });
  const sql = running.hub.journal.sql;
  await migratePortal(sql);
  const metrics = new PortalMetrics();
  const shared = options.sharedCache ?? running.cache;
  const portal = new Portal({ hub: running.hub, sql, logger, metrics, cache: cacheFor(options, shared), ...(options.schedules ? { schedules: options.schedules } : {}), ...options.workers });
  portal.setOpenApiDocument(
    buildOpenApiDocument(collectEndpoints(CONTROLLERS), {
      title: 'Interline portal API',
      version: PORTAL_API_VERSION,
      description: 'REST API for the customer portal and apps: customers, cargo bookings, tracking, flights and capacity, customs, payments, partner files, messages. Errors are RFC 9457 problem documents.',
    }),
  );
  const limits: BodyLimits = { ...DEFAULT_BODY_LIMITS, ...options.bodyLimits };
  const adapter = new FastifyAdapter({ bodyLimit: Math.max(limits.jsonBytes, limits.fileBytes), logger: false });
  const app = await NestFactory.create<NestFastifyApplication>(createAppModule(portal), adapter, { logger: false, bodyParser: false, abortOnError: false });
  const instance = app.getHttpAdapter().getInstance() as unknown as HookedInstance;
  registerBodyParsers(instance, limits);
  instance.addHook('onResponse', (request, reply, done) => {
    metrics.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  app.useGlobalGuards(new AuthGuard(cachingVerifier(verifierFor(running))), new RateLimitGuard(limiterFor(options.rateLimit, shared, logger)), new ValidationGuard());
  app.useGlobalFilters(new ProblemFilter(logger, limits));
  const host = options.host ?? running.config.server.host;
  try {
    await app.listen(options.port, host);
  } catch (error) {
    await app.close();
    if ((error as { code?: string }).code === 'EADDRINUSE') throw new ConfigError(`portal API port ${options.port} on ${host} is in use; stop what holds it or choose another port`);
    throw error;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  portal.start();
  logger.info({ url }, `portal API listening on ${url} (docs at ${url}/docs)`);
  let stopped = false;
  return {
    url,
    app,
    portal,
    async stop() {
      if (stopped) return;
      stopped = true;
      // HTTP first: requests under way finish (their booking batches commit and hand their events
      // to the relay), then the workers stop, the relay after publishing what it was handed.
      await app.close();
      await portal.stop();
    },
  };
}
