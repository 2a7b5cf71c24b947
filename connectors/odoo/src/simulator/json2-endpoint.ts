// POST /json/2/<model>/<method> as Odoo 19 serves it: bearer API key (401 "Invalid apikey"), named
// arguments in a JSON object, 404 for unknown models and methods, 422 for bad arguments and
// UserErrors, 403 for access errors, 500 for the rest, each with Odoo's JSON error body.
import type { IncomingHttpHeaders } from 'node:http';
import { jsonAnswer } from './backend';
import type { Answer, PreparedCall, SimBackend } from './backend';
import { callMethod, lookupMethod } from './dispatch';
import { modelDef } from './model-schema';
import { OdooException } from './odoo-exceptions';
import { userByKey } from './users';
import type { SimUser } from './users';

const ROUTE = /^\/json\/2\/([^/]+)\/([^/]+)$/;

export function prepareJson2(method: string, path: string, headers: IncomingHttpHeaders, body: string, backend: SimBackend): PreparedCall {
  const match = ROUTE.exec(path);
  if (!match || method !== 'POST') {
    return { operation: 'json2.?', protocol: 'json2', login: null, execute: () => notFound('Did you mean POST /json/2/<model>/<method>?') };
  }
  const model = decodeURIComponent(match[1] as string);
  const name = decodeURIComponent(match[2] as string);
  const user = bearerUser(headers.authorization);
  return { operation: `${model}.${name}`, protocol: 'json2', login: user?.login ?? null, execute: () => execute(model, name, headers, body, backend) };
}

function execute(model: string, method: string, headers: IncomingHttpHeaders, body: string, backend: SimBackend): Answer {
  const token = bearerToken(headers.authorization);
  if (token === undefined) return unauthorized('User not authenticated, use the "Authorization" header');
  const user = userByKey(token);
  if (!user) return unauthorized('Invalid apikey');
  let parsed: unknown;
  try {
    parsed = body.length === 0 ? {} : JSON.parse(body);
  } catch (error) {
    return httpError(400, 'werkzeug.exceptions.BadRequest', `could not parse the body as json: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return httpError(400, 'werkzeug.exceptions.BadRequest', 'could not parse the body, expecting a json object');
  if (!modelDef(model)) return notFound(`the model '${model}' does not exist`);
  if (method.startsWith('_') || !lookupMethod(model, method)) return notFound(`The method '${method}' does not exist on the model '${model}'`);
  const { ids, ...named } = parsed as Record<string, unknown>;
  if (ids !== undefined && (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id)))) return httpError(422, 'werkzeug.exceptions.UnprocessableEntity', 'ids must be a list of integers');
  return run(backend, user, model, method, named, ids as number[] | undefined);
}

function run(backend: SimBackend, user: SimUser, model: string, method: string, named: Record<string, unknown>, ids: number[] | undefined): Answer {
  try {
    const result = callMethod(backend.db, { user, model, method, args: [], kwargs: named, ...(ids !== undefined ? { ids } : {}) });
    // A recordset result (create) is always returned as its ids in JSON-2.
    return jsonAnswer(200, method === 'create' && typeof result === 'number' ? [result] : result, 'ok');
  } catch (error) {
    if (!(error instanceof OdooException)) throw error;
    return jsonAnswer(error.httpStatus, error.json2Body(), `HTTP ${error.httpStatus}: ${error.message.split('\n')[0] ?? ''}`);
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^bearer\s+(.+)$/i.exec(header) : null;
  return match ? (match[1] as string).trim() : undefined;
}

function bearerUser(header: string | undefined): SimUser | undefined {
  const token = bearerToken(header);
  return token === undefined ? undefined : userByKey(token);
}

export function unauthorized(message: string): Answer {
  return jsonAnswer(401, { name: 'werkzeug.exceptions.Unauthorized', message, arguments: [message, 401], context: {}, debug: '' }, `HTTP 401: ${message}`, { 'www-authenticate': 'Bearer' });
}

function notFound(message: string): Answer {
  return httpError(404, 'werkzeug.exceptions.NotFound', message);
}

export function httpError(status: number, name: string, message: string): Answer {
  return jsonAnswer(status, { name, message, arguments: [message, status], context: {}, debug: '' }, `HTTP ${status}: ${message}`);
}
