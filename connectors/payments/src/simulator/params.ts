// Request parameters read the way Stripe reads them: unknown ones refused, integers and booleans
// parsed from form strings, metadata limits enforced — each failure a Stripe invalid_request_error.
import { isCurrencyCode } from '@interline/hub';
import { invalidRequest } from './api-result';
import type { ApiResult } from './api-result';
import type { FormObject, FormValue } from './form';

/** Thrown by the readers below; the server answers with its result. */
export class ParamProblem extends Error {
  constructor(readonly result: ApiResult) {
    super('invalid parameters');
  }
}

function refuse(message: string, param: string, code = 'parameter_invalid'): never {
  throw new ParamProblem(invalidRequest(message, { code, param }));
}

export function onlyKnown(params: FormObject, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) refuse(`Received unknown parameter: ${key}`, key, 'parameter_unknown');
  }
}

function scalar(params: FormObject, name: string): string | undefined {
  const value: FormValue | undefined = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') refuse(`Invalid ${name}: must be a string, not an object or array`, name);
  return value;
}

export function optionalString(params: FormObject, name: string, pattern?: RegExp, maxLength = 5000): string | undefined {
  const value = scalar(params, name);
  if (value === undefined) return undefined;
  if (value === '') refuse(`You passed an empty string for '${name}'. We assume empty values are an attempt to unset a parameter; however '${name}' cannot be unset.`, name, 'parameter_invalid_empty');
  if (value.length > maxLength) refuse(`Invalid ${name}: must be at most ${maxLength} characters`, name);
  if (pattern && !pattern.test(value)) refuse(`Invalid ${name}: ${value.slice(0, 100)}`, name);
  return value;
}

export function optionalInteger(params: FormObject, name: string): number | undefined {
  const value = scalar(params, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) refuse(`Invalid integer: ${value.slice(0, 100)}`, name, 'parameter_invalid_integer');
  return Number(value);
}

export function optionalBoolean(params: FormObject, name: string): boolean | undefined {
  const value = scalar(params, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') refuse(`Invalid boolean: ${value.slice(0, 100)}`, name);
  return value === 'true';
}

export function oneOf<T extends string>(params: FormObject, name: string, values: readonly T[]): T | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) refuse(`Invalid ${name}: must be one of ${values.join(', ')}`, name);
  return value as T;
}

export function requiredCurrency(params: FormObject): string {
  const value = scalar(params, 'currency');
  if (value === undefined) refuse('Missing required param: currency.', 'currency', 'parameter_missing');
  if (!/^[a-z]{3}$/.test(value) || !isCurrencyCode(value.toUpperCase())) refuse(`Invalid currency: ${value.slice(0, 20)}. Stripe currently supports these currencies: see https://stripe.com/docs/currencies`, 'currency');
  return value;
}

/** Stripe's metadata limits: 50 keys, keys up to 40 characters, values up to 500. */
export function metadata(params: FormObject): Record<string, string> {
  const value: FormValue | undefined = params.metadata;
  if (value === undefined || value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) refuse('Invalid metadata: must be an object', 'metadata');
  const entries = Object.entries(value);
  if (entries.length > 50) refuse('Invalid metadata: at most 50 keys', 'metadata');
  const out: Record<string, string> = {};
  for (const [key, item] of entries) {
    if (key.length > 40) refuse(`Invalid metadata: key "${key.slice(0, 50)}" is longer than 40 characters`, `metadata[${key}]`);
    if (typeof item !== 'string') refuse(`Invalid metadata[${key}]: must be a string`, `metadata[${key}]`);
    if (item.length > 500) refuse(`Invalid metadata[${key}]: must be at most 500 characters`, `metadata[${key}]`);
    out[key] = item;
  }
  return out;
}
