// api:Error bodies to typed hub errors: the HTTP status decides retry or dead letter; the error's title
// and details (code, message, property, resource) become the message people read in the dead-letter store.
import { AuthError, parseRetryAfter, PermanentError, TransientError } from '@interline/hub';
import type { HubError } from '@interline/hub';
import { LinkedGraph, string } from '../jsonld/graph';
import { api } from '../vocabulary';

export interface ApiErrorDetail {
  code?: string;
  message?: string;
  property?: string;
  resource?: string;
}

export interface ApiErrorBody {
  title: string;
  details: ApiErrorDetail[];
}

const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504]);

/** The api:Error in a response body, read from any JSON-LD form; undefined when the body is not one. */
export async function readApiError(body: unknown): Promise<ApiErrorBody | undefined> {
  if (body === null || typeof body !== 'object') return undefined;
  try {
    return apiErrorsIn(await LinkedGraph.from(body, { what: 'the error body' }))[0];
  } catch {
    return undefined;
  }
}

/** Every api:Error in a graph (an action request lists its errors with api:hasError). */
export function apiErrorsIn(graph: LinkedGraph): ApiErrorBody[] {
  return graph.ofType(api('Error')).map((error) => ({
    title: string(error, api('hasTitle')) ?? 'untitled error',
    details: graph.linkedAll(error, api('hasErrorDetail')).map((detail) => {
      const read: ApiErrorDetail = {};
      const code = string(detail, api('hasCode'));
      const message = string(detail, api('hasMessage'));
      const property = string(detail, api('hasProperty'));
      const resource = string(detail, api('hasResource'));
      if (code !== undefined) read.code = code;
      if (message !== undefined) read.message = message;
      if (property !== undefined) read.property = property;
      if (resource !== undefined) read.resource = resource;
      return read;
    }),
  }));
}

export function describeApiError(error: ApiErrorBody): string {
  const details = error.details.map((detail) => {
    const where = [detail.property && `property ${detail.property}`, detail.resource && `resource ${detail.resource}`].filter(Boolean).join(', ');
    return `${detail.code ? `${detail.code}: ` : ''}${detail.message ?? 'no message'}${where ? ` (${where})` : ''}`;
  });
  return details.length > 0 ? `${error.title} — ${details.join('; ')}` : error.title;
}

/** The hub error for a failed ONE Record exchange. `what` names the call, e.g. "PATCH https://…/logistics-objects/x". */
export function errorForResponse(status: number, what: string, apiError: ApiErrorBody | undefined, text: string, retryAfter: string | null): HubError {
  const excerpt = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  const reason = apiError !== undefined ? describeApiError(apiError) : excerpt || 'no body';
  const details = { status, ...(apiError !== undefined ? { apiError } : { body: excerpt }) };
  if (status === 401 || status === 403) {
    const fix = status === 401 ? 'check oauth.clientId / oauth.clientSecret and the token endpoint' : 'ask the partner to grant this organization access to the object (ONE Record access is deny-by-default)';
    return new AuthError(`${what} was refused with HTTP ${status} (${reason}); ${fix}`, details);
  }
  if (TRANSIENT.has(status) || status >= 500) {
    return new TransientError(`${what} failed with HTTP ${status} (${reason}); will retry`, details, { retryAfterMs: parseRetryAfter(retryAfter) });
  }
  return new PermanentError(`${what} was rejected with HTTP ${status}: ${reason}`, details);
}
