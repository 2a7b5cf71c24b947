// JSON-2 takes named arguments only ({"ids": [...], "context": {...}, <name>: value}); this turns
// the execute_kw-style positional call the transport interface uses into that body, with the
// parameter names of Odoo's ORM signatures.
import { PermanentError } from '@interline/hub';

/** @api.model methods: no ids; positional args by these names. */
const MODEL_METHODS: Record<string, readonly string[]> = {
  search: ['domain', 'offset', 'limit', 'order'],
  search_read: ['domain', 'fields', 'offset', 'limit', 'order'],
  search_count: ['domain', 'limit'],
  create: ['vals_list'],
  fields_get: ['allfields', 'attributes'],
  name_search: ['name', 'domain', 'operator', 'limit'],
  default_get: ['fields_list'],
};

/** Record methods whose positional args after the ids have names; any other method takes only ids. */
const RECORD_METHODS: Record<string, readonly string[]> = {
  read: ['fields', 'load'],
  write: ['vals'],
  copy: ['default'],
};

export function isModelMethod(method: string): boolean {
  return Object.hasOwn(MODEL_METHODS, method);
}

export function json2Body(model: string, method: string, args: readonly unknown[], kwargs: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  let positional = [...args];
  const names = MODEL_METHODS[method] ?? RECORD_METHODS[method] ?? [];
  if (!isModelMethod(method)) {
    const [ids, ...rest] = positional;
    if (ids !== undefined) body.ids = typeof ids === 'number' ? [ids] : ids;
    positional = rest;
  }
  if (positional.length > names.length) {
    throw new PermanentError(
      `JSON-2 takes named arguments only: ${model}.${method} got ${positional.length} positional argument(s) after the ids that have no known name; pass them in kwargs`,
    );
  }
  positional.forEach((value, index) => {
    body[names[index] as string] = value;
  });
  for (const [name, value] of Object.entries(kwargs)) {
    if (value === undefined) continue;
    if (Object.hasOwn(body, name)) throw new PermanentError(`${model}.${method}: argument "${name}" is given both by position and by name`);
    body[name] = value;
  }
  return body;
}
