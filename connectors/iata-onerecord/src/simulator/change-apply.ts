// Server side of a change request: read the api:Change, check it (the object it names, the revision,
// no operation on cargo:events), and apply its operations atomically — deletes first, then adds, new
// embedded objects built from blank nodes — or say which operation could not be applied.
import { randomUUID } from 'node:crypto';
import type { LinkedGraph } from '../jsonld/graph';
import { number, ref, refs, string } from '../jsonld/graph';
import type { ChangeOperation } from '../publish/change-builder';
import { api, cargo, XSD } from '../vocabulary';
import type { ExpandedTree } from './store';
import { isEmbeddedNode } from './store';

export interface ParsedChange {
  object: string;
  revision: number;
  operations: ChangeOperation[];
  node: ExpandedTree;
}

/** The change in a PATCH body, or why it is not a valid api:Change (answered with HTTP 400). */
export function parseChange(graph: LinkedGraph, target: string): ParsedChange | string {
  const change = graph.ofType(api('Change'))[0];
  if (change === undefined) return 'the body holds no api:Change';
  const object = ref(change, api('hasLogisticsObject'));
  if (object !== target) return `api:hasLogisticsObject ${object ?? '(none)'} does not match the logistics object ${target} the PATCH was sent to`;
  const revision = number(change, api('hasRevision'));
  if (revision === undefined || !Number.isInteger(revision) || revision < 0) return 'api:hasRevision must give the revision the change was made against';
  const operations: ChangeOperation[] = [];
  for (const node of graph.linkedAll(change, api('hasOperation'))) {
    const op = ref(node, api('op'));
    const s = string(node, api('s'));
    const p = ref(node, api('p'));
    const o = graph.linkedAll(node, api('o'))[0];
    const datatype = o === undefined ? undefined : ref(o, api('hasDatatype'));
    const value = o === undefined ? undefined : string(o, api('hasValue'));
    if ((op !== api('ADD') && op !== api('DELETE')) || s === undefined || p === undefined || datatype === undefined || value === undefined) {
      return `operation ${node['@id']} needs api:op (ADD or DELETE), api:s, api:p and api:o with api:hasDatatype and api:hasValue`;
    }
    if (p === cargo('events')) return 'operations on cargo:events are not allowed: logistics events are posted to …/logistics-events';
    operations.push({ op: op === api('ADD') ? 'ADD' : 'DELETE', s, p, datatype, value });
  }
  if (operations.length === 0) return 'api:hasOperation is empty; a change needs at least one operation';
  return { object, revision, operations, node: { '@id': change['@id'], operations: refs(change, api('hasOperation')).length } };
}

export class ChangeConflict extends Error {}

/** Apply the operations to a copy of the object; throws ChangeConflict naming the operation that does not fit. */
export function applyOperations(root: ExpandedTree, operations: ChangeOperation[], embeddedPrefix: string): { node: ExpandedTree; changed: string[] } {
  const node = structuredClone(root);
  const subjects = new Map<string, ExpandedTree>();
  index(node, subjects);
  const changed = new Set<string>();
  const ordered = [...operations.filter((o) => o.op === 'DELETE'), ...operations.filter((o) => o.op === 'ADD')];
  for (const operation of ordered) {
    const subject = subjects.get(operation.s);
    if (subject === undefined) throw new ChangeConflict(`${operation.op} on ${operation.s}: no such subject in the object (a blank node must be added before it is used)`);
    const values = (Array.isArray(subject[operation.p]) ? subject[operation.p] : []) as unknown[];
    if (operation.op === 'DELETE') {
      const index = values.findIndex((value) => matches(value, operation));
      if (index < 0) throw new ChangeConflict(`DELETE ${operation.p} = ${operation.value} on ${operation.s}: the object has no such value (was the change built on another revision?)`);
      values.splice(index, 1);
    } else if (operation.value.startsWith('_:')) {
      const created: ExpandedTree = { '@id': `${embeddedPrefix}${randomUUID()}`, '@type': [operation.datatype] };
      subjects.set(operation.value, created);
      values.push(created);
    } else {
      values.push(literalOrLink(operation));
    }
    if (values.length > 0) subject[operation.p] = values;
    else delete subject[operation.p];
    changed.add(operation.p);
  }
  return { node, changed: [...changed] };
}

function index(tree: ExpandedTree, subjects: Map<string, ExpandedTree>): void {
  if (typeof tree['@id'] === 'string') subjects.set(tree['@id'], tree);
  for (const value of Object.values(tree)) {
    if (Array.isArray(value)) for (const item of value) if (isEmbeddedNode(item)) index(item, subjects);
  }
}

function matches(value: unknown, operation: ChangeOperation): boolean {
  if (value === null || typeof value !== 'object') return false;
  const record = value as { '@id'?: string; '@value'?: unknown };
  if (record['@id'] !== undefined) return record['@id'] === operation.value;
  const literal = record['@value'];
  if (typeof literal === 'number' || typeof literal === 'boolean') return String(literal) === operation.value || Number(operation.value) === literal;
  return String(literal) === operation.value;
}

const NUMERIC = /(double|decimal|float|integer|int|long|short|positiveInteger|nonNegativeInteger)$/;

function literalOrLink(operation: ChangeOperation): unknown {
  const { datatype, value } = operation;
  if (!datatype.startsWith(XSD)) return { '@id': value };
  if (datatype === `${XSD}boolean`) return { '@value': value === 'true' };
  if (NUMERIC.test(datatype)) return datatype.endsWith('double') ? { '@value': Number(value), '@type': datatype } : { '@value': Number(value) };
  if (datatype === `${XSD}string`) return { '@value': value };
  return { '@value': value, '@type': datatype };
}
