// Odoo's exceptions as the simulator raises them, and how each protocol renders them: XML-RPC
// faults with Odoo's integer codes (odoo/addons/rpc/controllers/xmlrpc.py) and JSON-2 statuses
// with a {name, message, arguments, context, debug} body (json2.py, odoo/exceptions.py).
import { modelDef } from './model-schema';

export type OdooExceptionKind = 'user' | 'validation' | 'missing' | 'access-denied' | 'access-error' | 'lock' | 'server' | 'arguments' | 'not-found';

interface Rendering {
  faultCode: number;
  httpStatus: number;
  pythonName: string;
}

const RENDERINGS: Record<OdooExceptionKind, Rendering> = {
  user: { faultCode: 2, httpStatus: 422, pythonName: 'odoo.exceptions.UserError' },
  validation: { faultCode: 2, httpStatus: 422, pythonName: 'odoo.exceptions.ValidationError' },
  missing: { faultCode: 2, httpStatus: 404, pythonName: 'odoo.exceptions.MissingError' },
  'access-denied': { faultCode: 3, httpStatus: 403, pythonName: 'odoo.exceptions.AccessDenied' },
  'access-error': { faultCode: 4, httpStatus: 403, pythonName: 'odoo.exceptions.AccessError' },
  lock: { faultCode: 2, httpStatus: 409, pythonName: 'odoo.exceptions.LockError' },
  server: { faultCode: 1, httpStatus: 500, pythonName: 'builtins.Exception' },
  // A call that does not fit the method's signature: a TypeError (fault 1) over XML-RPC, 422 over JSON-2.
  arguments: { faultCode: 1, httpStatus: 422, pythonName: 'builtins.TypeError' },
  // Unknown model or method: UserError/AttributeError over XML-RPC, 404 over JSON-2.
  'not-found': { faultCode: 2, httpStatus: 404, pythonName: 'werkzeug.exceptions.NotFound' },
};

export class OdooException extends Error {
  constructor(
    readonly kind: OdooExceptionKind,
    message: string,
    /** For server errors: the Python exception class ("ValueError"), shown in the traceback. */
    readonly pythonClass?: string,
    /** XML-RPC fault code when it differs from the kind's (an unknown method is fault 1, not 2). */
    readonly faultCodeOverride?: number,
  ) {
    super(message);
    this.name = 'OdooException';
  }

  get faultCode(): number {
    return this.faultCodeOverride ?? RENDERINGS[this.kind].faultCode;
  }

  get httpStatus(): number {
    return RENDERINGS[this.kind].httpStatus;
  }

  /** What XML-RPC's faultString carries: the message, or for server errors a Python traceback. */
  faultString(): string {
    if (this.faultCode !== 1) return this.message;
    return traceback(this.pythonClass ?? 'Exception', this.message);
  }

  json2Body(): Record<string, unknown> {
    const name = this.kind === 'server' || this.kind === 'arguments' ? `builtins.${this.pythonClass ?? 'Exception'}` : RENDERINGS[this.kind].pythonName;
    return { name, message: this.message, arguments: [this.message], context: {}, debug: traceback(this.pythonClass ?? name.split('.').pop() ?? 'Exception', this.message) };
  }
}

export const userError = (message: string): OdooException => new OdooException('user', message);
export const validationError = (message: string): OdooException => new OdooException('validation', message);
export const accessError = (message: string): OdooException => new OdooException('access-error', message);
export const accessDenied = (): OdooException => new OdooException('access-denied', 'Access Denied');
export const serverError = (pythonClass: string, message: string): OdooException => new OdooException('server', message, pythonClass);
export const argumentError = (message: string): OdooException => new OdooException('arguments', message, 'TypeError');

export function missingError(model: string, ids: readonly number[], uid: number): OdooException {
  return new OdooException('missing', `Record does not exist or has been deleted.\n(Record: ${model}(${ids.join(', ')},), User: ${uid})`);
}

/** The NOT NULL violation message Odoo builds (models.py _sql_error_to_message), wrapped by service/model.py. */
export function missingRequired(model: string, field: string): OdooException {
  const def = modelDef(model);
  const label = def?.fields[field]?.string ?? field;
  return validationError(
    `The operation cannot be completed: Missing required value for the field '${label}' (${field}).\nModel: '${def?.description ?? model}' (${model})\n- create/update: a mandatory field is not set\n- delete: another model requires the record being deleted, you can archive it instead`,
  );
}

/** PostgreSQL's serialization failure after Odoo's own 5 tries: what concurrent writers meet. */
export function serializationFailure(): OdooException {
  return new OdooException('server', 'could not serialize access due to concurrent update', 'psycopg2.errors.SerializationFailure');
}

function traceback(pythonClass: string, message: string): string {
  return [
    'Traceback (most recent call last):',
    '  File "/usr/lib/python3/dist-packages/odoo/service/model.py", line 156, in retrying',
    '    result = func()',
    '  File "/usr/lib/python3/dist-packages/odoo/service/model.py", line 63, in call_kw',
    '    result = getattr(recs, name)(*args, **kwargs)',
    `${pythonClass}: ${message}`,
    '',
  ].join('\n');
}
