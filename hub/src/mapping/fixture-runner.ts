// Runs mappings against their fixture cases (input → expected output or expected error), and
// captures new cases — e.g. from a dead letter — into the `.cases.json` beside the mapping.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Type } from '@sinclair/typebox';
import { ConfigError, formatIssue } from '../errors';
import { check } from '../validation';
import { diffJson } from './json-diff';
import type { JsonDifference } from './json-diff';
import type { MappingCase, MappingContext } from './mapping';
import type { MappingRegistry } from './registry';

export interface CaseResult {
  mapping: string;
  /** The case's name. */
  case: string;
  passed: boolean;
  diff?: JsonDifference[];
  /** Why the case failed when it is not (only) a difference: an unexpected throw, a missing throw, a bad case. */
  error?: string;
}

export interface RunCasesOptions {
  /** Only this mapping; otherwise every registered mapping, in id order. */
  mappingId?: string;
  casesFor(mappingId: string): readonly MappingCase[] | Promise<readonly MappingCase[]>;
}

// Fixed so that outputs derived from the envelope (ids, timestamps) are stable across runs.
const CASE_ENVELOPE: MappingContext['envelope'] = {
  id: 'case-message',
  type: 'mapping.case',
  tenant: 'default',
  correlationid: 'case-correlation',
  time: '2024-01-01T00:00:00.000Z',
};

export async function runMappingCases(registry: MappingRegistry, options: RunCasesOptions): Promise<CaseResult[]> {
  let ids: string[];
  if (options.mappingId !== undefined) {
    if (!registry.has(options.mappingId)) throw new ConfigError(`no mapping '${options.mappingId}' is registered; check the id (<connector>/<name>)`);
    ids = [options.mappingId];
  } else {
    ids = registry.list().map((mapping) => mapping.id);
  }
  const results: CaseResult[] = [];
  for (const id of ids) {
    for (const mappingCase of await options.casesFor(id)) results.push(await runCase(registry, id, mappingCase));
  }
  return results;
}

async function runCase(registry: MappingRegistry, mapping: string, mappingCase: MappingCase): Promise<CaseResult> {
  const result = { mapping, case: mappingCase.name };
  const expectsOutput = Object.hasOwn(mappingCase, 'expected');
  if (expectsOutput === (mappingCase.error !== undefined)) {
    return { ...result, passed: false, error: `the case needs exactly one of 'expected' (the output) or 'error' (text or /regex/ the error must match)` };
  }
  const ctx: MappingContext = { envelope: { ...CASE_ENVELOPE, id: `case:${mappingCase.name}`, ...mappingCase.envelope } };

  let output: unknown;
  try {
    // Compare what would go over the wire: Dates become strings, undefined fields disappear.
    output = toJson(await registry.run(mapping, mappingCase.input, ctx));
  } catch (error) {
    if (mappingCase.error === undefined) return { ...result, passed: false, error: `threw: ${messageOf(error)}` };
    const matcher = errorMatcher(mappingCase.error);
    if (typeof matcher === 'string') return { ...result, passed: false, error: matcher };
    // Match the original message too, so /^…/ patterns work despite the "mapping 'x' failed:" prefix.
    const messages = [messageOf(error), messageOf((error as { cause?: unknown }).cause)];
    if (messages.some((message) => matcher(message))) return { ...result, passed: true };
    return { ...result, passed: false, error: `expected an error matching ${JSON.stringify(mappingCase.error)}, got: ${messages[0]}` };
  }
  if (mappingCase.error !== undefined) {
    return { ...result, passed: false, error: `expected an error matching ${JSON.stringify(mappingCase.error)}, but the mapping returned ${JSON.stringify(output)}` };
  }
  const diff = diffJson(mappingCase.expected, output);
  return diff.length === 0 ? { ...result, passed: true } : { ...result, passed: false, diff };
}

/** A predicate over error messages, or a string explaining why the case's pattern is unusable. */
function errorMatcher(pattern: string): ((message: string) => boolean) | string {
  const regex = /^\/(.+)\/([dgimsuvy]*)$/s.exec(pattern);
  if (!regex) return (message) => message.includes(pattern);
  try {
    const compiled = new RegExp(regex[1] ?? '', regex[2]);
    return (message) => compiled.test(message);
  } catch (error) {
    return `the case's error pattern ${pattern} is not a valid regular expression: ${(error as Error).message}`;
  }
}

function toJson(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch (error) {
    throw new Error(`the output cannot be serialized as JSON: ${(error as Error).message}`, { cause: error });
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === undefined ? '' : String(error);
}

const CaseFileSchema = Type.Array(
  Type.Object({
    name: Type.String({ minLength: 1 }),
    input: Type.Unknown(),
    expected: Type.Optional(Type.Unknown()),
    error: Type.Optional(Type.String({ minLength: 1 })),
    envelope: Type.Optional(Type.Record(Type.String(), Type.String())),
  }),
);

const MAPPING_ID = /^[A-Za-z0-9_-]+\/[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/** `src/<connector>/<name>.cases.json` for a mapping id; refuses ids that could escape `src/`. */
export function casesFilePath(rootDir: string, mappingId: string): string {
  if (!MAPPING_ID.test(mappingId) || mappingId.includes('..')) {
    throw new ConfigError(`'${mappingId}' is not a mapping id; ids are <connector>/<name>, e.g. http/shipment-to-partner`);
  }
  return path.join(rootDir, 'src', `${mappingId}.cases.json`);
}

/** The cases beside a mapping; none when it has no `.cases.json`. */
export async function readMappingCases(rootDir: string, mappingId: string): Promise<MappingCase[]> {
  const file = casesFilePath(rootDir, mappingId);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`, { file }, { cause: error });
  }
  const result = check(CaseFileSchema, parsed);
  if (!result.ok) {
    throw new ConfigError(`${file} is not a list of cases ({ name, input, expected } or { name, input, error }): ${result.issues.map(formatIssue).join('; ')}`, { file });
  }
  const seen = new Set<string>();
  for (const mappingCase of result.value) {
    if (seen.has(mappingCase.name)) throw new ConfigError(`${file} has two cases named '${mappingCase.name}'; case names must be unique`, { file });
    seen.add(mappingCase.name);
  }
  return result.value as MappingCase[];
}

/**
 * Append a case to the mapping's `.cases.json` (created if missing). The write goes to a temp file
 * renamed over the original, so a crash never leaves half a file. Returns the file written.
 */
/**
 * Append a case to a mapping's .cases.json: with the expected output, or — for input the mapping
 * rightly refuses — `{ error }`, the text its error must contain.
 */
export async function captureCase(rootDir: string, mappingId: string, caseName: string, input: unknown, expected: unknown, options: { error?: string } = {}): Promise<string> {
  const file = casesFilePath(rootDir, mappingId);
  const [connector = '', name = ''] = mappingId.split('/');
  const dir = path.join(rootDir, 'src', connector);
  if (!existsSync(path.join(dir, `${name}.mapping.ts`)) && !existsSync(path.join(dir, `${name}.jsonata`))) {
    throw new ConfigError(`cannot capture a case for '${mappingId}': neither ${name}.mapping.ts nor ${name}.jsonata exists in ${dir}`);
  }
  if (caseName.trim().length === 0) throw new ConfigError(`cannot capture a case for '${mappingId}': the case needs a name`);
  if (expected === undefined && options.error === undefined) throw new ConfigError(`cannot capture case '${caseName}' for '${mappingId}': the expected output is missing`);

  const cases = await readMappingCases(rootDir, mappingId);
  if (cases.some((existing) => existing.name === caseName)) {
    throw new ConfigError(`case '${caseName}' already exists in ${file}; choose another name or edit the existing case`, { file });
  }
  cases.push(options.error !== undefined ? { name: caseName, input, error: options.error } : { name: caseName, input, expected });
  let text: string;
  try {
    text = `${JSON.stringify(cases, null, 2)}\n`;
  } catch (error) {
    throw new ConfigError(`cannot capture case '${caseName}' for '${mappingId}': ${(error as Error).message}`, {}, { cause: error });
  }
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return file;
}
