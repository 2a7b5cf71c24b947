// How a value written to a simulated field is checked and stored, the way Odoo's fields convert
// them: dates as "YYYY-MM-DD", datetimes as UTC "YYYY-MM-DD HH:MM:SS", empties as false, selections
// checked against their values, many2one ids checked for existence.
import { XmlRpcDateTime } from '../xmlrpc/values';
import type { FieldDef } from './model-schema';
import { serverError, userError, validationError } from './odoo-exceptions';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export interface RelationCheck {
  exists(model: string, id: number): boolean;
}

/** A scalar or many2one value as stored; x2many commands are the database's business. */
export function storedValue(model: string, field: string, def: FieldDef, value: unknown, relations: RelationCheck): unknown {
  const empty = value === false || value === null || value === undefined;
  switch (def.type) {
    case 'char':
    case 'text':
      if (empty) return false;
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return String(value);
      throw serverError('ValueError', `Wrong value for ${model}.${field}: ${JSON.stringify(value)} is not a string`);
    case 'selection':
      if (empty) return false;
      if (typeof value === 'string' && def.selection?.includes(value)) return value;
      throw serverError('ValueError', `Wrong value for ${model}.${field}: '${String(value)}'`);
    case 'integer':
      if (empty) return 0;
      return Math.trunc(number(model, field, value));
    case 'float':
    case 'monetary':
      if (empty) return 0;
      return number(model, field, value);
    case 'boolean':
      return Boolean(value);
    case 'date':
      return empty || value === '' ? false : dateValue(value);
    case 'datetime':
      return empty || value === '' ? false : datetimeValue(value);
    case 'binary':
      if (empty) return false;
      if (Buffer.isBuffer(value)) return value.toString('base64');
      if (typeof value === 'string') return value;
      throw serverError('ValueError', `Wrong value for ${model}.${field}: binary fields take base64 text`);
    case 'many2one': {
      if (empty) return false;
      const id = Array.isArray(value) ? value[0] : value;
      if (typeof id !== 'number' || !Number.isInteger(id)) throw serverError('ValueError', `Wrong value for ${model}.${field}: ${JSON.stringify(value)} is not a record id`);
      if (!relations.exists(def.relation as string, id)) {
        throw validationError(`The operation cannot be completed: Record does not exist or has been deleted.\n(Record: ${def.relation as string}(${id},), Field: ${model}.${field})`);
      }
      return id;
    }
    default:
      throw userError(`${model}.${field} is a ${def.type} field; write it with commands`);
  }
}

function number(model: string, field: string, value: unknown): number {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(parsed)) throw serverError('ValueError', `could not convert ${JSON.stringify(value)} to a number for ${model}.${field}`);
  return parsed;
}

function dateValue(value: unknown): string {
  const text = value instanceof XmlRpcDateTime ? value.toOdooString() : value;
  if (typeof text === 'string') {
    const candidate = text.slice(0, 10);
    if (DATE.test(candidate) && validCalendarDate(candidate) && (text.length === 10 || DATETIME.test(text))) return candidate;
  }
  throw serverError('ValueError', `time data ${JSON.stringify(text)} does not match format '%Y-%m-%d'`);
}

function datetimeValue(value: unknown): string {
  const text = value instanceof XmlRpcDateTime ? value.toOdooString() : value;
  if (typeof text === 'string') {
    if (DATE.test(text) && validCalendarDate(text)) return `${text} 00:00:00`;
    if (DATETIME.test(text) && validCalendarDate(text.slice(0, 10)) && validClock(text.slice(11))) return text;
  }
  throw serverError('ValueError', `time data ${JSON.stringify(text)} does not match format '%Y-%m-%d %H:%M:%S'`);
}

function validCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function validClock(text: string): boolean {
  const [h, m, s] = text.split(':').map(Number);
  return (h as number) < 24 && (m as number) < 60 && (s as number) < 60;
}

/** The value Odoo's read() returns for an empty field of this type. */
export function emptyRead(def: FieldDef): unknown {
  if (def.type === 'integer' || def.type === 'float' || def.type === 'monetary') return 0;
  if (def.type === 'one2many' || def.type === 'many2many') return [];
  return false;
}
