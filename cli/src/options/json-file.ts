// JSON files named on the command line (patches, event data): a bad file is one line that
// says which file, where in it, and what is wrong.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CliError } from '../errors';
import type { JsonPatchOperation } from '../api/types';

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/** JSON.parse's complaint without its own location suffix, plus our line/column/position. */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  const reason = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+/, '')
    .replace(/^JSON\.parse: /, '')
    .trim();
  if (match) {
    const position = Number(match[1]);
    const { line, column } = lineAndColumn(text, position);
    return `invalid JSON at line ${line}, column ${column} (position ${position}): ${reason}`;
  }
  if (/end of (JSON )?input/i.test(message)) {
    const { line, column } = lineAndColumn(text, text.length);
    return `invalid JSON at line ${line}, column ${column} (position ${text.length}, the end): ${reason}`;
  }
  return `invalid JSON: ${reason}`;
}

export function readJsonFile(cwd: string, file: string, what: string): unknown {
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new CliError(`cannot read ${what} ${file} (${why}); check the path`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new CliError(`${what} ${file} has ${describeJsonError(text, error)}; fix the file and retry`);
  }
}

const PATCH_OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);
const EXAMPLE = '[{"op":"replace","path":"/data/weight","value":12.5}]';

/** Check the shape of an RFC 6902 patch; applying it is the hub's job. */
export function checkJsonPatch(value: unknown, file: string): JsonPatchOperation[] {
  if (!Array.isArray(value)) throw new CliError(`patch file ${file} is not a JSON Patch: expected an array of operations such as ${EXAMPLE}`);
  if (value.length === 0) throw new CliError(`patch file ${file} is an empty JSON Patch; add at least one operation such as ${EXAMPLE}`);
  value.forEach((op: unknown, index) => {
    const where = `patch file ${file}, operation ${index}`;
    if (typeof op !== 'object' || op === null || Array.isArray(op)) throw new CliError(`${where} is not an object; expected e.g. ${EXAMPLE}`);
    const { op: name, path: pointer, from } = op as Record<string, unknown>;
    if (typeof name !== 'string' || !PATCH_OPS.has(name)) {
      throw new CliError(`${where}: "op" must be one of ${[...PATCH_OPS].join(', ')} (got ${JSON.stringify(name) ?? 'nothing'})`);
    }
    if (typeof pointer !== 'string' || (pointer !== '' && !pointer.startsWith('/'))) {
      throw new CliError(`${where}: "path" must be a JSON Pointer such as "/data/weight" (got ${JSON.stringify(pointer) ?? 'nothing'})`);
    }
    if ((name === 'add' || name === 'replace' || name === 'test') && !('value' in op)) throw new CliError(`${where}: "${name}" needs a "value"`);
    if ((name === 'move' || name === 'copy') && (typeof from !== 'string' || (from !== '' && !from.startsWith('/')))) {
      throw new CliError(`${where}: "${name}" needs "from", a JSON Pointer such as "/data/old"`);
    }
  });
  return value as JsonPatchOperation[];
}
