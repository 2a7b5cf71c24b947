// RFC 6902 JSON Patch over RFC 6901 pointers, for fixing a dead letter's payload before replay:
// all or nothing, never mutating the input, and every error names the operation, its path and the fix.
import { MalformedInputError } from '../errors';

export type JsonPatchOperation =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'move'; from: string; path: string }
  | { op: 'copy'; from: string; path: string }
  | { op: 'test'; path: string; value: unknown };

const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'] as const;

export class JsonPatchError extends MalformedInputError {
  /** Index of the failing operation in the patch array (from 0); undefined when the patch itself is not an array. */
  readonly operationIndex: number | undefined;
  constructor(message: string, operationIndex: number | undefined, details: Record<string, unknown> = {}) {
    super(message, { ...details, ...(operationIndex !== undefined ? { operation: operationIndex } : {}) });
    this.operationIndex = operationIndex;
  }
}

type Container = unknown[] | Record<string, unknown>;

/**
 * The document with the patch applied. The input is not touched: the patch runs on a copy, and
 * the first failing operation throws, so a patch either applies entirely or not at all.
 */
export function applyJsonPatch(document: unknown, patch: unknown): unknown {
  const operations = validatePatch(patch);
  let working: { value: unknown };
  try {
    working = { value: document === undefined ? undefined : structuredClone(document) };
  } catch (error) {
    throw new JsonPatchError(`the document cannot be patched: it is not plain JSON (${(error as Error).message})`, undefined);
  }
  operations.forEach((operation, index) => applyOperation(working, operation, new Place(index, operation)));
  return working.value;
}

/** RFC 6901: "" is the whole document, otherwise "/"-separated tokens with ~1 for "/" and ~0 for "~". */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`'${pointer}' is not a JSON pointer: it must be "" or start with '/'`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => {
      if (/~[^01]|~$/.test(token)) throw new Error(`'${pointer}' is not a JSON pointer: '~' must be followed by 0 (for ~) or 1 (for /)`);
      return token.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

function toPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Names the operation in every message: "patch operation 2 (replace /data/weight): …". */
class Place {
  constructor(
    readonly index: number,
    readonly operation: JsonPatchOperation,
  ) {}
  fail(reason: string): JsonPatchError {
    const { op, path } = this.operation;
    const target = 'from' in this.operation ? `${op} ${this.operation.from} → ${path}` : `${op} ${path === '' ? '""' : path}`;
    return new JsonPatchError(`patch operation ${this.index} (${target}): ${reason}`, this.index, { op, path });
  }
}

function validatePatch(patch: unknown): JsonPatchOperation[] {
  if (!Array.isArray(patch)) {
    throw new JsonPatchError(`a JSON Patch is an array of operations such as [{ "op": "replace", "path": "/data/weight", "value": 12 }] (got ${kindOf(patch)})`, undefined);
  }
  return patch.map((raw: unknown, index) => {
    const fail = (reason: string) => new JsonPatchError(`patch operation ${index}: ${reason}`, index);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw fail(`must be an object with "op" and "path" (got ${kindOf(raw)})`);
    const candidate = raw as Record<string, unknown>;
    const op = candidate.op;
    if (typeof op !== 'string' || !(OPS as readonly string[]).includes(op)) {
      throw fail(`${op === undefined ? 'is missing "op"' : `unknown op ${JSON.stringify(op)}`} (expected one of ${OPS.join(', ')})`);
    }
    const checkPointer = (member: 'path' | 'from') => {
      const value = candidate[member];
      if (typeof value !== 'string') throw fail(`${op} needs "${member}" as a JSON pointer string such as "/data/weight" (got ${kindOf(value)})`);
      try {
        parseJsonPointer(value);
      } catch (error) {
        throw fail(`"${member}": ${(error as Error).message}`);
      }
    };
    checkPointer('path');
    if (op === 'move' || op === 'copy') checkPointer('from');
    // "value": null is a value; only an absent member is missing.
    if ((op === 'add' || op === 'replace' || op === 'test') && !Object.hasOwn(candidate, 'value')) {
      throw fail(`${op} ${String(candidate.path)} needs a "value"`);
    }
    return candidate as unknown as JsonPatchOperation;
  });
}

function applyOperation(working: { value: unknown }, operation: JsonPatchOperation, place: Place): void {
  const path = parseJsonPointer(operation.path);
  switch (operation.op) {
    case 'add':
      add(working, path, structuredClone(operation.value), place);
      return;
    case 'remove':
      remove(working, path, place, 'path does not exist, so there is nothing to remove');
      return;
    case 'replace':
      if (path.length === 0) {
        working.value = structuredClone(operation.value);
        return;
      }
      if (!lookup(working.value, path).found) throw place.fail("path does not exist; use 'add' to create it");
      setMember(containerOf(working, path, place), path[path.length - 1] ?? '', structuredClone(operation.value));
      return;
    case 'move': {
      const from = parseJsonPointer(operation.from);
      const found = lookup(working.value, from);
      if (!found.found) throw place.fail(`"from" ${operation.from} does not exist (${found.why})`);
      if (from.length < path.length && from.every((token, i) => token === path[i])) {
        throw place.fail('cannot move a value into one of its own children');
      }
      if (from.length === path.length && from.every((token, i) => token === path[i])) return;
      remove(working, from, place, '"from" does not exist');
      add(working, path, found.value, place);
      return;
    }
    case 'copy': {
      const found = lookup(working.value, parseJsonPointer(operation.from));
      if (!found.found) throw place.fail(`"from" ${operation.from} does not exist (${found.why})`);
      add(working, path, structuredClone(found.value), place);
      return;
    }
    case 'test': {
      const found = lookup(working.value, path);
      if (!found.found) throw place.fail(`test failed: path does not exist (${found.why})`);
      if (!jsonEqual(found.value, operation.value)) {
        throw place.fail(`test failed: value is ${show(found.value)}, expected ${show(operation.value)}`);
      }
      return;
    }
  }
}

function add(working: { value: unknown }, path: string[], value: unknown, place: Place): void {
  if (path.length === 0) {
    working.value = value;
    return;
  }
  const container = containerOf(working, path, place);
  const token = path[path.length - 1] ?? '';
  if (Array.isArray(container)) {
    if (token === '-') {
      container.push(value);
      return;
    }
    const index = arrayIndex(token);
    if (index === undefined) throw place.fail(`'${token}' is not an array index (use digits without leading zeros, or '-' to append)`);
    if (index > container.length) throw place.fail(`index ${index} is past the end of an array of ${container.length} items; use '-' to append`);
    container.splice(index, 0, value);
    return;
  }
  setMember(container, token, value);
}

function remove(working: { value: unknown }, path: string[], place: Place, missing: string): void {
  if (path.length === 0) throw place.fail("cannot remove the whole document; use 'replace' with path \"\" to change it");
  const found = lookup(working.value, path);
  if (!found.found) throw place.fail(`${missing} (${found.why})`);
  const container = containerOf(working, path, place);
  const token = path[path.length - 1] ?? '';
  if (Array.isArray(container)) container.splice(arrayIndex(token) ?? 0, 1);
  else delete container[token];
}

/** The object or array that holds the last token of `path`, which must exist. */
function containerOf(working: { value: unknown }, path: string[], place: Place): Container {
  const parentPath = path.slice(0, -1);
  const parent = lookup(working.value, parentPath);
  if (!parent.found) throw place.fail(`parent ${toPointer(parentPath)} does not exist (${parent.why}); add the parent first`);
  if (!isContainer(parent.value)) {
    const where = parentPath.length === 0 ? 'the document' : toPointer(parentPath);
    throw place.fail(`${where} is ${kindOf(parent.value)}, not an object or array, so it has no member '${path[path.length - 1] ?? ''}'`);
  }
  return parent.value;
}

type Lookup = { found: true; value: unknown } | { found: false; why: string };

function lookup(root: unknown, path: readonly string[]): Lookup {
  let current = root;
  for (let i = 0; i < path.length; i++) {
    const token = path[i] ?? '';
    const here = toPointer(path.slice(0, i + 1));
    if (Array.isArray(current)) {
      const index = arrayIndex(token);
      if (token === '-') return { found: false, why: `'-' means after the last item and only works with 'add'` };
      if (index === undefined) return { found: false, why: `'${token}' in ${here} is not an array index` };
      if (index >= current.length) return { found: false, why: `${here} is past the end of an array of ${current.length} items` };
      current = current[index];
    } else if (isContainer(current)) {
      if (!Object.hasOwn(current, token)) return { found: false, why: `no member '${token}' at ${toPointer(path.slice(0, i)) || 'the root'}` };
      current = (current as Record<string, unknown>)[token];
    } else {
      return { found: false, why: `${toPointer(path.slice(0, i)) || 'the document'} is ${kindOf(current)}` };
    }
  }
  return { found: true, value: current };
}

function setMember(container: Container, token: string, value: unknown): void {
  if (Array.isArray(container)) {
    container[arrayIndex(token) ?? 0] = value;
    return;
  }
  // defineProperty, not assignment: a member named "__proto__" must stay data, not swap the prototype.
  Object.defineProperty(container, token, { value, writable: true, enumerable: true, configurable: true });
}

function arrayIndex(token: string): number | undefined {
  return /^(0|[1-9][0-9]*)$/.test(token) ? Number(token) : undefined;
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** RFC 6902 §4.6 equality: same type, arrays in order, objects regardless of member order. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isContainer(a) && isContainer(b)) {
    const aKeys = Object.keys(a);
    const bRecord = b as Record<string, unknown>;
    return aKeys.length === Object.keys(b).length && aKeys.every((key) => Object.hasOwn(b, key) && jsonEqual((a as Record<string, unknown>)[key], bRecord[key]));
  }
  return false;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}${typeof value === 'object' ? '' : ` (${show(value)})`}`;
}

function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
