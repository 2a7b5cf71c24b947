// Starts a whole hub from configuration: journal, transport, routes, mappings, connectors,
// pollers and the ops server. `interline start` and the tests use this one function.
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { HubConfig } from '../config';
import { ConfigError } from '../errors';
import { createLogger } from '../observability/logger';
import type { Logger } from '../observability/logger';
import { Journal, PgliteClient, PostgresClient } from '../journal';
import type { SqlClient } from '../journal';
import { AmqpTransport, KafkaTransport, MemoryTransport } from '../transport';
import type { Transport } from '../transport';
import { loadRoutes, checkRouteReferences, RouteTable } from '../routing';
import type { Route } from '../routing';
import { loadMappings } from '../mapping';
import type { MappingRegistry } from '../mapping';
import { resolveFromPackages } from '../connector/connector-host';
import type { DefinitionResolver } from '../connector/connector-host';
import { Hub } from './hub';
import { Pollers } from './pollers';
import { seenMessagesIn } from './seen-messages';
import { pureStepServices } from './pure-step-services';
import { assertKnownEventType, eventTypeList } from './event-types';
import { buildOpsServer } from '../admin/ops-server';
import { ensureLocalSigningKey, jwksVerifier, localVerifier } from '../auth';
import { MemoryCache, RedisCache } from '../cache';
import type { Cache } from '../cache';

export interface RunningHub {
  hub: Hub;
  /** Read cache, rate limiter and locks: memory, or Redis when REDIS_URL is set. */
  cache: Cache;
  server: FastifyInstance;
  /** Base URL of the ops server (admin API, webhooks, health). */
  url: string;
  config: HubConfig;
  routes: Route[];
  mappings: MappingRegistry;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  resolveConnector?: DefinitionResolver;
  /** Extra folders to resolve connector packages from (after the config's folder), e.g. the CLI's install. */
  connectorSearchDirs?: string[];
  /** Use an in-memory journal (tests); otherwise config.journal decides. */
  inMemoryJournal?: boolean;
}

async function openJournal(config: HubConfig, inMemory: boolean): Promise<SqlClient> {
  if (inMemory || config.journal === 'memory') return PgliteClient.open();
  if (config.journal === 'pglite') return PgliteClient.open(path.join(config.dataDir, 'journal'));
  if (/^postgres(ql)?:\/\//.test(config.journal)) return PostgresClient.open({ url: config.journal });
  throw new ConfigError(`journal '${redactUrl(config.journal)}' is not understood; use 'pglite' (embedded) or a postgres:// URL (DATABASE_URL)`);
}

function openTransport(config: HubConfig, logger: Logger): Transport {
  if (config.transport === 'memory') return new MemoryTransport();
  if (/^amqps?:\/\//.test(config.transport)) return new AmqpTransport({ url: config.transport, logger });
  // node-rdkafka is optional: KafkaTransport loads it at connect and names the install command if absent.
  if (/^kafka:\/\//.test(config.transport)) return new KafkaTransport({ url: config.transport, logger });
  throw new ConfigError(`transport '${redactUrl(config.transport)}' is not understood; use 'memory', amqp://… or kafka://… (INTERLINE_TRANSPORT)`);
}

async function openCache(config: HubConfig): Promise<Cache> {
  if (config.cache === 'memory') return new MemoryCache();
  if (/^rediss?:\/\//.test(config.cache)) {
    // ?keyPrefix=… keeps several deployments (or test runs) apart on one Redis.
    const url = new URL(config.cache);
    const prefix = url.searchParams.get('keyPrefix');
    url.searchParams.delete('keyPrefix');
    return prefix ? RedisCache.open(url.toString(), prefix) : RedisCache.open(config.cache);
  }
  throw new ConfigError(`cache '${redactUrl(config.cache)}' is not understood; use 'memory' or a redis:// URL (REDIS_URL)`);
}

/** URLs carry passwords; error lines must not. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

export async function startRuntime(config: HubConfig, options: StartOptions = {}): Promise<RunningHub> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const routes = existsSync(config.routesDir) ? await loadRoutes(config.routesDir, { displayRoot: config.baseDir }) : [];
  const mappings = existsSync(config.mappingsDir) ? await loadMappings(config.mappingsDir) : await loadMappings(null);
  const transport = openTransport(config, logger);
  const cache = await openCache(config);
  const sql = await openJournal(config, options.inMemoryJournal ?? false);
  const journal = new Journal(sql);
  const hub = new Hub({
    journal,
    transport,
    routes,
    matcher: (list) => new RouteTable(list),
    pure: pureStepServices(mappings),
    assertKnownType: assertKnownEventType,
    connectors: config.connectors,
    resolveConnector: options.resolveConnector ?? resolveFromPackages(config.baseDir, ...(options.connectorSearchDirs ?? [])),
    // Shared across processes only on Redis; the memory cache would just grow beside the journal.
    ...(cache.kind === 'redis' ? { seen: seenMessagesIn(cache, logger) } : {}),
    cache,
    ...(config.server.port !== 0 ? { hubUrl: `http://${loopbackHost(config.server.host)}:${config.server.port}` } : {}),
    logger,
    role: config.role,
    sweep: config.sweep,
  });
  let server: FastifyInstance | undefined;
  const pollers = new Pollers(hub, cache.kind === 'redis' ? cache : undefined);
  try {
    await hub.start();
    for (const warning of checkRouteReferences(routes, {
      hasMapping: (id) => mappings.has(id),
      hasOperation: (connector, operation) => hub.connectors.hasOperation(connector, operation),
      hasSchema: (name) => pureStepServices(mappings).validate(name, 'test.ping', {}) !== 'unknown-schema',
    })) {
      logger.warn({ route: warning.route, file: warning.file, line: warning.line }, warning.message);
    }
    const verifier = config.auth.jwksUrl
      ? jwksVerifier({ jwksUrl: config.auth.jwksUrl, issuer: config.auth.issuer ?? '', ...(config.auth.audience ? { audience: config.auth.audience } : {}) })
      : localVerifier(ensureLocalSigningKey(config.dataDir));
    server = await buildOpsServer({
      hub,
      verifier,
      bodyLimitBytes: config.server.bodyLimitBytes,
      eventTypes: eventTypeList,
      readiness: [{ name: 'cache', check: async () => void (await cache.get('readyz')) }],
    });
    try {
      await server.listen({ host: config.server.host, port: config.server.port });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EADDRINUSE') throw new ConfigError(`port ${config.server.port} on ${config.server.host} is in use (another hub?); stop it or set INTERLINE_PORT`);
      throw error;
    }
    if (config.role !== 'api') pollers.start();
  } catch (error) {
    await server?.close();
    await hub.stop();
    await sql.close();
    await cache.close();
    throw error;
  }
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.server.port;
  const url = `http://${config.server.host}:${port}`;
  logger.info({ url, dataDir: config.dataDir, journal: config.journal, transport: config.transport }, `Interline hub listening on ${url}`);
  let stopped = false;
  const runningServer = server;
  return {
    hub,
    cache,
    server: runningServer,
    url,
    config,
    routes,
    mappings,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pollers.stop();
      await runningServer.close();
      await hub.stop();
      await sql.close();
      await cache.close();
    },
  };
}

/** A host the simulators on this machine can reach the ops server at. */
function loopbackHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
