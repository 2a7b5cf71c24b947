// The simulator's ORM core: tables of rows, create/write/unlink/read with Odoo's field semantics,
// magic fields (create/write uid and date, second precision, UTC), x2many commands, required-field
// errors in Odoo's words, and the business rules hooked in after every change.
import { EFFECT_MODELS, allFields, fieldDef, modelDef } from './model-schema';
import type { FieldDef } from './model-schema';
import { emptyRead, storedValue } from './field-values';
import { applyX2many, childIds } from './x2many';
import { missingError, missingRequired, serverError } from './odoo-exceptions';

export type Row = Record<string, unknown> & { id: number };

export interface Env {
  uid: number;
  context: Record<string, unknown>;
}

export interface Effect {
  seq: number;
  model: string;
  id: number;
  uid: number;
  at: string;
}

/** Odoo's business logic for the simulated models, kept apart from the generic ORM. */
export interface BusinessRules {
  /** Defaults that depend on the environment or other values (sequence names, journals). */
  beforeCreate(db: Database, env: Env, model: string, vals: Record<string, unknown>): void;
  /** SQL-constraint-like checks on a row about to be stored. */
  check(db: Database, model: string, row: Row): void;
  /** Recompute stored computed fields after records changed (amounts, names, states of parents). */
  afterChange(db: Database, env: Env, model: string, ids: readonly number[]): void;
  beforeUnlink(db: Database, model: string, rows: readonly Row[]): void;
  displayName(db: Database, model: string, row: Row): string;
}

export class Database {
  private tables = new Map<string, Map<number, Row>>();
  private nextIds = new Map<string, number>();
  private sequences = new Map<string, number>();
  effects: Effect[] = [];

  constructor(
    readonly clock: () => Date,
    readonly rules: BusinessRules,
  ) {}

  /** Odoo's UTC datetime string for the simulator's clock, whole seconds like Odoo's write_date. */
  now(): string {
    return this.clock().toISOString().slice(0, 19).replace('T', ' ');
  }

  today(): string {
    return this.now().slice(0, 10);
  }

  table(model: string): Map<number, Row> {
    let table = this.tables.get(model);
    if (!table) {
      table = new Map();
      this.tables.set(model, table);
    }
    return table;
  }

  row(model: string, id: number): Row | undefined {
    return this.tables.get(model)?.get(id);
  }

  exists(model: string, id: number): boolean {
    return this.row(model, id) !== undefined;
  }

  rows(model: string): Row[] {
    return [...this.table(model).values()];
  }

  /** Seeding: the next record of `model` gets at least this id (users keep Odoo's familiar uids). */
  skipTo(model: string, id: number): void {
    if ((this.nextIds.get(model) ?? 1) < id) this.nextIds.set(model, id);
  }

  /** The next number of a document sequence (S00042, INV/2025/00007); like PostgreSQL, not rolled back. */
  nextNumber(code: string): number {
    const next = (this.sequences.get(code) ?? 0) + 1;
    this.sequences.set(code, next);
    return next;
  }

  displayName(model: string, id: number): string {
    const row = this.row(model, id);
    return row ? this.rules.displayName(this, model, row) : `${model},${id}`;
  }

  create(env: Env, model: string, vals: Record<string, unknown>): number {
    const def = modelDef(model);
    if (!def) throw serverError('KeyError', `'${model}'`);
    checkFieldNames(model, vals);
    const values = { ...vals };
    this.rules.beforeCreate(this, env, model, values);
    const id = this.nextIds.get(model) ?? 1;
    this.nextIds.set(model, id + 1);
    const now = this.now();
    const row: Row = { id, create_uid: env.uid, create_date: now, write_uid: env.uid, write_date: now };
    for (const [field, fdef] of Object.entries(def.fields)) {
      if (fdef.default !== undefined && !(field in values)) row[field] = fdef.default;
    }
    const x2many: Array<[string, FieldDef, unknown]> = [];
    for (const [field, value] of Object.entries(values)) {
      const fdef = fieldDef(model, field) as FieldDef;
      if (fdef.computed || value === undefined) continue;
      if (fdef.type === 'one2many' || fdef.type === 'many2many') x2many.push([field, fdef, value]);
      else row[field] = storedValue(model, field, fdef, value, this);
    }
    this.checkRequired(model, row);
    this.rules.check(this, model, row);
    this.table(model).set(id, row);
    for (const [field, fdef, commands] of x2many) applyX2many(this, env, model, row, field, fdef, commands);
    this.rules.afterChange(this, env, model, [id]);
    if (EFFECT_MODELS.has(model) && !(model === 'res.partner' && row.parent_id)) {
      this.effects.push({ seq: this.effects.length + 1, model, id, uid: env.uid, at: now });
    }
    return id;
  }

  write(env: Env, model: string, ids: readonly number[], vals: Record<string, unknown>): void {
    checkFieldNames(model, vals);
    const rows = this.existing(env, model, ids);
    const now = this.now();
    for (const row of rows) {
      for (const [field, value] of Object.entries(vals)) {
        const fdef = fieldDef(model, field) as FieldDef;
        if (fdef.computed || value === undefined) continue;
        if (fdef.type === 'one2many' || fdef.type === 'many2many') applyX2many(this, env, model, row, field, fdef, value);
        else row[field] = storedValue(model, field, fdef, value, this);
      }
      this.checkRequired(model, row);
      this.rules.check(this, model, row);
      row.write_uid = env.uid;
      row.write_date = now;
    }
    this.rules.afterChange(this, env, model, ids);
  }

  /** Business rules store computed values; `touch` stamps write_uid/write_date as Odoo's recompute does. */
  setComputed(env: Env, model: string, id: number, values: Record<string, unknown>, touch: boolean): void {
    const row = this.row(model, id);
    if (!row) return;
    const changed = Object.entries(values).some(([field, value]) => JSON.stringify(row[field]) !== JSON.stringify(value));
    Object.assign(row, values);
    if (changed && touch) {
      row.write_uid = env.uid;
      row.write_date = this.now();
    }
  }

  unlink(env: Env, model: string, ids: readonly number[]): void {
    const rows = this.existing(env, model, ids);
    this.rules.beforeUnlink(this, model, rows);
    for (const row of rows) {
      this.table(model).delete(row.id);
      // Children whose link to this row is required go with it (ondelete cascade), as order lines do.
      for (const fdef of Object.values(allFields(model))) {
        if (fdef.type !== 'one2many') continue;
        const inverse = fieldDef(fdef.relation as string, fdef.inverse as string);
        const children = childIds(this, row, fdef);
        if (inverse?.required) this.unlink(env, fdef.relation as string, children);
        else for (const child of children) (this.row(fdef.relation as string, child) as Row)[fdef.inverse as string] = false;
      }
    }
  }

  read(env: Env, model: string, ids: readonly number[], fields?: readonly string[]): Record<string, unknown>[] {
    const names = fields && fields.length > 0 ? [...fields] : Object.keys(allFields(model));
    for (const name of names) if (!fieldDef(model, name)) throw serverError('ValueError', `Invalid field '${name}' on model '${model}'`);
    return this.existing(env, model, ids).map((row) => {
      const record: Record<string, unknown> = { id: row.id };
      for (const name of names) record[name] = this.readValue(model, row, name, fieldDef(model, name) as FieldDef);
      return record;
    });
  }

  readValue(model: string, row: Row, field: string, def: FieldDef): unknown {
    if (field === 'display_name') return this.rules.displayName(this, model, row);
    if (def.type === 'one2many') return childIds(this, row, def);
    const raw = row[field];
    if (def.type === 'many2one') return typeof raw === 'number' ? [raw, this.displayName(def.relation as string, raw)] : false;
    if (def.type === 'many2many') return Array.isArray(raw) ? [...(raw as number[])] : [];
    return raw === undefined ? emptyRead(def) : raw;
  }

  fieldsGet(model: string, attributes?: readonly string[]): Record<string, Record<string, unknown>> {
    const result: Record<string, Record<string, unknown>> = {};
    for (const [name, def] of Object.entries(allFields(model))) {
      const description: Record<string, unknown> = { type: def.type, string: def.string, required: Boolean(def.required), readonly: Boolean(def.computed), store: true };
      if (def.relation) description.relation = def.relation;
      if (def.selection) description.selection = def.selection.map((value) => [value, value]);
      result[name] = attributes && attributes.length > 0 ? Object.fromEntries(Object.entries(description).filter(([key]) => attributes.includes(key))) : description;
    }
    return result;
  }

  /** The rows for these ids, or Odoo's MissingError naming the ids that are gone. */
  existing(env: Env, model: string, ids: readonly number[]): Row[] {
    const missing = ids.filter((id) => !this.exists(model, id));
    if (missing.length > 0) throw missingError(model, missing, env.uid);
    return ids.map((id) => this.row(model, id) as Row);
  }

  private checkRequired(model: string, row: Row): void {
    const def = modelDef(model);
    for (const [field, fdef] of Object.entries(def?.fields ?? {})) {
      if (!fdef.required || fdef.computed) continue;
      const value = row[field];
      if (value === undefined || value === false || value === null) {
        throw missingRequired(model, field);
      }
    }
  }

  /** Every call is one transaction: a failure puts the rows back (ids stay used, as PostgreSQL sequences do). */
  snapshot(): () => void {
    const tables = new Map([...this.tables].map(([model, rows]) => [model, new Map([...rows].map(([id, row]) => [id, structuredClone(row)]))]));
    const effects = this.effects.length;
    return () => {
      this.tables = tables;
      this.effects = this.effects.slice(0, effects);
    };
  }

  reset(): void {
    this.tables.clear();
    this.nextIds.clear();
    this.sequences.clear();
    this.effects = [];
  }
}

function checkFieldNames(model: string, vals: Record<string, unknown>): void {
  if (typeof vals !== 'object' || vals === null || Array.isArray(vals)) throw serverError('ValueError', `${model}: values must be a mapping of field names to values`);
  for (const field of Object.keys(vals)) {
    if (!fieldDef(model, field)) throw serverError('ValueError', `Invalid field '${field}' on model '${model}'`);
  }
}
