// Reads what the mappings put into cargo:otherIdentifiers: the canonical id (INTERLINE_ID), named
// identifiers (tax ids, agent codes) and the carriage of canonical fields ONE Record has no property for.
import { deterministicId, MalformedInputError } from '@interline/hub';
import type { GraphNode, LinkedGraph } from '../jsonld/graph';
import { string } from '../jsonld/graph';
import { CANONICAL_ID_TYPE, CARRIAGE_PREFIX, cargo } from '../vocabulary';

export interface Identifiers {
  canonicalId?: string;
  /** Plain identifiers by type (EORI, IATA_CARGO_AGENT_CODE, …), in document order. */
  named: Array<{ type: string; value: string }>;
  /** JSON Pointer → value of carried canonical fields. */
  carried: Map<string, unknown>;
}

export function identifiersOf(graph: LinkedGraph, node: GraphNode): Identifiers {
  const result: Identifiers = { named: [], carried: new Map() };
  for (const entry of graph.linkedAll(node, cargo('otherIdentifiers'))) {
    const type = string(entry, cargo('otherIdentifierType'));
    const value = string(entry, cargo('textualValue'));
    if (type === undefined || value === undefined) continue;
    if (type === CANONICAL_ID_TYPE) result.canonicalId = value;
    else if (type.startsWith(CARRIAGE_PREFIX)) result.carried.set(type.slice(CARRIAGE_PREFIX.length), parseCarried(value, type, node['@id']));
    else result.named.push({ type, value });
  }
  return result;
}

function parseCarried(value: string, type: string, nodeId: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new MalformedInputError(`${nodeId}: cargo:otherIdentifiers entry ${type} must hold JSON (as Interline writes it), got ${JSON.stringify(value.slice(0, 80))}`);
  }
}

/** Write carried fields into `target` at their JSON Pointers (creating objects and arrays on the way). */
export function applyCarried(target: Record<string, unknown>, carried: Map<string, unknown>): void {
  for (const [pointer, value] of carried) {
    const parts = pointer.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    let cursor: Record<string, unknown> | unknown[] = target;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const key: string | number = Array.isArray(cursor) ? Number(part) : part;
      const container = cursor as Record<string | number, unknown>;
      if (last) {
        container[key] = value;
        return;
      }
      const next = container[key];
      if (next === null || typeof next !== 'object') container[key] = /^[0-9]+$/.test(parts[index + 1] ?? '') ? [] : {};
      cursor = container[key] as Record<string, unknown> | unknown[];
    });
  }
}

/**
 * The canonical id of an object: its INTERLINE_ID, else the id Interline minted into its URI
 * (…/logistics-objects/shipment-<id>), else a stable id derived from the URI of a partner's object.
 */
export function canonicalIdOf(identifiers: Identifiers, iri: string, kind: string): string {
  if (identifiers.canonicalId !== undefined) return identifiers.canonicalId;
  const minted = new RegExp(`/logistics-objects/${kind}-([A-Za-z0-9][A-Za-z0-9._:-]*)$`).exec(iri);
  if (minted?.[1] !== undefined) return minted[1];
  return deterministicId('iata-onerecord', iri);
}
