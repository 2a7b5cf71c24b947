// Starts a real hub (PGlite in memory, or PostgreSQL) and the portal API beside it, on free ports,
// and gives tests tokens and a small JSON HTTP client.
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TObject } from '@sinclair/typebox';
import { createLogger, ensureLocalSigningKey, loadConfig, signLocalToken, silentLogger, startRuntime } from '@interline/hub';
import type { ConnectorDefinition, Role, RunningHub } from '@interline/hub';
import { startPortalApi } from '../../src';
import type { PortalApiOptions, RunningPortalApi } from '../../src';

export type ConnectorEntries = Record<string, { definition: ConnectorDefinition<TObject, unknown>; simulator?: boolean; config?: Record<string, unknown> }>;

const REPO_ROUTES = path.resolve(__dirname, '..', '..', '..', 'routes');

export interface HarnessOptions {
  /** Route files by name (written to the hub's routes folder). */
  routes?: Record<string, string>;
  /** Copy the repository's routes/portal-*.yaml into the hub's routes folder (through `rewrite`, when given). */
  portalRoutes?: boolean | { rewrite(text: string): string };
  /**
   * Connector instances: name → definition (resolved by `use: <name>`) and config. A function gets
   * the portal's URL and a service token first, for connectors that call the portal back.
   */
  connectors?: ConnectorEntries | ((portal: { url: string; token: string }) => ConnectorEntries);
  /** A postgres:// URL: the hub's journal (and so the portal's tables) on PostgreSQL. */
  databaseUrl?: string;
  /** A fixed portal port, when a connector's config must point at the portal before it starts. */
  portalPort?: number;
  portal?: Partial<Omit<PortalApiOptions, 'running' | 'port'>>;
}

export interface Harness {
  hub: RunningHub;
  api: RunningPortalApi;
  url: string;
  dir: string;
  token(role: Role | Role[], tenant?: string, options?: { subject?: string; ttlSeconds?: number }): Promise<string>;
  stop(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'interline-portal-'));
  mkdirSync(path.join(dir, 'routes'));
  for (const [file, text] of Object.entries(options.routes ?? {})) writeFileSync(path.join(dir, 'routes', file), text);
  if (options.portalRoutes) {
    const rewrite = typeof options.portalRoutes === 'object' ? options.portalRoutes.rewrite : undefined;
    for (const file of readdirSync(REPO_ROUTES).filter((f) => /^portal-.*\.ya?ml$/.test(f))) {
      if (rewrite) writeFileSync(path.join(dir, 'routes', file), rewrite(readFileSync(path.join(REPO_ROUTES, file), 'utf8')));
      else copyFileSync(path.join(REPO_ROUTES, file), path.join(dir, 'routes', file));
    }
  }
  // The hub's local signing key exists before the hub starts, so a service token can be in its config.
  const key = ensureLocalSigningKey(path.join(dir, '.interline'));
  const portalPort = options.portalPort ?? (typeof options.connectors === 'function' ? await freePort() : 0);
  const serviceToken = await signLocalToken(key, { role: 'admin', subject: 'service:hub', tenant: '*' });
  const connectors = typeof options.connectors === 'function' ? options.connectors({ url: `http://127.0.0.1:${portalPort}`, token: serviceToken }) : (options.connectors ?? {});
  const lines = ['server: { host: 127.0.0.1, port: 0 }', 'logLevel: silent', `mappings: ${JSON.stringify(path.join(dir, 'no-mappings'))}`, 'connectors:'];
  for (const [name, entry] of Object.entries(connectors)) {
    lines.push(`  ${name}:`, `    use: ${name}`);
    if (entry.simulator) lines.push('    simulator: true');
    if (entry.config) lines.push(`    config: ${JSON.stringify(entry.config)}`);
  }
  if (Object.keys(connectors).length === 0) lines.pop();
  writeFileSync(path.join(dir, 'interline.yaml'), `${lines.join('\n')}\n`);
  const config = loadConfig({ file: path.join(dir, 'interline.yaml'), env: options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {} });
  const hub = await startRuntime(config, {
    logger: silentLogger(),
    inMemoryJournal: !options.databaseUrl,
    resolveConnector: (use) => {
      const found = connectors[use];
      if (!found) throw new Error(`harness has no connector '${use}'`);
      return found.definition;
    },
  });
  let api: RunningPortalApi;
  try {
    // PORTAL_TEST_LOG=debug shows the portal's log (500s are logged, not answered, with their cause).
    const logger = process.env.PORTAL_TEST_LOG ? createLogger({ level: process.env.PORTAL_TEST_LOG }) : silentLogger();
    api = await startPortalApi({ running: hub, port: portalPort, logger, ...options.portal });
  } catch (error) {
    await hub.stop();
    throw error;
  }
  return {
    hub,
    api,
    url: api.url,
    dir,
    token: (role, tenant = 'acme', tokenOptions = {}) =>
      signLocalToken(key, { role, tenant, subject: tokenOptions.subject ?? `test:${Array.isArray(role) ? role.join('+') : role}:${tenant}`, ...(tokenOptions.ttlSeconds !== undefined ? { ttlSeconds: tokenOptions.ttlSeconds } : {}) }),
    async stop() {
      await api.stop();
      await hub.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A free TCP port on loopback (for configs that must name the portal's port before it starts). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Poll until `check` returns a truthy value or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined | false | null> | T | undefined | false | null, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
