// The difference between the server's copy of a logistics object and the one to publish, as an api:Change:
// for each property Interline writes, DELETE the values that went away and ADD the new ones (embedded
// objects as blank nodes built up by further operations), against the revision that was read.
import { PermanentError } from '@interline/hub';
import { isEmbedded, isLink, valueKey } from './embedded';
import type { EmbeddedObject, LiteralValue, TreeValue } from './embedded';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const API = 'https://onerecord.iata.org/ns/api#';
const ANY_URI = `${XSD}anyURI`;
const CARGO = 'https://onerecord.iata.org/ns/cargo#';
const CODE_LISTS = 'https://onerecord.iata.org/ns/code-lists/';

export interface ChangeOperation {
  op: 'ADD' | 'DELETE';
  s: string;
  p: string;
  datatype: string;
  value: string;
}

/**
 * Operations turning `current` into `desired` for the properties `desired` has. Properties only the
 * server has are left alone: ONE Record objects are shared, and another party may have added them.
 */
export function diffOperations(subject: string, current: EmbeddedObject, desired: EmbeddedObject, classOf: (iri: string) => string | undefined): ChangeOperation[] {
  const operations: ChangeOperation[] = [];
  let blank = 0;
  const label = () => `_:b${blank++}`;
  for (const [property, wanted] of desired.properties) {
    const present = current.properties.get(property) ?? [];
    const wantedKeys = new Set(wanted.map(valueKey));
    const presentKeys = new Set(present.map(valueKey));
    for (const value of present) {
      if (!wantedKeys.has(valueKey(value))) operations.push({ op: 'DELETE', s: subject, p: property, ...object(value, classOf) });
    }
    for (const value of wanted) {
      if (!presentKeys.has(valueKey(value))) operations.push(...additions(subject, property, value, classOf, label));
    }
  }
  // Deletes first, as the server applies them: a replaced value is never briefly doubled.
  return [...operations.filter((o) => o.op === 'DELETE'), ...operations.filter((o) => o.op === 'ADD')];
}

function additions(subject: string, property: string, value: TreeValue, classOf: (iri: string) => string | undefined, label: () => string): ChangeOperation[] {
  if (!isEmbedded(value)) return [{ op: 'ADD', s: subject, p: property, ...object(value, classOf) }];
  const node = label();
  const operations: ChangeOperation[] = [{ op: 'ADD', s: subject, p: property, datatype: value['@type'][0] ?? `${API}Object`, value: node }];
  for (const [child, values] of value.properties) {
    for (const childValue of values) operations.push(...additions(node, child, childValue, classOf, label));
  }
  return operations;
}

/** The api:OperationObject of a value: its datatype (class for objects and links) and lexical value. */
function object(value: TreeValue, classOf: (iri: string) => string | undefined): { datatype: string; value: string } {
  if (isEmbedded(value)) {
    // A change request can only delete an embedded object the server named (ONE Record servers must).
    if (value['@id'] === undefined) throw new PermanentError(`the server's copy has an embedded ${value['@type'][0] ?? 'object'} without an id, so a change request cannot remove it; ask the partner to assign ids to embedded objects`);
    return { datatype: value['@type'][0] ?? `${API}Object`, value: value['@id'] };
  }
  if (isLink(value)) return { datatype: linkDatatype(value['@id'], classOf), value: value['@id'] };
  return { datatype: literalType(value), value: String(value['@value']) };
}

/**
 * The datatype of a link: the target's class, as ONE Record change requests name it. Code-list values
 * are typed by their list (…/code-lists/StatusCode), cargo enumeration values by CodeListElement.
 */
function linkDatatype(iri: string, classOf: (iri: string) => string | undefined): string {
  const known = classOf(iri);
  if (known !== undefined) return known;
  if (iri.startsWith(CODE_LISTS) && iri.includes('#')) return iri.slice(0, iri.indexOf('#'));
  if (iri.startsWith(CARGO)) return `${CARGO}CodeListElement`;
  return `${CARGO}LogisticsObject`;
}

function literalType(value: LiteralValue): string {
  if (value['@type'] !== undefined) return value['@type'];
  if (typeof value['@value'] === 'boolean') return `${XSD}boolean`;
  if (typeof value['@value'] === 'number') return Number.isInteger(value['@value']) ? `${XSD}integer` : `${XSD}double`;
  return `${XSD}string`;
}

/** The api:Change document (expanded form) for a set of operations. */
export function changeDocument(subject: string, revision: number, operations: ChangeOperation[], description: string): Record<string, unknown> {
  return {
    '@type': [`${API}Change`],
    [`${API}hasLogisticsObject`]: [{ '@id': subject }],
    [`${API}hasDescription`]: [{ '@value': description }],
    [`${API}hasRevision`]: [{ '@value': revision, '@type': `${XSD}positiveInteger` }],
    [`${API}notifyRequestStatusChange`]: [{ '@value': false }],
    [`${API}hasOperation`]: operations.map((operation) => ({
      '@type': [`${API}Operation`],
      [`${API}op`]: [{ '@id': `${API}${operation.op}` }],
      [`${API}s`]: [{ '@value': operation.s }],
      [`${API}p`]: [{ '@value': operation.p, '@type': ANY_URI }],
      [`${API}o`]: [
        {
          '@type': [`${API}OperationObject`],
          [`${API}hasDatatype`]: [{ '@value': operation.datatype, '@type': ANY_URI }],
          [`${API}hasValue`]: [{ '@value': operation.value }],
        },
      ],
    })),
  };
}
