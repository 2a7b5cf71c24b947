// One model method call, whichever protocol carried it: the method's signature (Odoo's parameter
// names), access rights per user, private-method refusal, and one transaction per call.
import type { Database, Env } from './database';
import { BUSINESS_METHODS } from './business-methods';
import { modelDef } from './model-schema';
import { search } from './search';
import { OdooException, accessError, argumentError } from './odoo-exceptions';
import type { SimUser } from './users';

type Params = Record<string, unknown>;

interface MethodSpec {
  /** 'model' methods take no ids (@api.model); 'records' methods act on ids. */
  api: 'model' | 'records';
  params: readonly string[];
  required: readonly string[];
  /** What the access check calls the change, when the method changes data. */
  access?: 'create' | 'modify' | 'delete';
  run(db: Database, env: Env, model: string, ids: readonly number[], params: Params): unknown;
}

const ORM_METHODS: Record<string, MethodSpec> = {
  search: { api: 'model', params: ['domain', 'offset', 'limit', 'order'], required: ['domain'], run: (db, env, model, _ids, p) => search(db, env, model, p as { domain: unknown }) },
  search_read: {
    api: 'model',
    params: ['domain', 'fields', 'offset', 'limit', 'order'],
    required: [],
    run: (db, env, model, _ids, p) => db.read(env, model, search(db, env, model, { ...p, domain: p.domain ?? [] }), fieldList(p.fields)),
  },
  search_count: { api: 'model', params: ['domain', 'limit'], required: ['domain'], run: (db, env, model, _ids, p) => search(db, env, model, { domain: p.domain, limit: p.limit }).length },
  read: { api: 'records', params: ['fields', 'load'], required: [], run: (db, env, model, ids, p) => db.read(env, model, ids, fieldList(p.fields)) },
  create: {
    api: 'model',
    params: ['vals_list'],
    required: ['vals_list'],
    access: 'create',
    run: (db, env, model, _ids, p) => {
      const list = p.vals_list;
      if (Array.isArray(list)) return list.map((vals) => db.create(env, model, vals as Params));
      return db.create(env, model, list as Params);
    },
  },
  write: {
    api: 'records',
    params: ['vals'],
    required: ['vals'],
    access: 'modify',
    run: (db, env, model, ids, p) => {
      db.write(env, model, ids, p.vals as Params);
      return true;
    },
  },
  unlink: {
    api: 'records',
    params: [],
    required: [],
    access: 'delete',
    run: (db, env, model, ids) => {
      db.unlink(env, model, ids);
      return true;
    },
  },
  fields_get: { api: 'model', params: ['allfields', 'attributes'], required: [], run: (db, _env, model, _ids, p) => db.fieldsGet(model, fieldList(p.attributes)) },
};

export interface MethodCall {
  user: SimUser;
  model: string;
  method: string;
  /** Positional arguments (XML-RPC), records' ids first for record methods. */
  args: readonly unknown[];
  /** Named arguments (XML-RPC kwargs, the JSON-2 body); context among them. */
  kwargs: Params;
  /** JSON-2 passes ids apart from the arguments. */
  ids?: readonly number[];
}

export function lookupMethod(model: string, method: string): MethodSpec | undefined {
  if (Object.hasOwn(ORM_METHODS, method)) return ORM_METHODS[method];
  const business = BUSINESS_METHODS[model]?.[method];
  if (!business) return undefined;
  return { api: 'records', params: [], required: [], access: 'modify', run: (db, env, _model, ids) => business(db, env, ids) };
}

export function callMethod(db: Database, call: MethodCall): unknown {
  const { model, method, user } = call;
  if (method.startsWith('_')) throw accessError(`Private methods (such as ${model}.${method}) cannot be called remotely.`);
  const def = modelDef(model);
  if (!def) throw new OdooException('not-found', `Object ${model} doesn't exist`);
  const spec = lookupMethod(model, method);
  if (!spec) throw new OdooException('not-found', `The method '${method}' does not exist on the model '${model}'`, 'AttributeError', 1);
  const { context, ...named } = call.kwargs;
  const env: Env = { uid: user.uid, context: isMapping(context) ? context : {} };
  const { ids, params } = bind(spec, method, call.args, named, call.ids);
  if (spec.access && user.readonly) {
    throw accessError(`You are not allowed to ${spec.access} '${def.description}' (${model}) records.\n\nContact your administrator to request access if necessary.`);
  }
  if (!spec.access) return spec.run(db, env, model, ids, params);
  const rollback = db.snapshot();
  try {
    return spec.run(db, env, model, ids, params);
  } catch (error) {
    rollback();
    throw error;
  }
}

/** Bind positional and named arguments to the method's parameters, with Python's TypeError texts. */
function bind(spec: MethodSpec, method: string, args: readonly unknown[], named: Params, separateIds?: readonly number[]): { ids: number[]; params: Params } {
  const positional = [...args];
  let ids: number[] = [];
  if (spec.api === 'records') {
    const raw = separateIds ?? positional.shift();
    if (raw === undefined) throw argumentError(`${method}() missing 1 required positional argument: 'ids'`);
    ids = normalizeIds(raw, method);
  } else if (separateIds && separateIds.length > 0) {
    throw argumentError(`cannot call ${method} with ids`);
  }
  if (positional.length > spec.params.length) {
    throw argumentError(`${method}() takes ${spec.params.length + 1} positional arguments but ${positional.length + 1} were given`);
  }
  const params: Params = {};
  spec.params.forEach((name, index) => {
    if (index < positional.length) params[name] = positional[index];
  });
  for (const [name, value] of Object.entries(named)) {
    if (!spec.params.includes(name)) throw argumentError(`${method}() got an unexpected keyword argument '${name}'`);
    if (Object.hasOwn(params, name)) throw argumentError(`${method}() got multiple values for argument '${name}'`);
    params[name] = value;
  }
  const missing = spec.required.filter((name) => !Object.hasOwn(params, name));
  if (missing.length > 0) throw argumentError(`${method}() missing ${missing.length} required positional argument: ${missing.map((m) => `'${m}'`).join(' and ')}`);
  return { ids, params };
}

function normalizeIds(raw: unknown, method: string): number[] {
  const list = typeof raw === 'number' ? [raw] : raw;
  if (!Array.isArray(list) || !list.every((id) => typeof id === 'number' && Number.isInteger(id))) {
    throw argumentError(`${method}(): the records' ids must be an integer or a list of integers, got ${JSON.stringify(raw)}`);
  }
  return list as number[];
}

function fieldList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
