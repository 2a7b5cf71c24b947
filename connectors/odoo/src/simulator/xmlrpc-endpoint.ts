// /xmlrpc/2/common and /xmlrpc/2/object as Odoo serves them: version and authenticate (uid or false),
// execute_kw / execute with a uid + API key check, faults with Odoo's integer codes, HTTP 200 always.
import { decodeMethodCall } from '../xmlrpc/decode';
import { encodeFault, encodeMethodResponse, XmlRpcEncodeError } from '../xmlrpc/encode';
import { XmlRpcFormatError, isStruct } from '../xmlrpc/values';
import type { XmlRpcValue } from '../xmlrpc/values';
import { versionInfo } from './backend';
import type { Answer, PreparedCall, SimBackend } from './backend';
import { callMethod } from './dispatch';
import { OdooException, accessDenied, serverError } from './odoo-exceptions';
import { SIM_DATABASE, userByLogin, userByUid } from './users';

const XML = 'text/xml; charset=utf-8';

export function prepareXmlRpc(service: string, body: string, backend: SimBackend): PreparedCall {
  let call;
  try {
    call = decodeMethodCall(body);
  } catch (error) {
    if (!(error instanceof XmlRpcFormatError)) throw error;
    return { operation: `${service}.?`, protocol: 'xmlrpc', login: null, execute: () => xmlrpcFault(serverError('xml.parsers.expat.ExpatError', error.message)) };
  }
  const { methodName, params } = call;
  if (service === 'common') {
    return { operation: `common.${methodName}`, protocol: 'xmlrpc', login: typeof params[1] === 'string' ? params[1] : null, execute: () => guarded(() => common(methodName, params, backend)) };
  }
  if (service !== 'object') {
    return { operation: `${service}.${methodName}`, protocol: 'xmlrpc', login: null, execute: () => xmlrpcFault(serverError('KeyError', `'${service}'`)) };
  }
  const [db, uid, apiKey, model, method, args, kwargs] = methodName === 'execute_kw' ? params : [params[0], params[1], params[2], params[3], params[4], params.slice(5), {}];
  const operation = `${String(model)}.${String(method)}`;
  return {
    operation,
    protocol: 'xmlrpc',
    login: userByUid(uid, apiKey)?.login ?? null,
    execute: () =>
      guarded(() => {
        if (methodName !== 'execute_kw' && methodName !== 'execute') throw serverError('NameError', `Method not available ${methodName}`);
        checkDatabase(db);
        const user = userByUid(uid, apiKey);
        if (!user) throw accessDenied();
        if (typeof model !== 'string' || typeof method !== 'string') throw serverError('TypeError', 'model and method must be strings');
        if (!Array.isArray(args)) throw serverError('TypeError', `execute_kw() argument 'args' must be a list, not ${typeof args}`);
        const result = callMethod(backend.db, { user, model, method, args, kwargs: isStruct(kwargs) ? { ...kwargs } : {} });
        return result as XmlRpcValue;
      }),
  };
}

function common(method: string, params: XmlRpcValue[], backend: SimBackend): XmlRpcValue {
  switch (method) {
    case 'version':
      return { server_version: backend.version.serverVersion, server_version_info: versionInfo(backend.version), server_serie: backend.version.serverVersion, protocol_version: 1 };
    case 'authenticate':
    case 'login': {
      checkDatabase(params[0]);
      // Bad credentials are not a fault: authenticate answers false.
      return userByLogin(params[1], params[2])?.uid ?? false;
    }
    default:
      throw serverError('KeyError', `'exp_${method}'`);
  }
}

function checkDatabase(db: unknown): void {
  if (db !== SIM_DATABASE) {
    throw serverError('psycopg2.OperationalError', `connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "${String(db)}" does not exist`);
  }
}

/** Run and render: a value as a methodResponse, an Odoo exception as a fault; always HTTP 200 like Odoo. */
function guarded(run: () => XmlRpcValue): Answer {
  try {
    const value = run();
    try {
      return { status: 200, contentType: XML, body: encodeMethodResponse(value), outcome: 'ok' };
    } catch (error) {
      if (error instanceof XmlRpcEncodeError) return xmlrpcFault(serverError('TypeError', 'cannot marshal None unless allow_none is enabled'));
      throw error;
    }
  } catch (error) {
    if (error instanceof OdooException) return xmlrpcFault(error);
    throw error;
  }
}

/** An Odoo exception as the fault document Odoo sends (also used for injected faults). */
export function xmlrpcFault(error: OdooException): Answer {
  return { status: 200, contentType: XML, body: encodeFault(error.faultCode, error.faultString()), outcome: `fault ${error.faultCode}: ${error.message.split('\n')[0] ?? ''}` };
}
