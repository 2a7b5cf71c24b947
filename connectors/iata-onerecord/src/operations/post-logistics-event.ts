// postLogisticsEvent: append a LogisticsEvent (a mapping's output) to the partner's waybill or shipment.
// Events are immutable and append-only, so a redelivered step looks for the event before posting again.
import { Type } from '@sinclair/typebox';
import { defineOperation, PermanentError, TransientError } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type { OneRecordClient } from '../client';
import { LinkedGraph, ref, types } from '../jsonld/graph';
import { compactDocument } from '../jsonld/json-ld';
import { identifiersOf } from '../model/carriage';
import { toExpanded, treeOf } from '../publish/embedded';
import { cargo } from '../vocabulary';

export interface PostedEvent {
  iri: string;
  object: string;
  outcome: 'posted' | 'already-posted';
}

export const postLogisticsEvent = defineOperation({
  summary: 'Append a LogisticsEvent to the logistics object it is for (POST …/logistics-events), once per canonical event.',
  input: Type.Unknown({ description: 'A JSON-LD document holding one cargo:LogisticsEvent with cargo:eventFor naming the waybill or shipment.' }),
  sideEffect: true,
  async run(client: OneRecordClient, input: unknown, ctx: OperationContext): Promise<PostedEvent> {
    const graph = await LinkedGraph.from(input, { base: client.base, what: 'the event to post' });
    const node = graph.only(cargo('LogisticsEvent'), 'the event to post');
    const named = ref(node, cargo('eventFor'));
    if (named === undefined) throw new PermanentError(`event ${node['@id']} has no cargo:eventFor; the mapping must name the waybill or shipment the event belongs to`);
    const bound = (await ctx.bindings.get('Waybill', named)) ?? (await ctx.bindings.get('Shipment', named));
    const object = client.resolve(bound?.externalId ?? named).href;
    const canonicalId = identifiersOf(graph, node).canonicalId ?? node['@id'];
    const proposed = node['@id'].startsWith('_:') ? undefined : `${object}/logistics-events/${node['@id'].split('/').pop() ?? ''}`;
    if (ctx.attempt > 1) {
      const existing = await alreadyPosted(client, object, proposed, canonicalId, ctx.signal);
      if (existing !== undefined) return { iri: existing, object, outcome: 'already-posted' };
    }
    // Everything with a URI (the waybill, code-list values) stays a link; blank nodes are embedded.
    const tree = treeOf(graph, node, (iri) => !iri.startsWith('_:'));
    tree.properties.set(cargo('eventFor'), [{ '@id': object }]);
    const body = await compactDocument(toExpanded(tree, proposed), { what: `event ${node['@id']}` });
    let posted: { location: string; existed: boolean };
    try {
      posted = await client.postLogisticsEvent(object, body, ctx.signal);
    } catch (error) {
      // Tracking can overtake publishing: the waybill may be created by a step that has not run yet.
      if ((error as { details?: { status?: number } }).details?.status === 404) {
        throw new TransientError(`logistics object ${object} does not exist on the partner server (yet); publish the shipment first — will retry`, { status: 404 });
      }
      throw error;
    }
    await ctx.bindings.put('LogisticsEvent', canonicalId, posted.location, { object, types: types(node) });
    return { iri: posted.location, object, outcome: posted.existed ? 'already-posted' : 'posted' };
  },
});

/** On a retry: the event under its proposed URI, or one carrying the same canonical id (servers that mint ids). */
async function alreadyPosted(client: OneRecordClient, object: string, proposed: string | undefined, canonicalId: string, signal: AbortSignal): Promise<string | undefined> {
  if (proposed !== undefined) {
    const found = await client.getLogisticsObject(proposed, signal, { accept404: true });
    if (found?.node !== undefined) return proposed;
  }
  const listed = await client.listLogisticsEvents(object, {}, signal);
  return listed.ofType(cargo('LogisticsEvent')).find((event) => identifiersOf(listed, event).canonicalId === canonicalId)?.['@id'];
}
