// A read-only view over a flattened JSON-LD graph: nodes by id and type, and typed value readers that
// tolerate what real servers send (numbers as strings, xsd:int revisions, several @type values).
import { MalformedInputError } from '@interline/hub';
import type { ExpandedNode } from './json-ld';
import { flattenDocument } from './json-ld';

export type GraphNode = ExpandedNode & { '@id': string };

interface ValueObject {
  '@value'?: unknown;
  '@type'?: string;
  '@id'?: string;
}

export class LinkedGraph {
  private readonly byId = new Map<string, GraphNode>();

  constructor(nodes: readonly ExpandedNode[]) {
    for (const node of nodes) {
      if (typeof node['@id'] === 'string') this.byId.set(node['@id'], node as GraphNode);
    }
  }

  /** Flatten any JSON-LD form (expanded, compacted, @graph, @vocab, embedded or linked) into a graph. */
  static async from(document: unknown, options: { base?: string; what?: string } = {}): Promise<LinkedGraph> {
    return new LinkedGraph(await flattenDocument(document, options));
  }

  nodes(): GraphNode[] {
    return [...this.byId.values()];
  }

  node(id: string): GraphNode | undefined {
    return this.byId.get(id);
  }

  /** Nodes carrying type `typeIri` among their types. */
  ofType(typeIri: string): GraphNode[] {
    return this.nodes().filter((node) => types(node).includes(typeIri));
  }

  /** The single node of a type; a clear error when there is none or several. */
  only(typeIri: string, what: string): GraphNode {
    const found = this.ofType(typeIri);
    if (found.length !== 1) {
      throw new MalformedInputError(`${what}: expected exactly one node of type ${typeIri}, found ${found.length}`, { type: typeIri, count: found.length });
    }
    return found[0] as GraphNode;
  }

  /** The node a property links to, resolved within the graph (undefined for a dangling link). */
  linked(node: ExpandedNode, property: string): GraphNode | undefined {
    const id = ref(node, property);
    return id === undefined ? undefined : this.byId.get(id);
  }

  linkedAll(node: ExpandedNode, property: string): GraphNode[] {
    return refs(node, property)
      .map((id) => this.byId.get(id))
      .filter((found): found is GraphNode => found !== undefined);
  }
}

export function types(node: ExpandedNode): string[] {
  const value = node['@type'];
  return Array.isArray(value) ? value.filter((type): type is string => typeof type === 'string') : [];
}

function valuesOf(node: ExpandedNode, property: string): ValueObject[] {
  const value = node[property];
  return Array.isArray(value) ? (value as ValueObject[]) : [];
}

export function strings(node: ExpandedNode, property: string): string[] {
  return valuesOf(node, property)
    .map((value) => value['@value'])
    .filter((value): value is string | number | boolean => value !== undefined && value !== null)
    .map(String);
}

export function string(node: ExpandedNode, property: string): string | undefined {
  return strings(node, property)[0];
}

/** A number from a native JSON number or a numeric literal of any xsd type ("3", 3.0, "358.5"). */
export function number(node: ExpandedNode, property: string): number | undefined {
  const raw = valuesOf(node, property)[0]?.['@value'];
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return undefined;
}

export function boolean(node: ExpandedNode, property: string): boolean | undefined {
  const raw = valuesOf(node, property)[0]?.['@value'];
  if (typeof raw === 'boolean') return raw;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return undefined;
}

export function refs(node: ExpandedNode, property: string): string[] {
  return valuesOf(node, property)
    .map((value) => value['@id'] ?? (typeof value['@value'] === 'string' ? value['@value'] : undefined))
    .filter((id): id is string => typeof id === 'string');
}

/** The IRI a property points at: a node reference, or an xsd:anyURI literal (servers use both). */
export function ref(node: ExpandedNode, property: string): string | undefined {
  return refs(node, property)[0];
}
