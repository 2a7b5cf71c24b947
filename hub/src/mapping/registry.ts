// Every mapping by id — TypeScript modules, JSONata files and programmatic ones — run so that any
// failure comes back naming the mapping; `loadMappings` fills it from the mappings workspace.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { CircuitOpenError, ConfigError, HubError, MappingError, TimeoutError, TransientError } from '../errors';
import { compileJsonata, JsonataSyntaxError } from './jsonata-limits';
import type { JsonataLimits } from './jsonata-limits';
import type { Mapping, MappingContext } from './mapping';

export type MappingKind = 'typescript' | 'jsonata' | 'programmatic';

export interface MappingEntry {
  mapping: Mapping;
  kind: MappingKind;
  /** The file it was loaded from (the .ts source or the compiled .js, or the .jsonata file). */
  file?: string;
}

export class MappingRegistry {
  private readonly entries = new Map<string, MappingEntry>();

  /** Add a mapping; a second mapping with the same id is a configuration error, not an override. */
  register(mapping: Mapping, origin: { kind?: MappingKind; file?: string } = {}): this {
    if (!isMapping(mapping)) {
      throw new ConfigError(`not a mapping${origin.file ? ` (${origin.file})` : ''}: expected { id, from, to, map(input, ctx) }`);
    }
    const existing = this.entries.get(mapping.id);
    if (existing) {
      const where = (entry: { file?: string }) => entry.file ?? 'registered in code';
      throw new ConfigError(`mapping '${mapping.id}' is defined twice: ${where(existing)} and ${where(origin)}; keep one`, { mapping: mapping.id });
    }
    this.entries.set(mapping.id, { mapping, kind: origin.kind ?? 'programmatic', ...(origin.file ? { file: origin.file } : {}) });
    return this;
  }

  get(id: string): Mapping | undefined {
    return this.entries.get(id)?.mapping;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** All mappings, sorted by id. */
  list(): Mapping[] {
    return [...this.entries.values()].map((entry) => entry.mapping).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Where a mapping came from, for `interline mappings list` and error messages. */
  describe(id: string): MappingEntry | undefined {
    return this.entries.get(id);
  }

  /**
   * Run a mapping. Any throw becomes a MappingError naming the mapping and the original message,
   * except retryable hub errors (a binding lookup hitting a briefly unavailable journal), which keep
   * their class — with the mapping named — so the message is retried instead of dead-lettered.
   */
  async run(id: string, input: unknown, ctx: MappingContext): Promise<unknown> {
    const entry = this.entries.get(id);
    if (!entry) {
      throw new MappingError(`mapping '${id}' is not registered; add mappings/src/${id}.mapping.ts (or .jsonata) and run \`npm run build\``, { mapping: id });
    }
    let output: unknown;
    try {
      output = await entry.mapping.map(input, ctx);
    } catch (error) {
      throw wrapFailure(id, error);
    }
    if (output === undefined) {
      const why = entry.kind === 'jsonata' ? ' (a JSONata mapping yields nothing when its paths match nothing in the input)' : '';
      throw new MappingError(`mapping '${id}' returned undefined${why}; a mapping must return its output (null for an explicitly empty one)`, { mapping: id });
    }
    return output;
  }
}

function wrapFailure(id: string, error: unknown): HubError {
  const message = `mapping '${id}' failed: ${messageOf(error)}`;
  const details = { mapping: id, ...(error instanceof HubError ? error.details : {}) };
  if (error instanceof TransientError) return new TransientError(message, details, { cause: error, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) });
  if (error instanceof TimeoutError) return new TimeoutError(message, details, { cause: error });
  if (error instanceof CircuitOpenError) return new CircuitOpenError(message, details, { cause: error });
  return new MappingError(message, details, { cause: error });
}

function messageOf(error: unknown): string {
  if (error instanceof HubError) return error.message;
  if (error instanceof Error) return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
  return String(error);
}

function isMapping(value: unknown): value is Mapping {
  const candidate = value as Partial<Mapping> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.id === 'string' &&
    candidate.id.length > 0 &&
    typeof candidate.from === 'string' &&
    typeof candidate.to === 'string' &&
    typeof candidate.map === 'function'
  );
}

export interface LoadMappingsOptions {
  /**
   * Load TypeScript mappings from `src/**.mapping.ts` instead of `dist/**.mapping.js`; only works in a
   * process that can require .ts (jest, a TS loader). Also on with INTERLINE_MAPPINGS_FROM_SOURCE=1.
   */
  source?: boolean;
  /** Add to this registry (e.g. one holding connector-provided mappings) instead of a new one. */
  registry?: MappingRegistry;
  /** Limits for JSONata mappings. */
  limits?: Partial<JsonataLimits>;
}

const TS_SUFFIX = '.mapping.ts';
const JSONATA_SUFFIX = '.jsonata';

/**
 * Load a mappings workspace: `src/<connector>/<name>.mapping.ts` (run from `dist/<connector>/<name>.mapping.js`)
 * and `src/<connector>/<name>.jsonata`, each with id `<connector>/<name>`. Every problem is collected
 * into one ConfigError so a broken workspace is fixed in one pass. `null` loads nothing.
 */
export async function loadMappings(rootDir: string | null, options: LoadMappingsOptions = {}): Promise<MappingRegistry> {
  const registry = options.registry ?? new MappingRegistry();
  // null: this deployment has no mappings workspace; programmatic mappings may still be registered.
  if (rootDir === null) return registry;
  const fromSource = options.source ?? process.env.INTERLINE_MAPPINGS_FROM_SOURCE === '1';
  const srcDir = path.join(rootDir, 'src');
  let connectors: string[];
  try {
    connectors = (await readdir(srcDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch (error) {
    throw new ConfigError(`mappings workspace ${rootDir} has no readable src/ folder: ${(error as Error).message}`, { rootDir }, { cause: error });
  }

  const problems: string[] = [];
  for (const connector of connectors) {
    const files = (await readdir(path.join(srcDir, connector))).sort();
    for (const file of files) {
      const name = file.endsWith(TS_SUFFIX) ? file.slice(0, -TS_SUFFIX.length) : file.endsWith(JSONATA_SUFFIX) ? file.slice(0, -JSONATA_SUFFIX.length) : undefined;
      if (name === undefined) continue;
      const id = `${connector}/${name}`;
      const sourceFile = path.join(srcDir, connector, file);
      try {
        if (file.endsWith(TS_SUFFIX)) {
          const loaded = fromSource ? sourceFile : path.join(rootDir, 'dist', connector, `${name}.mapping.js`);
          registry.register(loadModuleMapping(id, loaded, sourceFile, fromSource), { kind: 'typescript', file: loaded });
        } else {
          registry.register(await loadJsonataMapping(id, sourceFile, options.limits), { kind: 'jsonata', file: sourceFile });
        }
      } catch (error) {
        problems.push(error instanceof HubError ? error.message : `mapping '${id}' (${sourceFile}): ${(error as Error).message}`);
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'), { problems });
  return registry;
}

function loadModuleMapping(id: string, file: string, sourceFile: string, fromSource: boolean): Mapping {
  if (!fromSource && !existsSync(file)) {
    throw new ConfigError(`mapping '${id}' is not built: run \`npm run build\` (expected ${file} from ${sourceFile})`, { mapping: id });
  }
  let loaded: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- mapping modules are found at run time
    loaded = require(file);
  } catch (error) {
    const hint = fromSource && error instanceof SyntaxError
      ? '; this process cannot load TypeScript source: run `npm run build` and load from dist, or use a TS-aware runner'
      : '';
    throw new ConfigError(`mapping '${id}' cannot be loaded from ${file}: ${messageOf(error)}${hint}`, { mapping: id }, { cause: error });
  }
  const exported = (loaded as { default?: unknown } | null)?.default ?? loaded;
  if (!isMapping(exported)) {
    throw new ConfigError(`mapping module ${sourceFile} must \`export default defineMapping({ id: '${id}', from, to, map })\``, { mapping: id });
  }
  if (exported.id !== id) {
    throw new ConfigError(`mapping module ${sourceFile} declares id '${exported.id}', but its path makes it '${id}'; set id: '${id}' (ids are <connector>/<name>)`, { mapping: id });
  }
  return exported;
}

async function loadJsonataMapping(id: string, file: string, limits: Partial<JsonataLimits> | undefined): Promise<Mapping> {
  const text = await readFile(file, 'utf8');
  let expression;
  try {
    expression = compileJsonata(text, { name: `mapping '${id}'`, ...(limits ? { limits } : {}) });
  } catch (error) {
    if (!(error instanceof JsonataSyntaxError)) throw error;
    const { line, col } = lineAndColumn(text, error.position);
    throw new ConfigError(`${file}:${line}:${col}: ${error.message}`, { mapping: id }, { cause: error });
  }
  const header = parseJsonataHeader(text);
  return {
    id,
    from: header.from ?? 'unspecified',
    to: header.to ?? 'unspecified',
    ...(header.description !== undefined ? { description: header.description } : {}),
    async map(input: unknown, ctx: MappingContext): Promise<unknown> {
      const output = await expression.evaluate(input, { envelope: ctx.envelope, ...(ctx.binding ? { binding: ctx.binding } : {}) });
      // JSONata returns its internal sequences (arrays with extra flags); deliver plain JSON.
      return output === undefined ? undefined : (JSON.parse(JSON.stringify(output)) as unknown);
    },
  };
}

/**
 * Metadata from a leading comment: `/* from: X to: Y description: any text *\/`, on one line or
 * several. `description` comes last and takes the rest, so it may itself contain "to:".
 */
export function parseJsonataHeader(text: string): { from?: string; to?: string; description?: string } {
  const match = /^\s*\/\*([\s\S]*?)\*\//.exec(text);
  if (!match) return {};
  const body = (match[1] ?? '').replace(/^[ \t]*\*[ \t]?/gm, '');
  const header: { from?: string; to?: string; description?: string } = {};
  const markers = [...body.matchAll(/(^|\s)(from|to|description):/g)];
  for (let i = 0; i < markers.length; i++) {
    const marker = markers[i];
    if (!marker || marker.index === undefined) continue;
    const key = marker[2] as 'from' | 'to' | 'description';
    const start = marker.index + marker[0].length;
    const end = key === 'description' ? body.length : (markers[i + 1]?.index ?? body.length);
    const value = body.slice(start, end).replace(/\s+/g, ' ').trim();
    if (header[key] === undefined && value.length > 0) header[key] = value;
    if (key === 'description') break;
  }
  return header;
}

function lineAndColumn(text: string, position: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, position - 1));
  const lines = before.split('\n');
  return { line: lines.length, col: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
