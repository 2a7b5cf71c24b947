// How the simulator writes JSON-LD: compacted with the ONE Record context, or — in NE:ONE style — a
// flattened @graph with @vocab, every superclass in @type and revisions typed xsd:int.
import { compactDocument, flattenDocument } from '../jsonld/json-ld';
import { API, CARGO, XSD } from '../vocabulary';
import type { ExpandedTree } from './store';
import { isEmbeddedNode } from './store';

const SUPERCLASSES: Record<string, string[]> = {
  Shipment: ['LogisticsObject'],
  Piece: ['PhysicalLogisticsObject', 'LogisticsObject'],
  Waybill: ['LogisticsObject'],
  Booking: ['BookingOption', 'LogisticsObject'],
  TransportMovement: ['LogisticsActivity', 'LogisticsObject'],
  Company: ['Organization', 'LogisticsAgent', 'LogisticsObject'],
  Carrier: ['Company', 'Organization', 'LogisticsAgent', 'LogisticsObject'],
  Organization: ['LogisticsAgent', 'LogisticsObject'],
  Location: ['LogisticsObject'],
};

const NE_ONE_CONTEXT = { '@vocab': CARGO, api: API, xsd: XSD };

export interface RenderOptions {
  neOneStyle: boolean;
}

/** A logistics object with its revision numbers in the body (api:hasRevision / api:hasLatestRevision). */
export function withRevision(tree: ExpandedTree, revision: number, latest: number, options: RenderOptions): ExpandedTree {
  const typed = (value: number) => (options.neOneStyle ? { '@value': String(value), '@type': `${XSD}int` } : { '@value': value, '@type': `${XSD}positiveInteger` });
  return { ...tree, [`${API}hasRevision`]: [typed(revision)], [`${API}hasLatestRevision`]: [typed(latest)] };
}

/** Render expanded trees (one object, or several for a collection) as a response body. */
export async function render(trees: ExpandedTree | ExpandedTree[], options: RenderOptions): Promise<Record<string, unknown>> {
  const input = Array.isArray(trees) ? trees : [trees];
  if (!options.neOneStyle) {
    const compacted = await compactDocument(input.length === 1 ? input[0] : { '@graph': input }, { what: 'the simulator answer' });
    return compacted;
  }
  const flattened = await flattenDocument(input.map(withSuperclasses), { what: 'the simulator answer' });
  return compactDocument({ '@graph': flattened }, { what: 'the simulator answer', context: NE_ONE_CONTEXT });
}

function withSuperclasses(tree: ExpandedTree): ExpandedTree {
  const copy: ExpandedTree = {};
  for (const [key, value] of Object.entries(tree)) {
    if (key === '@type' && Array.isArray(value)) {
      const extra = value.flatMap((type) => (typeof type === 'string' && type.startsWith(CARGO) ? (SUPERCLASSES[type.slice(CARGO.length)] ?? []).map((name) => `${CARGO}${name}`) : []));
      copy[key] = [...new Set([...value, ...extra])];
    } else {
      copy[key] = Array.isArray(value) ? value.map((item) => (isEmbeddedNode(item) ? withSuperclasses(item) : item)) : value;
    }
  }
  return copy;
}

/** An api:Error body in expanded form (the simulator compacts it like any answer). */
export function apiError(title: string, details: Array<{ code?: string; message: string; property?: string; resource?: string }>): ExpandedTree {
  return {
    '@type': [`${API}Error`],
    [`${API}hasTitle`]: [{ '@value': title }],
    [`${API}hasErrorDetail`]: details.map((detail) => {
      const node: ExpandedTree = { '@type': [`${API}ErrorDetail`], [`${API}hasMessage`]: [{ '@value': detail.message }] };
      if (detail.code !== undefined) node[`${API}hasCode`] = [{ '@value': detail.code }];
      if (detail.property !== undefined) node[`${API}hasProperty`] = [{ '@value': detail.property, '@type': `${XSD}anyURI` }];
      if (detail.resource !== undefined) node[`${API}hasResource`] = [{ '@value': detail.resource, '@type': `${XSD}anyURI` }];
      return node;
    }),
  };
}
