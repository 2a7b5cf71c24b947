// Odoo domains: parse the prefix notation ('&', '|', '!' before their operands; implicit '&' between
// top-level terms) and evaluate leaves with Odoo's operators, including its "false means empty".
import { serverError } from './odoo-exceptions';

export interface Leaf {
  field: string;
  operator: string;
  value: unknown;
}

export type DomainNode = { kind: 'and' | 'or'; children: DomainNode[] } | { kind: 'not'; child: DomainNode } | { kind: 'leaf'; leaf: Leaf } | { kind: 'const'; value: boolean };

export const OPERATORS = ['=', '!=', '>', '>=', '<', '<=', 'in', 'not in', 'like', 'not like', 'ilike', 'not ilike', '=like', '=ilike', '=?', 'child_of', 'parent_of'] as const;

export function parseDomain(raw: unknown): DomainNode {
  if (raw === undefined || raw === null || raw === false) return { kind: 'const', value: true };
  if (!Array.isArray(raw)) throw serverError('ValueError', `Invalid domain: ${display(raw)} is not a list`);
  const tokens = [...(raw as unknown[])];
  const terms: DomainNode[] = [];
  while (tokens.length > 0) terms.push(parseTerm(tokens));
  return terms.length === 1 ? (terms[0] as DomainNode) : { kind: 'and', children: terms };
}

function parseTerm(tokens: unknown[]): DomainNode {
  const token = tokens.shift();
  if (token === '&' || token === '|') {
    if (tokens.length < 2) throw serverError('ValueError', `Invalid domain: operator '${token}' needs two operands`);
    return { kind: token === '&' ? 'and' : 'or', children: [parseTerm(tokens), parseTerm(tokens)] };
  }
  if (token === '!') {
    if (tokens.length < 1) throw serverError('ValueError', "Invalid domain: operator '!' needs an operand");
    return { kind: 'not', child: parseTerm(tokens) };
  }
  if (!Array.isArray(token) || token.length !== 3) throw serverError('ValueError', `Invalid leaf ${display(token)}`);
  const [field, operator, value] = token as [unknown, unknown, unknown];
  // Odoo's TRUE_LEAF (1, '=', 1) and FALSE_LEAF (0, '=', 1).
  if (typeof field === 'number' && operator === '=' && value === 1) return { kind: 'const', value: field === 1 };
  if (typeof field !== 'string' || typeof operator !== 'string') throw serverError('ValueError', `Invalid leaf ${display(token)}`);
  const op = operator.toLowerCase();
  if (!(OPERATORS as readonly string[]).includes(op)) throw serverError('ValueError', `Invalid leaf ${display(token)}: unknown operator '${operator}'`);
  if ((op === 'in' || op === 'not in') && !Array.isArray(value)) throw serverError('ValueError', `Invalid leaf ${display(token)}: the value of '${op}' must be a list`);
  return { kind: 'leaf', leaf: { field, operator: op, value } };
}

export function evaluate(node: DomainNode, test: (leaf: Leaf) => boolean): boolean {
  switch (node.kind) {
    case 'const':
      return node.value;
    case 'leaf':
      return test(node.leaf);
    case 'not':
      return !evaluate(node.child, test);
    case 'and':
      return node.children.every((child) => evaluate(child, test));
    case 'or':
      return node.children.some((child) => evaluate(child, test));
  }
}

/** Field names used by the domain's leaves (the active_test rule looks for 'active'). */
export function leafFields(node: DomainNode): string[] {
  if (node.kind === 'leaf') return [node.leaf.field];
  if (node.kind === 'not') return leafFields(node.child);
  if (node.kind === 'and' || node.kind === 'or') return node.children.flatMap(leafFields);
  return [];
}

export interface LeafValues {
  /** The field's values on the record: [] when empty (false, no relation); several for x2many. */
  values: unknown[];
  /** Display names of related records, for a string compared with a relational field. */
  names?: string[];
  isBoolean: boolean;
}

/** One leaf against a record's resolved values. child_of / parent_of are handled by the caller. */
export function leafMatches(leaf: Leaf, field: LeafValues): boolean {
  const { operator, value } = leaf;
  const values = typeof value === 'string' && field.names ? field.names : field.values;
  switch (operator) {
    case '=':
    case '=?':
      if (operator === '=?' && (value === false || value === null || value === undefined)) return true;
      if (value === false || value === null) return field.isBoolean ? values.length === 0 || values.includes(false) : values.length === 0;
      return values.some((v) => same(v, value));
    case '!=':
      return !leafMatches({ ...leaf, operator: '=' }, field);
    case 'in': {
      const list = value as unknown[];
      if (list.includes(false) && values.length === 0) return true;
      return values.some((v) => list.some((item) => same(v, item)));
    }
    case 'not in':
      return !leafMatches({ ...leaf, operator: 'in' }, field);
    case '>':
    case '>=':
    case '<':
    case '<=':
      return values.some((v) => v !== false && v !== null && compare(v, value, operator));
    case 'like':
    case 'ilike':
    case '=like':
    case '=ilike': {
      const pattern = operator.startsWith('=') ? String(value) : `%${String(value)}%`;
      const regex = likeRegex(pattern, operator.endsWith('ilike'));
      return values.some((v) => typeof v === 'string' && regex.test(v));
    }
    case 'not like':
    case 'not ilike':
      return !leafMatches({ ...leaf, operator: operator.slice(4) }, field);
    default:
      throw serverError('ValueError', `Invalid leaf ('${leaf.field}', '${operator}', ${display(value)})`);
  }
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'string' && b.trim() !== '') return a === Number(b);
  return a === b;
}

function compare(a: unknown, b: unknown, operator: string): boolean {
  if (b === false || b === null || b === undefined) return false;
  const left = typeof a === 'boolean' ? Number(a) : a;
  const right = typeof b === 'boolean' ? Number(b) : b;
  if (typeof left === 'number' && typeof right === 'number') return apply(left - right, operator);
  // Strings compare by code point, as PostgreSQL's "C" collation does; Odoo's dates sort this way too.
  const [l, r] = [String(left), String(right)];
  return apply(l === r ? 0 : l < r ? -1 : 1, operator);
}

function apply(difference: number, operator: string): boolean {
  if (operator === '>') return difference > 0;
  if (operator === '>=') return difference >= 0;
  if (operator === '<') return difference < 0;
  return difference <= 0;
}

/** SQL LIKE: % any run, _ one character; everything else literal. */
function likeRegex(pattern: string, caseInsensitive: boolean): RegExp {
  const body = [...pattern].map((char) => (char === '%' ? '.*' : char === '_' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
}

function display(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
