// one2many and many2many writes with Odoo's command tuples: [0, 0, vals] create, [1, id, vals] update,
// [2, id] delete, [3, id] unlink, [4, id] link, [5] clear, [6, 0, ids] replace. A bare id list
// means "replace" for many2many, as Odoo accepts it.
import type { Database, Env, Row } from './database';
import { fieldDef } from './model-schema';
import type { FieldDef } from './model-schema';
import { serverError } from './odoo-exceptions';

/** Ids of the records whose inverse many2one points at this row, in id order. */
export function childIds(db: Database, row: Row, def: FieldDef): number[] {
  const inverse = def.inverse as string;
  return db
    .rows(def.relation as string)
    .filter((child) => child[inverse] === row.id)
    .map((child) => child.id)
    .sort((a, b) => a - b);
}

export function applyX2many(db: Database, env: Env, model: string, row: Row, field: string, def: FieldDef, value: unknown): void {
  if (!Array.isArray(value)) throw serverError('ValueError', `Wrong value for ${model}.${field}: x2many fields take a list of commands`);
  const commands = value.every((item) => typeof item === 'number') ? [[6, 0, value]] : value;
  for (const command of commands) {
    if (!Array.isArray(command) || typeof command[0] !== 'number') throw serverError('ValueError', `Wrong value for ${model}.${field}: ${JSON.stringify(command)} is not a command tuple`);
    if (def.type === 'one2many') one2many(db, env, row, def, command as unknown[]);
    else many2many(db, env, row, field, def, command as unknown[]);
  }
}

function one2many(db: Database, env: Env, row: Row, def: FieldDef, command: unknown[]): void {
  const relation = def.relation as string;
  const inverse = def.inverse as string;
  const [code, id, vals] = command;
  const detach = (childId: number): void => {
    // A child that cannot exist without its parent is deleted, as Odoo does for order lines.
    if (fieldDef(relation, inverse)?.required) db.unlink(env, relation, [childId]);
    else db.write(env, relation, [childId], { [inverse]: false });
  };
  switch (code) {
    case 0:
      db.create(env, relation, { ...record(vals, command), [inverse]: row.id });
      return;
    case 1:
      db.write(env, relation, [ident(id, command)], record(vals, command));
      return;
    case 2:
      db.unlink(env, relation, [ident(id, command)]);
      return;
    case 3:
      detach(ident(id, command));
      return;
    case 4:
      db.write(env, relation, [ident(id, command)], { [inverse]: row.id });
      return;
    case 5:
      for (const child of childIds(db, row, def)) detach(child);
      return;
    case 6: {
      const keep = ids(vals, command);
      for (const child of childIds(db, row, def)) if (!keep.includes(child)) detach(child);
      for (const child of keep) db.write(env, relation, [child], { [inverse]: row.id });
      return;
    }
    default:
      throw serverError('ValueError', `Unknown x2many command ${JSON.stringify(command)}`);
  }
}

function many2many(db: Database, env: Env, row: Row, field: string, def: FieldDef, command: unknown[]): void {
  const relation = def.relation as string;
  const current = new Set(Array.isArray(row[field]) ? (row[field] as number[]) : []);
  const [code, id, vals] = command;
  const link = (target: number): void => {
    db.existing(env, relation, [target]);
    current.add(target);
  };
  switch (code) {
    case 0:
      current.add(db.create(env, relation, record(vals, command)));
      break;
    case 1:
      db.write(env, relation, [ident(id, command)], record(vals, command));
      break;
    case 2:
      db.unlink(env, relation, [ident(id, command)]);
      current.delete(ident(id, command));
      break;
    case 3:
      current.delete(ident(id, command));
      break;
    case 4:
      link(ident(id, command));
      break;
    case 5:
      current.clear();
      break;
    case 6:
      current.clear();
      for (const target of ids(vals, command)) link(target);
      break;
    default:
      throw serverError('ValueError', `Unknown x2many command ${JSON.stringify(command)}`);
  }
  row[field] = [...current].sort((a, b) => a - b);
}

function ident(value: unknown, command: unknown[]): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw serverError('ValueError', `command ${JSON.stringify(command)} needs a record id`);
  return value;
}

function record(value: unknown, command: unknown[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw serverError('ValueError', `command ${JSON.stringify(command)} needs a values mapping`);
  return value as Record<string, unknown>;
}

function ids(value: unknown, command: unknown[]): number[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'number')) throw serverError('ValueError', `command ${JSON.stringify(command)} needs a list of ids`);
  return value as number[];
}
