// Starts a real hub (in-memory PGlite journal, memory transport, ops server on a free port) for tests.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TObject } from '@sinclair/typebox';
import { issueLocalToken, loadConfig, silentLogger, startRuntime } from '../../src';
import type { ConnectorDefinition, RunningHub } from '../../src';

export interface TestHubOptions {
  routes: string;
  connectors: Record<string, ConnectorDefinition<TObject, unknown>>;
  config?: string;
  /** Reuse a data folder (restart tests); a new temp folder otherwise. */
  dir?: string;
  persistentJournal?: boolean;
  /** A postgres:// URL: run the journal on PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  mappings?: Record<string, string>;
}

export interface TestHub extends RunningHub {
  dir: string;
  token(role?: 'admin' | 'support' | 'customer'): Promise<string>;
}

export async function startTestHub(options: TestHubOptions): Promise<TestHub> {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'interline-hub-'));
  mkdirSync(path.join(dir, 'routes'), { recursive: true });
  writeFileSync(path.join(dir, 'routes', 'test.yaml'), options.routes);
  for (const [file, text] of Object.entries(options.mappings ?? {})) {
    mkdirSync(path.dirname(path.join(dir, 'mappings', 'src', file)), { recursive: true });
    writeFileSync(path.join(dir, 'mappings', 'src', file), text);
  }
  const connectorNames = Object.keys(options.connectors);
  writeFileSync(
    path.join(dir, 'interline.yaml'),
    options.config ??
      ['server: { host: 127.0.0.1, port: 0 }', 'connectors:', ...connectorNames.map((name) => `  ${name}: { use: ${name} }`)].join('\n'),
  );
  const config = loadConfig({ file: path.join(dir, 'interline.yaml'), env: options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {} });
  const running = await startRuntime(config, {
    logger: silentLogger(),
    inMemoryJournal: !options.persistentJournal && !options.databaseUrl,
    resolveConnector: (use) => {
      const definition = options.connectors[use];
      if (!definition) throw new Error(`test hub has no connector '${use}'`);
      return definition;
    },
  });
  return {
    ...running,
    dir,
    token: (role = 'admin') => issueLocalToken({ dataDir: config.dataDir, role, subject: `test:${role}` }),
  };
}

/** Poll until `check` returns a truthy value or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
