// JSON-LD done with the jsonld package: contexts only from local copies (a remote one is refused
// without a network request), every form of input read the same, and every IRI the connector writes
// inside the IATA namespaces.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cargoBookingExamples, shipmentExamples, trackingEventExamples } from '@interline/hub';
import type { Mapping } from '@interline/hub';
import bookingMapping from '../../../mappings/src/iata-onerecord/cargo-booking-to-booking.mapping';
import shipmentMapping from '../../../mappings/src/iata-onerecord/shipment-to-logistics-objects.mapping';
import eventMapping from '../../../mappings/src/iata-onerecord/tracking-event-to-logistics-event.mapping';
import { RemoteContextRefusedError } from '../src/jsonld/document-loader';
import { LinkedGraph } from '../src/jsonld/graph';
import { compactDocument, expandDocument, JsonLdDocumentError } from '../src/jsonld/json-ld';
import { readTrackingEvent } from '../src/model/event-reader';
import { changeDocument } from '../src/publish/change-builder';
import { subscriptionDocument } from '../src/inbound/subscription-document';
import { API, CARGO, CODE_LISTS } from '../src/vocabulary';
import { mappingContext } from './support/harness';

const SERVER = 'https://1r.partner.example/';
let contextServer: Server;
let contextUrl: string;
let contextHits = 0;

beforeAll(async () => {
  contextServer = createServer((_request, response) => {
    contextHits += 1;
    response.writeHead(200, { 'content-type': 'application/ld+json' });
    response.end(JSON.stringify({ '@context': { cargo: CARGO } }));
  });
  await new Promise<void>((resolve) => contextServer.listen(0, '127.0.0.1', resolve));
  contextUrl = `http://127.0.0.1:${(contextServer.address() as AddressInfo).port}/context.jsonld`;
});
afterAll(() => new Promise((resolve) => contextServer.close(resolve)));

describe('contexts load from local copies only', () => {
  it('refuses a document naming a remote context, with a clear error and no request to it', async () => {
    const documents = [
      { '@context': contextUrl, '@type': 'cargo:Shipment' },
      { '@context': [{ cargo: CARGO }, contextUrl], '@type': 'cargo:Shipment' },
      { '@context': { cargo: CARGO, nested: { '@id': 'cargo:x', '@context': contextUrl } }, '@type': 'cargo:Shipment' },
    ];
    for (const document of documents) {
      const error = await expandDocument(document).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RemoteContextRefusedError);
      expect((error as Error).message).toMatch(new RegExp(`JSON-LD context "${contextUrl.replace(/[.]/g, '\\.')}" was refused: the connector loads contexts from local copies only and never fetches one over the network`));
    }
    expect(contextHits).toBe(0);
  });

  it('serves the IATA namespace IRIs from the shipped context files', async () => {
    const expanded = await expandDocument({ '@context': 'https://onerecord.iata.org/ns/cargo', '@type': 'cargo:Waybill', 'cargo:eventDate': '2025-03-14T09:47:00Z' });
    expect(expanded[0]).toEqual({ '@type': [`${CARGO}Waybill`], [`${CARGO}eventDate`]: [{ '@value': '2025-03-14T09:47:00Z', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' }] });
  });

  it('refuses terms that would be dropped silently, naming them', async () => {
    const error = await expandDocument({ '@context': { cargo: CARGO }, '@type': 'cargo:Shipment', goodsDescription: 'x' }, { what: 'the shipment' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonLdDocumentError);
    expect((error as Error).message).toBe('the shipment is not usable JSON-LD (invalid property): property "goodsDescription" does not expand to an IRI; prefix it (cargo:goodsDescription) or define it in the @context — it would otherwise be dropped silently');
    await expect(expandDocument({ '@type': 'Shipment' })).rejects.toThrow(/type "Shipment" is not an absolute IRI; write it as cargo:Shipment or set @vocab/);
  });
});

describe('every form of a document reads the same', () => {
  const event = trackingEventExamples[1]!;
  const forms: Record<string, unknown> = {
    'NE:ONE style: @graph, @vocab, neone: ids, several @type values, typed literals': {
      '@context': { '@vocab': CARGO, neone: 'https://neone.example/ns#', xsd: 'http://www.w3.org/2001/XMLSchema#' },
      '@graph': [
        {
          '@id': `${SERVER}logistics-objects/waybill-020-86753096-SKB25000417/logistics-events/e1`,
          '@type': ['LogisticsEvent', 'https://onerecord.iata.org/ns/cargo#StatusUpdateEvent'],
          eventCode: { '@id': `${CODE_LISTS}StatusCode#DIS_OFLD` },
          eventDate: { '@value': '2025-03-15T20:10:00+01:00', '@type': 'xsd:dateTime' },
          eventTimeType: { '@id': `${CARGO}ACTUAL` },
          eventLocation: { '@id': 'neone:loc1' },
          partialEventIndicator: { '@value': 'true', '@type': 'xsd:boolean' },
          recordedPieceCount: { '@value': '1', '@type': 'xsd:int' },
          recordedWeight: { '@id': 'neone:w1' },
          creationDate: { '@value': '2025-03-15T19:12:40Z', '@type': 'xsd:dateTime' },
          transportMovementReference: { '@id': 'neone:tm1' },
        },
        { '@id': 'neone:loc1', '@type': ['Location', 'LogisticsObject'], locationCodes: { '@id': 'neone:c1' } },
        { '@id': 'neone:c1', '@type': 'CodeListElement', code: 'FRA' },
        { '@id': 'neone:w1', '@type': 'Value', numericalValue: { '@value': '85.0', '@type': 'xsd:double' }, unit: { '@id': `${CODE_LISTS}MeasurementUnitCode#KGM` } },
        { '@id': 'neone:tm1', '@type': 'TransportMovement', transportIdentifier: 'LH8160', movementTimes: { '@id': 'neone:mt1' } },
        { '@id': 'neone:mt1', '@type': 'MovementTime', movementTimestamp: '2025-03-15T00:00:00', movementTimeType: { '@id': `${CARGO}SCHEDULED` } },
      ],
    },
    'expanded, with a pound weight': [
      {
        '@id': `${SERVER}logistics-objects/x/logistics-events/e1`,
        '@type': [`${CARGO}LogisticsEvent`],
        [`${CARGO}eventCode`]: [{ '@id': `${CODE_LISTS}StatusCode#DIS_OFLD` }],
        [`${CARGO}eventDate`]: [{ '@value': '2025-03-15T20:10:00+01:00' }],
        [`${CARGO}eventLocation`]: [{ [`${CARGO}locationCodes`]: [{ [`${CARGO}code`]: [{ '@value': 'FRA' }] }] }],
        [`${CARGO}partialEventIndicator`]: [{ '@value': true }],
        [`${CARGO}recordedPieceCount`]: [{ '@value': 1 }],
        [`${CARGO}recordedWeight`]: [{ [`${CARGO}numericalValue`]: [{ '@value': 187.39 }], [`${CARGO}unit`]: [{ '@id': `${CODE_LISTS}MeasurementUnitCode#LBR` }] }],
        [`${CARGO}creationDate`]: [{ '@value': '2025-03-15T19:12:40Z' }],
        [`${CARGO}transportMovementReference`]: [{ [`${CARGO}transportIdentifier`]: [{ '@value': 'LH8160' }] }],
      },
    ],
  };
  it.each(Object.entries(forms))('%s', async (_name, document) => {
    const graph = await LinkedGraph.from(document, { base: SERVER });
    const read = readTrackingEvent(graph, graph.only(`${CARGO}LogisticsEvent`, 'event'), { subject: { awb: event.awb, houseNumber: event.houseNumber! } });
    expect({ ...read, id: undefined, source: undefined }).toEqual({
      ...event,
      id: undefined,
      source: undefined,
      quantity: { pieceCount: 1, weightKg: expect.closeTo(85, 1), partial: true },
      remarks: undefined,
    });
  });
});

describe('every IRI the connector writes is in the IATA namespaces', () => {
  /** Collect property, type and reference IRIs of an expanded document. */
  function iris(node: unknown, found: { properties: Set<string>; types: Set<string>; references: Set<string> }): void {
    if (Array.isArray(node)) return node.forEach((item) => iris(item, found));
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === '@type' && Array.isArray(value)) value.forEach((type) => found.types.add(String(type)));
      else if (key === '@id' && typeof value === 'string' && Object.keys(node as object).length === 1) found.references.add(value);
      else if (!key.startsWith('@')) found.properties.add(key);
      iris(value, found);
    }
  }
  const iataTerm = (iri: string) => iri.startsWith(CARGO) || iri.startsWith(API);
  const documents: Array<[string, () => unknown]> = [
    ...shipmentExamples.map((s) => [`shipment ${s.id}`, () => (shipmentMapping as Mapping).map(s, mappingContext)] as [string, () => unknown]),
    ...trackingEventExamples.map((e) => [`event ${e.id}`, () => (eventMapping as Mapping).map(e, mappingContext)] as [string, () => unknown]),
    ...cargoBookingExamples.map((b) => [`booking ${b.id}`, () => (bookingMapping as Mapping).map(b, mappingContext)] as [string, () => unknown]),
    ['change request', () => changeDocument(`${SERVER}logistics-objects/x`, 3, [{ op: 'ADD', s: `${SERVER}logistics-objects/x`, p: `${CARGO}goodsDescription`, datatype: 'http://www.w3.org/2001/XMLSchema#string', value: 'y' }], 'test')],
    ['subscription', () => subscriptionDocument({ subscriber: 'https://hub.example/webhooks/1r/logistics-objects/interline', topicType: 'LOGISTICS_OBJECT_TYPE', topic: `${CARGO}Shipment`, eventTypes: ['LOGISTICS_OBJECT_UPDATED'], sendLogisticsObjectBody: false })],
  ];
  it.each(documents)('%s', async (_name, make) => {
    const expanded = await expandDocument(await compactDocument(await expandDocument(await make(), { base: SERVER })));
    const found = { properties: new Set<string>(), types: new Set<string>(), references: new Set<string>() };
    iris(expanded, found);
    expect([...found.properties].filter((iri) => !iataTerm(iri))).toEqual([]);
    expect([...found.types].filter((iri) => !iataTerm(iri))).toEqual([]);
    // References are code-list values, cargo/api individuals, or logistics objects on a server.
    expect([...found.references].filter((iri) => !iataTerm(iri) && !iri.startsWith(CODE_LISTS) && !iri.startsWith(SERVER) && !iri.startsWith('https://hub.example/'))).toEqual([]);
    expect(found.properties.size).toBeGreaterThan(3);
  });
});
