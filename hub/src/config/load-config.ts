// Reads interline.yaml, applies the environment on top, and fails with file:line and the fix.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { ConfigError } from '../errors';
import { check } from '../validation';
import { ConfigSchema } from './config-schema';
import type { ConfigFile, HubConfig } from './config-schema';

const ENV_REFERENCE = /\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g;

/** `${NAME}` and `${NAME:-default}` in string values; `NAME_FILE` wins over `NAME` (container secrets). */
function interpolate(value: unknown, env: NodeJS.ProcessEnv, where: string): unknown {
  if (typeof value === 'string') {
    return value.replace(ENV_REFERENCE, (_, name: string, fallback: string | undefined) => {
      const fromFile = env[`${name}_FILE`];
      if (fromFile) return readFileSync(fromFile, 'utf8').trim();
      const found = env[name] ?? fallback;
      if (found === undefined) throw new ConfigError(`${where}: environment variable ${name} is not set; set it or give a default as \${${name}:-value}`);
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, env, `${where}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env, `${where}.${k}`)]));
  }
  return value;
}

export function loadConfig(options: { file?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): HubConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = options.file ?? env.INTERLINE_CONFIG ?? path.join(cwd, 'interline.yaml');
  const explicit = Boolean(options.file ?? env.INTERLINE_CONFIG);
  let parsed: ConfigFile = {};
  let resolvedFile: string | null = null;
  if (existsSync(file)) {
    resolvedFile = path.resolve(file);
    const text = readFileSync(file, 'utf8');
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false });
    const syntax = doc.errors[0];
    if (syntax) {
      const pos = lineCounter.linePos(syntax.pos[0]);
      throw new ConfigError(`${file}:${pos.line}:${pos.col}: ${syntax.message.split('\n')[0]}`);
    }
    const raw = (doc.toJS() ?? {}) as unknown;
    const result = check(ConfigSchema, raw);
    if (!result.ok) {
      const issue = result.issues[0];
      const keys = (issue?.path ?? '').split('/').filter(Boolean);
      const node = doc.getIn(keys, true);
      const parentNode = doc.getIn(keys.slice(0, -1), true);
      const anchor = isNode(node) ? node : isNode(parentNode) ? parentNode : undefined;
      const pos = anchor?.range ? lineCounter.linePos(anchor.range[0]) : { line: 1, col: 1 };
      throw new ConfigError(`${file}:${pos.line}:${pos.col}: ${keys.join('.') || '(top level)'} ${issue?.message ?? 'is invalid'} (rule: ${issue?.rule})`);
    }
    parsed = interpolate(result.value, env, path.basename(file)) as ConfigFile;
  } else if (explicit) {
    throw new ConfigError(`configuration file ${file} does not exist; create it or unset INTERLINE_CONFIG`);
  }
  const baseDir = resolvedFile ? path.dirname(resolvedFile) : cwd;
  const port = env.INTERLINE_PORT !== undefined ? Number(env.INTERLINE_PORT) : (parsed.server?.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`INTERLINE_PORT '${env.INTERLINE_PORT}' is not a port number (0–65535)`);
  const role = env.INTERLINE_ROLE ?? parsed.runtime?.role ?? 'all';
  if (role !== 'all' && role !== 'api' && role !== 'worker') throw new ConfigError(`INTERLINE_ROLE '${role}' must be all, api or worker`);
  const auth: HubConfig['auth'] = { ...parsed.auth };
  if (env.INTERLINE_JWKS_URL) auth.jwksUrl = env.INTERLINE_JWKS_URL;
  const dataDir = path.resolve(baseDir, env.INTERLINE_DATA_DIR ?? parsed.runtime?.dataDir ?? '.interline');
  return {
    file: resolvedFile,
    baseDir,
    dataDir,
    transport: env.INTERLINE_TRANSPORT ?? parsed.runtime?.transport ?? 'memory',
    journal: env.DATABASE_URL ?? parsed.runtime?.journal ?? 'pglite',
    cache: env.REDIS_URL ?? parsed.runtime?.cache ?? 'memory',
    role,
    sweep: { intervalMs: parsed.runtime?.sweepIntervalMs ?? 30_000, staleAfterMs: parsed.runtime?.staleDeliveryMs ?? 5 * 60_000 },
    server: {
      host: env.INTERLINE_HOST ?? parsed.server?.host ?? '127.0.0.1',
      port,
      bodyLimitBytes: parsed.server?.bodyLimitBytes ?? 1024 * 1024,
    },
    auth,
    routesDir: path.resolve(baseDir, parsed.routes ?? 'routes'),
    files: {
      root: path.resolve(baseDir, parsed.files?.root ?? path.join(dataDir, 'exchange')),
      pollIntervalMs: parsed.files?.pollIntervalMs ?? 1000,
      settleMs: parsed.files?.settleMs ?? 2000,
      ...(parsed.files?.partners ? { partners: parsed.files.partners.map((p) => (p.root ? { ...p, root: path.resolve(baseDir, p.root) } : p)) } : {}),
    },
    mappingsDir: path.resolve(baseDir, parsed.mappings ?? 'mappings'),
    logLevel: env.INTERLINE_LOG_LEVEL ?? parsed.logLevel ?? 'info',
    connectors: parsed.connectors ?? {},
    portal: parsed.portal ?? {},
  };
}
