// publishLogisticsObjects: put the logistics objects of a JSON-LD document (a mapping's output) on the
// partner server. New objects are created with the URI the document proposes; objects that exist are
// changed by change request against their current revision. Bindings keep canonical id → URI.
import { Type } from '@sinclair/typebox';
import { defineOperation, PermanentError } from '@interline/hub';
import type { BindingStore, OperationContext } from '@interline/hub';
import type { OneRecordClient } from '../client';
import { LinkedGraph, types } from '../jsonld/graph';
import type { GraphNode } from '../jsonld/graph';
import { compactDocument } from '../jsonld/json-ld';
import { identifiersOf } from '../model/carriage';
import { applyChange, followActionRequest } from '../publish/change-follower';
import { isEmbedded, toExpanded, treeOf } from '../publish/embedded';
import type { EmbeddedObject, TreeValue } from '../publish/embedded';
import { cargo, logisticsObjectClass } from '../vocabulary';

export interface PublishedObject {
  iri: string;
  type: string;
  outcome: 'created' | 'changed' | 'unchanged';
  actionRequest?: string;
}

export const publishLogisticsObjects = defineOperation({
  summary: 'Create the logistics objects of a JSON-LD document on the partner server, or change existing ones by change request (followed until accepted).',
  input: Type.Unknown({ description: 'A JSON-LD document (expanded, compacted or flattened; @graph allowed) whose logistics objects have @id relative to or on the partner server.' }),
  sideEffect: true,
  async run(client: OneRecordClient, input: unknown, ctx: OperationContext): Promise<{ objects: PublishedObject[] }> {
    const graph = await LinkedGraph.from(input, { base: client.base, what: 'the document to publish' });
    const objects = logisticsObjects(graph, client);
    const bound = new Map<string, string>();
    const keys = new Map<string, { entity: string; canonicalId: string }>();
    for (const node of objects) {
      const entity = logisticsObjectClass(types(node)) as string;
      const canonicalId = identifiersOf(graph, node).canonicalId ?? node['@id'];
      keys.set(node['@id'], { entity, canonicalId });
      const binding = await ctx.bindings.get(entity, canonicalId);
      if (binding !== undefined) bound.set(node['@id'], binding.externalId);
    }
    const isObjectIri = (iri: string) => objects.some((node) => node['@id'] === iri) || bound.has(iri) || isLogisticsObjectIri(client, iri);
    const classOf = (iri: string) => {
      const node = graph.node(iri);
      const name = node === undefined ? undefined : logisticsObjectClass(types(node));
      return name === undefined ? undefined : cargo(name);
    };
    const published: PublishedObject[] = [];
    for (const node of dependenciesFirst(graph, objects)) {
      const { entity, canonicalId } = keys.get(node['@id']) as { entity: string; canonicalId: string };
      const desired = renameLinks(treeOf(graph, node, isObjectIri), bound);
      const target = bound.get(node['@id']) ?? node['@id'];
      const context = { client, ctx, entity, canonicalId, desired, classOf, isObjectIri };
      published.push(bound.has(node['@id']) ? await change(context, target) : await create(context, target));
    }
    return { objects: published };
  },
});

interface PublishContext {
  client: OneRecordClient;
  ctx: OperationContext;
  entity: string;
  canonicalId: string;
  desired: EmbeddedObject;
  classOf: (iri: string) => string | undefined;
  isObjectIri: (iri: string) => boolean;
}

async function create(context: PublishContext, iri: string): Promise<PublishedObject> {
  const { client, ctx, entity, canonicalId, desired } = context;
  const body = await compactDocument(toExpanded(desired, iri), { what: `${entity} ${iri}` });
  const created = await client.createLogisticsObject(body, ctx.signal);
  await ctx.bindings.put(entity, canonicalId, created.location, { type: entity });
  if (!created.existed) return { iri: created.location, type: entity, outcome: 'created' };
  // Already there: a redelivered create whose answer was lost, or an object made by someone else.
  return change(context, created.location);
}

async function change(context: PublishContext, iri: string): Promise<PublishedObject> {
  const { client, ctx, entity, canonicalId } = context;
  await resumePendingChange(client, ctx.bindings, entity, canonicalId, ctx.signal);
  const outcome = await applyChange(client, {
    iri,
    desired: context.desired,
    classOf: context.classOf,
    isObjectIri: context.isObjectIri,
    description: `Interline ${ctx.envelope.type} ${ctx.envelope.id}`,
    signal: ctx.signal,
    onRequested: (actionRequest) => ctx.bindings.put(entity, canonicalId, iri, { type: entity, pendingChange: actionRequest }),
  });
  await ctx.bindings.put(entity, canonicalId, iri, { type: entity });
  const published: PublishedObject = { iri, type: entity, outcome: outcome.changed ? 'changed' : 'unchanged' };
  if (outcome.actionRequest !== undefined) published.actionRequest = outcome.actionRequest;
  return published;
}

/** A change request left pending by an earlier attempt is followed to its end before a new one is asked. */
async function resumePendingChange(client: OneRecordClient, bindings: BindingStore, entity: string, canonicalId: string, signal: AbortSignal): Promise<void> {
  const binding = await bindings.get(entity, canonicalId);
  const pending = binding?.extra.pendingChange;
  if (typeof pending !== 'string') return;
  await followActionRequest(client, pending, signal);
}

/** The logistics objects of the document: nodes with a URI and a logistics-object type. */
function logisticsObjects(graph: LinkedGraph, client: OneRecordClient): GraphNode[] {
  const objects: GraphNode[] = [];
  for (const node of graph.nodes()) {
    if (node['@id'].startsWith('_:')) continue;
    const name = logisticsObjectClass(types(node));
    const hasData = Object.keys(node).some((key) => !key.startsWith('@'));
    if (name === undefined) {
      if (hasData) throw new PermanentError(`node ${node['@id']} (${types(node).join(', ') || 'no type'}) is not a logistics object this connector publishes; events go through postLogisticsEvent`);
      continue;
    }
    client.resolve(node['@id']);
    objects.push(node);
  }
  if (objects.length === 0) throw new PermanentError('the document holds no logistics object with an @id to publish (Shipment, Piece, Waybill, Booking, …); check the mapping that produced it');
  return objects;
}

/**
 * Objects others link to come first (Locations and Organizations before the Booking that names them), so
 * a subscriber notified of an object can already read what it links. Cycles (Shipment ↔ Piece) are cut.
 */
function dependenciesFirst(graph: LinkedGraph, objects: GraphNode[]): GraphNode[] {
  const byId = new Map(objects.map((node) => [node['@id'], node]));
  const ordered: GraphNode[] = [];
  const visited = new Set<string>();
  /** Logistics objects a node links to, looking through its embedded (blank) nodes such as Parties. */
  const linksOf = (node: GraphNode, seen: Set<string>): GraphNode[] =>
    Object.entries(node).flatMap(([key, values]) => {
      if (key.startsWith('@') || !Array.isArray(values)) return [];
      return (values as Array<{ '@id'?: string }>).flatMap((value) => {
        const id = value['@id'];
        if (id === undefined || seen.has(id)) return [];
        const target = byId.get(id);
        if (target !== undefined) return [target];
        const embedded = id.startsWith('_:') ? graph.node(id) : undefined;
        return embedded === undefined ? [] : linksOf(embedded, new Set([...seen, id]));
      });
    });
  const visit = (node: GraphNode) => {
    if (visited.has(node['@id'])) return;
    visited.add(node['@id']);
    linksOf(node, new Set([node['@id']])).forEach(visit);
    ordered.push(node);
  };
  objects.forEach(visit);
  return ordered;
}

/** URIs of the form <server>/logistics-objects/<id>: links, never embedded objects. */
function isLogisticsObjectIri(client: OneRecordClient, iri: string): boolean {
  return iri.startsWith(`${client.base}logistics-objects/`) && !/[#/]/.test(iri.slice(`${client.base}logistics-objects/`.length));
}

/** Point links at the URIs the server actually holds objects under (when it minted its own). */
function renameLinks(tree: EmbeddedObject, bound: Map<string, string>): EmbeddedObject {
  const properties = new Map<string, TreeValue[]>();
  for (const [property, values] of tree.properties) {
    properties.set(
      property,
      values.map((value) => (isEmbedded(value) ? renameLinks(value, bound) : '@id' in value ? { '@id': bound.get(value['@id']) ?? value['@id'] } : value)),
    );
  }
  return { ...tree, properties };
}
