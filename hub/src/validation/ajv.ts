// One Ajv instance for every schema in the process: compiled validators are cached per schema object,
// and every failure comes back as ValidationIssues that name the field path and the rule.
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Static, TSchema } from '@sinclair/typebox';
import { ValidationError } from '../errors';
import type { ValidationIssue } from '../errors';

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false, coerceTypes: false });
addFormats(ajv);
// Annotation keyword marking secret config fields; Ajv ignores it but must know it.
ajv.addKeyword({ keyword: 'secret', schemaType: 'boolean' });

const cache = new WeakMap<object, ValidateFunction>();

/** Register a custom keyword (e.g. the AWB check digit) once, before the schemas that use it compile. */
export function addKeyword(definition: Parameters<Ajv['addKeyword']>[0]): void {
  const name = typeof definition === 'string' ? definition : definition.keyword;
  const names = Array.isArray(name) ? name : [name];
  if (names.every((n) => n !== undefined && ajv.getKeyword(n))) return;
  ajv.addKeyword(definition);
}

export function compile(schema: TSchema | object): ValidateFunction {
  let validate = cache.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    cache.set(schema, validate);
  }
  return validate;
}

export type Check<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export function check<S extends TSchema>(schema: S, value: unknown): Check<Static<S>> {
  const validate = compile(schema);
  if (validate(value)) return { ok: true, value: value as Static<S> };
  return { ok: false, issues: toIssues(validate.errors ?? []) };
}

/** Validate or throw a ValidationError whose message names `subject` and every failing path. */
export function assertValid<S extends TSchema>(schema: S, value: unknown, subject: string): Static<S> {
  const result = check(schema, value);
  if (!result.ok) throw new ValidationError(subject, result.issues);
  return result.value;
}

export function toIssues(errors: ErrorObject[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // anyOf/oneOf branches repeat the same complaint; keep the first of each path+rule.
    let path = error.instancePath;
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'required') {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      path = `${path}/${missing}`;
      message = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      path = `${path}/${extra}`;
      message = 'is not a known field';
    } else if (error.keyword === 'enum') {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      message = `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    const key = `${path}|${error.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path, rule: error.keyword, message });
  }
  return issues;
}
