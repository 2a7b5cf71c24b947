// Odoo's failures in the hub's terms. XML-RPC faults carry Odoo's integer codes (1 server error,
// 2 UserError/ValidationError/MissingError, 3 AccessDenied, 4 AccessError); JSON-2 answers with
// real statuses (401, 403, 404, 409, 422, 500). Both end up as the same error classes.
import { AuthError, PermanentError, TransientError, errorForStatus } from '@interline/hub';
import type { HubError } from '@interline/hub';
import { excerpt } from './http-exchange';
import type { CallPlace } from './transport';

/**
 * Server errors a later attempt cures: PostgreSQL concurrency conflicts Odoo gave up retrying (it
 * retries them 5 times itself), lock and statement timeouts, a database that is restarting or
 * dropped the connection, a worker out of memory. "database … does not exist" is configuration,
 * not weather, and stays permanent.
 */
const TRANSIENT_SERVER_TEXT = new RegExp(
  [
    'could not serialize access', 'SerializationFailure', 'concurrent update', 'deadlock detected', 'DeadlockDetected',
    'could not obtain lock', 'LockNotAvailable', 'LockError', 'canceling statement due to (?:statement|lock) timeout',
    'server closed the connection', 'connection (?:to server )?(?:at .* )?(?:was )?(?:refused|closed|lost)', 'connection already closed',
    'terminating connection', 'SSL SYSCALL error', 'the database system is (?:starting up|shutting down|in recovery mode)',
    'InterfaceError', 'MemoryError', 'PoolError', 'Connection pool is full', 'too many (?:clients|connections)',
  ].join('|'),
  'i',
);

export function isTransientServerText(text: string): boolean {
  return TRANSIENT_SERVER_TEXT.test(text);
}

function target(place: CallPlace): string {
  return `${place.model}.${place.method}`;
}

/** The line of a Python traceback that names the exception ("ValueError: Invalid field 'x'"). */
export function exceptionLine(text: string): string {
  const lines = text.trim().split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  return excerpt(lines[lines.length - 1] ?? text, 500);
}

export function errorForFault(faultCode: number, faultString: string, place: CallPlace): HubError {
  const details = { faultCode, faultString: excerpt(faultString, 2000), model: place.model, method: place.method };
  switch (faultCode) {
    case 2:
      if (isTransientServerText(faultString)) {
        return new TransientError(`Odoo could not lock the records for ${target(place)} (fault 2: ${excerpt(faultString)}); will retry`, details);
      }
      return new PermanentError(`Odoo refused ${target(place)} (fault 2, UserError/ValidationError): ${excerpt(faultString, 1000)} — fix the data sent (see the route's mapping) and replay the message`, details);
    case 3:
      return new AuthError(
        `Odoo denied access to ${target(place)} on database "${place.database}" (fault 3, Access Denied): the API key of login "${place.login}" is wrong, expired or revoked; put a valid key in the connector's apiKey (Odoo: Preferences → Account Security → New API Key)`,
        details,
      );
    case 4:
      return new AuthError(
        `Odoo's access rights refused ${target(place)} for login "${place.login}" (fault 4, AccessError): ${excerpt(faultString, 600)} — give the integration user the groups this operation needs`,
        details,
      );
    default:
      return serverError(`fault ${Number.isNaN(faultCode) ? 'without a numeric code' : faultCode}`, faultString, place, details);
  }
}

/** An exception escaped Odoo: transient for concurrency and connection trouble, permanent otherwise. */
function serverError(label: string, text: string, place: CallPlace, details: Record<string, unknown>): HubError {
  const line = exceptionLine(text);
  if (isTransientServerText(text)) {
    return new TransientError(`Odoo hit a database conflict in ${target(place)} (${label}: ${line}); will retry`, details);
  }
  return new PermanentError(`Odoo failed with an unexpected server error in ${target(place)} (${label}: ${line}); see the Odoo server log for the traceback`, details);
}

/** The JSON body of a JSON-2 error: {name, message, arguments, context, debug}, or a bare string (early 19.x). */
export interface Json2ErrorBody {
  name?: string;
  message: string;
  debug?: string;
}

export function parseJson2Error(text: string): Json2ErrorBody | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'string') return { message: body };
    if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
      const { name, message, debug } = body as { name?: unknown; message: string; debug?: unknown };
      return { message, ...(typeof name === 'string' ? { name } : {}), ...(typeof debug === 'string' ? { debug } : {}) };
    }
  } catch {
    // Not JSON: a proxy's HTML page or an empty body; the caller treats it as a plain HTTP failure.
  }
  return undefined;
}

export function errorForJson2Status(status: number, text: string, headers: Headers, place: CallPlace): HubError {
  const body = parseJson2Error(text);
  if (!body && status === 404) {
    return new PermanentError(`JSON-2 ${target(place)}: /json/2 does not exist on this server (HTTP 404); JSON-2 needs Odoo 19 or later — set protocol: auto or xmlrpc`, { status });
  }
  if (!body) return errorForStatus(status, `JSON-2 ${target(place)}`, text, headers);
  const details = { status, name: body.name, message: excerpt(body.message, 2000), model: place.model, method: place.method };
  const said = `${body.name ? `${body.name}: ` : ''}${excerpt(body.message, 1000)}`;
  switch (status) {
    case 401:
      return new AuthError(
        `Odoo rejected the API key for ${target(place)} (HTTP 401: ${said}); put a valid key of login "${place.login}" in the connector's apiKey (Odoo: Preferences → Account Security → New API Key)`,
        details,
      );
    case 403:
      return new AuthError(`Odoo's access rights refused ${target(place)} for login "${place.login}" (HTTP 403: ${said}) — give the integration user the groups this operation needs`, details);
    case 404:
      return new PermanentError(`Odoo answered 404 for ${target(place)} (${said}); check the model and method exist (module installed) and the record was not deleted`, details);
    case 409:
      return new TransientError(`Odoo could not lock the records for ${target(place)} (HTTP 409: ${said}); will retry`, details);
    case 422:
      return new PermanentError(`Odoo refused ${target(place)} (HTTP 422: ${said}) — fix the data sent (see the route's mapping) and replay the message`, details);
    default:
      if (status >= 500) return serverError(`HTTP ${status}`, `${body.debug ?? ''}\n${body.name ? `${body.name.split('.').pop()}: ` : ''}${body.message}`, place, details);
      return new PermanentError(`Odoo refused ${target(place)} with HTTP ${status}: ${said}`, details);
  }
}
