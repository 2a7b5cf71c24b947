// Turns TypeBox schemas into OpenAPI 3.1 (JSON Schema 2020-12) components: every node that is
// structurally one of the named schemas becomes a $ref to it, so a shape appears once in the
// document however many copies (money('…'), partyRef('…')) the model makes of it.
import type { TSchema } from '@sinclair/typebox';

type Json = Record<string, unknown>;

/** Keywords that say what a copy is for, not what it accepts: ignored when matching shapes. */
const ANNOTATIONS = new Set(['$id', 'title', 'description', 'examples', 'default']);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shapeKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(shapeKey).join(',')}]`;
  if (!isObject(value)) return JSON.stringify(value);
  const keys = Object.keys(value).filter((k) => !ANNOTATIONS.has(k)).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${shapeKey(value[k])}`).join(',')}}`;
}

/** Keywords whose value is a schema, a list of schemas or a map of schemas. */
const SCHEMA_VALUED = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames']);
const SCHEMA_LISTS = new Set(['anyOf', 'allOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs']);

export class SchemaRefs {
  private readonly byShape = new Map<string, string>();

  constructor(private readonly named: ReadonlyMap<string, TSchema>) {
    for (const [name, schema] of named) {
      const key = shapeKey(schema);
      // The first name wins: MODEL_SCHEMAS come first, so canonical names are preferred.
      if (!this.byShape.has(key)) this.byShape.set(key, name);
    }
  }

  /** components.schemas: each named schema with its inner shapes referenced. */
  components(): Record<string, Json> {
    const out: Record<string, Json> = {};
    for (const [name, schema] of this.named) out[name] = this.convert(schema, name);
    return out;
  }

  /** A schema for use in a path: a $ref when it is a named shape, else converted inline. */
  ref(schema: TSchema): Json {
    return this.convert(schema, undefined);
  }

  private convert(node: unknown, selfName: string | undefined): Json {
    if (!isObject(node)) return node as Json;
    if (selfName === undefined) {
      const name = this.byShape.get(shapeKey(node));
      if (name !== undefined) {
        const ref: Json = { $ref: `#/components/schemas/${name}` };
        if (typeof node.description === 'string') ref.description = node.description;
        return ref;
      }
    }
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$id') continue;
      if (SCHEMA_VALUED.has(key) && isObject(value)) out[key] = this.convert(value, undefined);
      else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map((item) => this.convert(item, undefined));
      else if (SCHEMA_MAPS.has(key) && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.convert(v, undefined)]));
      else out[key] = value;
    }
    return out;
  }
}
