// Secret fields of connector configs: found from the schema, redacted for display and logs,
// and collected so any text bound for the journal can be scrubbed of their values.
import type { TSchema } from '@sinclair/typebox';

const SECRET_LOOKING = /(password|passwd|secret|token|api[_-]?key|private[_-]?key|credential)/i;

interface SchemaNode {
  type?: string;
  secret?: boolean;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

/** JSON Pointer-ish paths ('a.b') of every field marked `secret: true`. */
export function secretPaths(schema: TSchema, prefix = ''): string[] {
  const node = schema as unknown as SchemaNode;
  const paths: string[] = [];
  if (node.secret) paths.push(prefix);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    paths.push(...secretPaths(child as unknown as TSchema, prefix ? `${prefix}.${key}` : key));
  }
  for (const branch of node.anyOf ?? []) paths.push(...secretPaths(branch as unknown as TSchema, prefix));
  return [...new Set(paths)];
}

/** Fields whose names look secret but that are not marked so; the contract kit fails on any. */
export function unmarkedSecretLookingFields(schema: TSchema, prefix = ''): string[] {
  const node = schema as unknown as SchemaNode;
  const found: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const childNode = child as SchemaNode;
    const isLeaf = !childNode.properties && !childNode.anyOf;
    if (isLeaf && SECRET_LOOKING.test(key) && !childNode.secret && childNode.type !== 'boolean') found.push(path);
    found.push(...unmarkedSecretLookingFields(child as unknown as TSchema, path));
  }
  return found;
}

export function redactConfig(schema: TSchema, config: unknown): unknown {
  const copy = structuredClone(config) as Record<string, unknown>;
  for (const path of secretPaths(schema)) {
    const parts = path.split('.');
    let cursor: Record<string, unknown> | undefined = copy;
    for (const part of parts.slice(0, -1)) {
      const next: unknown = cursor?.[part];
      cursor = next && typeof next === 'object' ? (next as Record<string, unknown>) : undefined;
    }
    const last = parts[parts.length - 1] as string;
    if (cursor && cursor[last] !== undefined) cursor[last] = '[redacted]';
  }
  return copy;
}

export function secretValues(schema: TSchema, config: unknown): string[] {
  const values: string[] = [];
  for (const path of secretPaths(schema)) {
    let cursor: unknown = config;
    for (const part of path.split('.')) cursor = cursor && typeof cursor === 'object' ? (cursor as Record<string, unknown>)[part] : undefined;
    if (typeof cursor === 'string' && cursor.length >= 4) values.push(cursor);
  }
  return values;
}

/** A function that replaces every known secret value in a text. */
export function secretScrubber(secrets: Iterable<string>): (text: string) => string {
  const list = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const secret of list) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
    return out;
  };
}
