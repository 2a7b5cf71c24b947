// Publisher side against the simulator: canonical shipments become logistics objects on the partner
// server, later changes become change requests followed to their end — accepted, rejected, failed,
// pending, or rebuilt after a stale revision.
import { AuthError, PermanentError, shipmentExamples, TransientError } from '@interline/hub';
import type { Shipment } from '@interline/hub';
import shipmentMapping from '../../../mappings/src/iata-onerecord/shipment-to-logistics-objects.mapping';
import { publishLogisticsObjects } from '../src/operations/publish-logistics-objects';
import type { PublishedObject } from '../src/operations/publish-logistics-objects';
import { LinkedGraph } from '../src/jsonld/graph';
import { readShipment } from '../src/model/shipment-reader';
import { cargo } from '../src/vocabulary';
import { mappingContext, operationContext, reset, startHarness } from './support/harness';
import type { Harness } from './support/harness';

interface SimState {
  objects: Array<{ iri: string; type: string; revision: number; seeded: boolean }>;
  actionRequests: Array<{ iri: string; status: string; errors: Array<{ title: string; message: string }> }>;
}

const SHIPMENT = shipmentExamples[0] as Shipment;
const publish = (harness: Harness, shipment: Shipment, ctx = operationContext()) =>
  publishLogisticsObjects.run(harness.client() as never, shipmentMapping.map(shipment, mappingContext) as never, ctx) as Promise<{ objects: PublishedObject[] }>;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());
beforeEach(() => reset(harness));

async function readBack(shipment: Shipment): Promise<Shipment> {
  const client = harness.client();
  const fetched = await client.getLogisticsObject(`logistics-objects/shipment-${shipment.id}`, undefined, { embedded: true });
  // The shipment links its pieces, organizations and airports; read them as a partner would, one GET each.
  const documents = [fetched];
  const linked = [cargo('pieces'), cargo('partyDetails'), cargo('departureLocation'), cargo('arrivalLocation')];
  for (const iri of new Set(fetched?.graph.nodes().flatMap((node) => linked.flatMap((p) => ((node[p] as Array<{ '@id': string }> | undefined) ?? []).map((v) => v['@id']))) ?? [])) {
    documents.push(await client.getLogisticsObject(iri));
  }
  const graph = new LinkedGraph(documents.flatMap((doc) => doc?.graph.nodes() ?? []));
  return readShipment(graph, graph.only(cargo('Shipment'), 'shipment'));
}

describe('publishing a shipment', () => {
  it('creates the Shipment, its Pieces, Waybill and Organizations under the URIs the mapping proposes, and binds them', async () => {
    const ctx = operationContext();
    const result = await publish(harness, SHIPMENT, ctx);
    expect(result.objects.map((o) => `${o.type} ${o.outcome}`).sort()).toEqual([
      'Company created',
      'Company created',
      'Company created',
      'Location created',
      'Location created',
      'Piece created',
      'Piece created',
      'Shipment created',
      'Waybill created',
    ]);
    // What is linked exists before what links it: a subscriber notified of the waybill can read its airports.
    const position = (type: string) => result.objects.map((o) => o.type).lastIndexOf(type);
    expect(Math.max(position('Location'), position('Company'))).toBeLessThan(Math.min(position('Shipment'), position('Waybill')));
    const state = await harness.state<SimState>();
    expect(state.objects.filter((o) => !o.seeded).map((o) => o.iri)).toContain(`${harness.simulator.baseUrl}/logistics-objects/shipment-${SHIPMENT.id}`);
    expect((await ctx.bindings.get('Shipment', SHIPMENT.id))?.externalId).toBe(`${harness.simulator.baseUrl}/logistics-objects/shipment-${SHIPMENT.id}`);
    expect((await ctx.bindings.get('Waybill', `${harness.simulator.baseUrl}/logistics-objects/waybill-020-12345675`))?.externalId).toBeDefined();
  });

  it('reads back from the server as the same canonical shipment, also when the server answers NE:ONE style', async () => {
    await publish(harness, SHIPMENT);
    expect(await readBack(SHIPMENT)).toEqual(SHIPMENT);
    await harness.settings({ neOneStyle: true });
    expect(await readBack(SHIPMENT)).toEqual(SHIPMENT);
  });

  it('publishing the same shipment again changes nothing: no change request is made', async () => {
    const ctx = operationContext();
    await publish(harness, SHIPMENT, ctx);
    const again = await publish(harness, SHIPMENT, ctx);
    expect(new Set(again.objects.map((o) => o.outcome))).toEqual(new Set(['unchanged']));
    expect((await harness.state<SimState>()).actionRequests).toEqual([]);
  });

  it('sends a later change as a change request against the current revision and follows it until accepted', async () => {
    const ctx = operationContext();
    await publish(harness, SHIPMENT, ctx);
    const changed: Shipment = { ...SHIPMENT, goodsDescription: 'Pharmaceuticals, +2/+8 °C, two loggers', totals: { ...SHIPMENT.totals, grossWeightKg: 360 }, status: 'in-transit' };
    const result = await publish(harness, changed, ctx);
    const shipment = result.objects.find((o) => o.type === 'Shipment');
    expect(shipment).toMatchObject({ outcome: 'changed', actionRequest: expect.stringContaining('/action-requests/') });
    const state = await harness.state<SimState>();
    expect(state.actionRequests).toEqual([expect.objectContaining({ iri: shipment?.actionRequest, status: 'REQUEST_ACCEPTED' })]);
    expect(state.objects.find((o) => o.iri.endsWith(`shipment-${SHIPMENT.id}`))?.revision).toBe(2);
    expect(await readBack(changed)).toEqual(changed);
  });

  it('rebuilds a change rejected for a stale revision on the newer revision, and it is accepted', async () => {
    const ctx = operationContext();
    await publish(harness, SHIPMENT, ctx);
    await harness.settings({ interveneBeforeNextChange: true });
    const changed = { ...SHIPMENT, goodsDescription: 'Changed while someone else edited it' };
    const result = await publish(harness, changed, ctx);
    expect(result.objects.find((o) => o.type === 'Shipment')?.outcome).toBe('changed');
    const requests = (await harness.state<SimState>()).actionRequests;
    expect(requests.map((r) => r.status)).toEqual(['REQUEST_REJECTED', 'REQUEST_ACCEPTED']);
    expect(requests[0]?.errors[0]).toMatchObject({ title: 'Stale revision', message: expect.stringMatching(/made against revision 1, but .* is at revision 2/) });
    expect((await readBack(changed)).goodsDescription).toBe('Changed while someone else edited it');
  });

  it('dead-letters a change the data owner rejects, with the reason and the change request', async () => {
    const ctx = operationContext();
    await publish(harness, SHIPMENT, ctx);
    await harness.settings({ changeRequestPolicy: 'reject' });
    const error = await publish(harness, { ...SHIPMENT, goodsDescription: 'Rejected change' }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as Error).message).toMatch(/change request .*\/action-requests\/.* for .*shipment-.* at revision 1 was rejected: Change rejected — the data owner rejected the change/);
  });

  it('retries a change request that failed at the server', async () => {
    const ctx = operationContext();
    await publish(harness, SHIPMENT, ctx);
    await harness.settings({ changeRequestPolicy: 'fail' });
    const error = await publish(harness, { ...SHIPMENT, goodsDescription: 'Failed change' }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toMatch(/failed at the server \(Change failed — the server could not apply the change right now/);
  });

  it('leaves a change request the owner has not decided to the next attempt, which resumes it instead of asking twice', async () => {
    const ctx = operationContext();
    await publish(harness, SHIPMENT, ctx);
    await harness.settings({ changeRequestPolicy: 'hold' });
    const changed = { ...SHIPMENT, goodsDescription: 'Waiting for the owner' };
    const client = harness.client({ changeRequestTimeoutMs: 200 });
    const pending = await publishLogisticsObjects.run(client as never, shipmentMapping.map(changed, mappingContext) as never, ctx).catch((e: unknown) => e);
    expect(pending).toBeInstanceOf(TransientError);
    expect((pending as Error).message).toMatch(/still pending after 200 ms/);
    const [request] = (await harness.state<SimState>()).actionRequests;
    await harness.settings({ changeRequestPolicy: 'accept' });
    const token = await client.tokens?.token();
    const decided = await fetch(`${request?.iri}?status=REQUEST_ACCEPTED`, { method: 'PATCH', headers: { authorization: `Bearer ${token}` } });
    expect(decided.status).toBe(204);
    const retried = await publishLogisticsObjects.run(client as never, shipmentMapping.map(changed, mappingContext) as never, ctx);
    expect(retried.objects.find((o) => o.type === 'Shipment')?.outcome).toBe('unchanged');
    expect((await harness.state<SimState>()).actionRequests.map((r) => r.status)).toEqual(['REQUEST_ACCEPTED']);
  });
});

describe('publishing refuses what it must not send', () => {
  it('refuses a document naming an object on another host, before any request carries the token there', async () => {
    const document = { '@context': { cargo: 'https://onerecord.iata.org/ns/cargo#' }, '@id': 'https://evil.example/logistics-objects/x', '@type': 'cargo:Shipment', 'cargo:goodsDescription': 'x' };
    await expect(publishLogisticsObjects.run(harness.client() as never, document as never, operationContext())).rejects.toThrow(/https:\/\/evil.example\/logistics-objects\/x is not on the configured ONE Record server/);
  });

  it('refuses a document with an event or nothing to publish, naming the node', async () => {
    const event = { '@context': { cargo: 'https://onerecord.iata.org/ns/cargo#' }, '@id': 'logistics-objects/e1', '@type': 'cargo:LogisticsEvent', 'cargo:eventName': 'x' };
    await expect(publishLogisticsObjects.run(harness.client() as never, event as never, operationContext())).rejects.toThrow(/is not a logistics object this connector publishes; events go through postLogisticsEvent/);
    await expect(publishLogisticsObjects.run(harness.client() as never, { '@context': {}, '@graph': [] } as never, operationContext())).rejects.toThrow(/holds no logistics object/);
  });

  it('turns a refused token into an auth error that names the credentials to check', async () => {
    const client = harness.client({ oauth: { ...harness.config.oauth!, clientSecret: 'wrong-secret' } });
    const error = await publishLogisticsObjects.run(client as never, shipmentMapping.map(SHIPMENT, mappingContext) as never, operationContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toMatch(/OIDC token request to .*\/oauth\/token was refused \(invalid_client: unknown client or wrong secret\); check oauth.clientId, oauth.clientSecret/);
  });
});
