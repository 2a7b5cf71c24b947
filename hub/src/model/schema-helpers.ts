// Small TypeBox helpers the model files share, so every schema has the same shape and error rules.
import { Type } from '@sinclair/typebox';
import type { SchemaOptions, TSchema, TUnsafe } from '@sinclair/typebox';
import type { SchemaValidateFunction } from 'ajv';
import { addKeyword } from '../validation';

/** Base of every canonical schema id; the version is the last path segment. */
export const SCHEMA_ID_BASE = 'https://interline.dev/schemas';

/**
 * A string enum as a plain JSON Schema `enum`, not TypeBox's `anyOf` of literals: a wrong value
 * then fails with one issue (rule `enum`) that lists the allowed codes, instead of one per branch.
 */
export function StringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

/** Options for a top-level canonical object: its versioned `$id`, title and description, closed to unknown fields. */
export function modelOptions(slug: string, title: string, description: string, extra: SchemaOptions = {}): SchemaOptions {
  return { ...extra, $id: `${SCHEMA_ID_BASE}/${slug}/v1`, title, description, additionalProperties: false };
}

/**
 * A copy of a top-level schema without its `$id`, for embedding in another object. Ajv registers
 * every `$id` it meets, so embedding the original would make a later compile of that schema fail
 * with "schema with key or id already exists".
 */
export function embedded<T extends TSchema>(schema: T, description?: string): T {
  const { $id: _id, ...rest } = schema;
  const copy = { ...rest } as T;
  if (description !== undefined) copy.description = description;
  return copy;
}

/** What a string keyword reports when a value breaks it. */
export interface KeywordProblem {
  message: string;
  params: Record<string, unknown>;
}

/**
 * Register a boolean Ajv keyword (`{ [keyword]: true }`) that checks string values. `problem`
 * returns undefined for a good value; its message becomes the ValidationIssue message and the
 * keyword name becomes the rule.
 */
export function addStringKeyword(keyword: string, problem: (value: string) => KeywordProblem | undefined): void {
  const validate: SchemaValidateFunction = (enabled: unknown, data: unknown) => {
    if (enabled !== true || typeof data !== 'string') return true;
    const found = problem(data);
    if (!found) return true;
    validate.errors = [{ keyword, message: found.message, params: found.params }];
    return false;
  };
  addKeyword({ keyword, type: 'string', schemaType: 'boolean', errors: true, validate });
}
