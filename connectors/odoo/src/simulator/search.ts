// search / search_read / search_count over the simulated tables: domains (with dotted paths through
// many2one, child_of / parent_of), Odoo's active_test rule, "field asc|desc, …" ordering, offset, limit.
import type { Database, Env, Row } from './database';
import { evaluate, leafFields, leafMatches, parseDomain } from './domain';
import type { Leaf, LeafValues } from './domain';
import { fieldDef, modelDef } from './model-schema';
import type { FieldDef } from './model-schema';
import { childIds } from './x2many';
import { serverError } from './odoo-exceptions';

export interface SearchParams {
  domain: unknown;
  offset?: unknown;
  limit?: unknown;
  order?: unknown;
}

export function search(db: Database, env: Env, model: string, params: SearchParams): number[] {
  const node = parseDomain(params.domain);
  const activeTest = fieldDef(model, 'active') !== undefined && env.context.active_test !== false && !leafFields(node).includes('active');
  const matched = db.rows(model).filter((row) => (!activeTest || row.active !== false) && evaluate(node, (leaf) => leafTest(db, model, row, leaf)));
  const sorted = sortRows(db, model, matched, typeof params.order === 'string' && params.order.trim() !== '' ? params.order : (modelDef(model)?.order ?? 'id'));
  const offset = typeof params.offset === 'number' && params.offset > 0 ? params.offset : 0;
  const limit = typeof params.limit === 'number' && params.limit > 0 ? params.limit : undefined;
  return sorted.slice(offset, limit === undefined ? undefined : offset + limit).map((row) => row.id);
}

function leafTest(db: Database, model: string, row: Row, leaf: Leaf): boolean {
  if (leaf.operator === 'child_of' || leaf.operator === 'parent_of') return hierarchyTest(db, model, row, leaf);
  return leafMatches(leaf, resolve(db, model, row, leaf.field, leaf));
}

/** A (dotted) path's values on a row: relations are followed, x2many fan out. */
function resolve(db: Database, model: string, row: Row, path: string, leaf: Leaf): LeafValues {
  const [head = '', ...rest] = path.split('.');
  const def = fieldDef(model, head);
  if (!def) throw serverError('ValueError', `Invalid field ${model}.${head} in leaf ('${leaf.field}', '${leaf.operator}', ${JSON.stringify(leaf.value)})`);
  const related = relatedIds(db, row, head, def);
  if (rest.length > 0) {
    if (!def.relation) throw serverError('ValueError', `Invalid field ${model}.${path}: ${head} is not a relational field`);
    const relation = def.relation;
    const nested = related.map((id) => resolve(db, relation, db.row(relation, id) as Row, rest.join('.'), leaf));
    const merged: LeafValues = { values: nested.flatMap((n) => n.values), isBoolean: nested[0]?.isBoolean ?? false };
    if (nested.some((n) => n.names)) merged.names = nested.flatMap((n) => n.names ?? []);
    return merged;
  }
  if (def.relation) return { values: related, names: related.map((id) => db.displayName(def.relation as string, id)), isBoolean: false };
  const value = head === 'display_name' ? db.rules.displayName(db, model, row) : head === 'id' ? row.id : row[head];
  if (def.type === 'boolean') return { values: [Boolean(value)], isBoolean: true };
  return { values: value === false || value === undefined || value === null ? [] : [value], isBoolean: false };
}

function relatedIds(db: Database, row: Row, field: string, def: FieldDef): number[] {
  if (def.type === 'many2one') return typeof row[field] === 'number' ? [row[field] as number] : [];
  if (def.type === 'many2many') return Array.isArray(row[field]) ? (row[field] as number[]) : [];
  if (def.type === 'one2many') return childIds(db, row, def);
  return [];
}

/** child_of: the row is one of the ids or below one through parent_id; parent_of the other way. */
function hierarchyTest(db: Database, model: string, row: Row, leaf: Leaf): boolean {
  if (!fieldDef(model, 'parent_id')) throw serverError('ValueError', `Invalid leaf: ${model} has no parent_id for '${leaf.operator}'`);
  const targets = new Set((Array.isArray(leaf.value) ? leaf.value : [leaf.value]).filter((v): v is number => typeof v === 'number'));
  const ancestors = (start: Row): number[] => {
    const chain: number[] = [];
    for (let current: Row | undefined = start; current && !chain.includes(current.id); current = typeof current.parent_id === 'number' ? db.row(model, current.parent_id) : undefined) {
      chain.push(current.id);
    }
    return chain;
  };
  if (leaf.operator === 'child_of') return ancestors(row).some((id) => targets.has(id));
  return [...targets].some((target) => {
    const start = db.row(model, target);
    return start !== undefined && ancestors(start).includes(row.id);
  });
}

function sortRows(db: Database, model: string, rows: Row[], order: string): Row[] {
  const keys = order.split(',').map((part) => {
    const [field = '', direction = 'asc', ...extra] = part.trim().split(/\s+/);
    const def = fieldDef(model, field);
    const dir = direction.toLowerCase();
    if (!def || def.type === 'one2many' || def.type === 'many2many' || (dir !== 'asc' && dir !== 'desc') || extra.length > 0) {
      throw serverError(
        'ValueError',
        `Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
      );
    }
    return { field, def, desc: dir === 'desc' };
  });
  const sortValue = (row: Row, field: string, def: FieldDef): unknown => {
    const value = field === 'id' ? row.id : row[field];
    if (def.type === 'many2one') return typeof value === 'number' ? db.displayName(def.relation as string, value) : undefined;
    return value === false || value === null ? undefined : value;
  };
  return [...rows].sort((a, b) => {
    for (const { field, def, desc } of keys) {
      const x = sortValue(a, field, def);
      const y = sortValue(b, field, def);
      if (x === y) continue;
      // PostgreSQL: NULLs sort last ascending, first descending.
      if (x === undefined) return desc ? -1 : 1;
      if (y === undefined) return desc ? 1 : -1;
      const cmp = (x as number | string) < (y as number | string) ? -1 : 1;
      return desc ? -cmp : cmp;
    }
    return a.id - b.id;
  });
}
