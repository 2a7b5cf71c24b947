// A logistics object as one tree: embedded objects (Values, Parties, Locations…) inlined, links to other
// logistics objects kept as references. Both the document to publish and the server's copy are read
// into this shape, so they can be compared and the differences expressed as change operations.
import type { GraphNode, LinkedGraph } from '../jsonld/graph';
import { types } from '../jsonld/graph';

export type LiteralValue = { '@value': string | number | boolean; '@type'?: string; '@language'?: string };
export type LinkValue = { '@id': string };
export interface EmbeddedObject {
  /** The server's id of an embedded object (internal:…, neone:…, _:b…); absent in documents to publish. */
  '@id'?: string;
  '@type': string[];
  properties: Map<string, TreeValue[]>;
}
export type TreeValue = LiteralValue | LinkValue | EmbeddedObject;

/** Server-managed properties a client neither sends nor changes. */
const SERVER_MANAGED = new Set([
  'https://onerecord.iata.org/ns/api#hasRevision',
  'https://onerecord.iata.org/ns/api#hasLatestRevision',
  'https://onerecord.iata.org/ns/cargo#events',
]);

export const isEmbedded = (value: TreeValue): value is EmbeddedObject => 'properties' in value;
export const isLink = (value: TreeValue): value is LinkValue => !isEmbedded(value) && '@id' in value;

/**
 * The tree of a logistics object. `isObjectIri` tells links to other logistics objects (kept as links)
 * from embedded objects (inlined); a node that references itself through embedded objects is cut.
 */
export function treeOf(graph: LinkedGraph, node: GraphNode, isObjectIri: (iri: string) => boolean, seen: Set<string> = new Set([node['@id']])): EmbeddedObject {
  const properties = new Map<string, TreeValue[]>();
  for (const [property, raw] of Object.entries(node)) {
    if (property.startsWith('@') || SERVER_MANAGED.has(property) || !Array.isArray(raw)) continue;
    const values: TreeValue[] = [];
    for (const value of raw as Array<Record<string, unknown>>) {
      const id = value['@id'];
      if (typeof id !== 'string') {
        values.push(value as LiteralValue);
        continue;
      }
      const target = graph.node(id);
      if (target === undefined || isObjectIri(id) || seen.has(id)) {
        values.push({ '@id': id });
        continue;
      }
      values.push(treeOf(graph, target, isObjectIri, new Set([...seen, id])));
    }
    if (values.length > 0) properties.set(property, values);
  }
  const tree: EmbeddedObject = { '@type': types(node), properties };
  if (!node['@id'].startsWith('_:')) tree['@id'] = node['@id'];
  return tree;
}

/** A comparison key that ignores embedded ids, value order and number formatting ("358.5" = 358.5). */
export function valueKey(value: TreeValue): string {
  if (isEmbedded(value)) {
    const entries = [...value.properties.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([property, values]) => `${property}=[${values.map(valueKey).sort().join(',')}]`);
    return `{${[...value['@type']].sort().join('|')};${entries.join(';')}}`;
  }
  if (isLink(value)) return `<${value['@id']}>`;
  const literal = value['@value'];
  // Servers store some links as xsd:anyURI literals; they mean the same resource.
  if (value['@type'] === 'http://www.w3.org/2001/XMLSchema#anyURI') return `<${String(literal)}>`;
  const numeric = typeof literal === 'number' || (typeof literal === 'string' && /(double|decimal|float|int|integer|long|short)$/i.test(value['@type'] ?? '') && literal.trim() !== '');
  return numeric ? `#${Number(literal)}` : `"${String(literal)}"`;
}

/** The tree as expanded JSON-LD, without the ids of embedded objects: the body of a create. */
export function toExpanded(tree: EmbeddedObject, iri?: string): Record<string, unknown> {
  const node: Record<string, unknown> = {};
  if (iri !== undefined) node['@id'] = iri;
  if (tree['@type'].length > 0) node['@type'] = tree['@type'];
  for (const [property, values] of tree.properties) {
    node[property] = values.map((value) => (isEmbedded(value) ? toExpanded(value) : value));
  }
  return node;
}
