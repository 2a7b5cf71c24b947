// A partner sending Cargo-IMP FSU files and one publishing ONE Record events land on the same canonical
// TrackingEvents: only the channel (source), the id and the receipt time differ.
import type { TrackingEvent } from '@interline/hub';
// The hub's codec is not on '@interline/hub''s public index yet (see README); imported by path for this check.
import { cargoImp } from '@interline/hub';

const { fsuToTrackingEvents } = cargoImp;
import { LinkedGraph } from '../src/jsonld/graph';
import { readTrackingEvent } from '../src/model/event-reader';
import { CARGO } from '../src/vocabulary';

const offsets = (airport: string) => (airport === 'FRA' ? '+01:00' : 'Z');

/** What a ONE Record carrier publishes for the same movement, with no Interline carriage. */
function partnerEvent(code: string, time: string, fields: Record<string, unknown>): unknown {
  return {
    '@context': { cargo: CARGO, codes: 'https://onerecord.iata.org/ns/code-lists/' },
    '@id': 'https://1r.carrier.example/logistics-objects/awb/logistics-events/1',
    '@type': 'cargo:LogisticsEvent',
    'cargo:eventCode': { '@id': `codes:StatusCode#${code}` },
    'cargo:eventDate': { '@value': time, '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
    'cargo:eventTimeType': { '@id': 'cargo:ACTUAL' },
    'cargo:eventLocation': { '@type': 'cargo:Location', 'cargo:locationCodes': { '@type': 'cargo:CodeListElement', 'cargo:code': 'FRA' } },
    'cargo:recordingOrganization': { '@type': 'cargo:Carrier', 'cargo:airlineCode': 'LH' },
    ...fields,
  };
}

const channelFree = (event: TrackingEvent | undefined) => ({ ...event, id: undefined, source: { reporter: event?.source.reporter }, recordedAt: undefined });

async function fromOneRecord(document: unknown, awb: string): Promise<TrackingEvent> {
  const graph = await LinkedGraph.from(document);
  return readTrackingEvent(graph, graph.only(`${CARGO}LogisticsEvent`, 'event'), { subject: { awb }, receivedAt: '2025-03-15T20:00:00Z' });
}

const weight = (kg: number) => ({ '@type': 'cargo:Value', 'cargo:numericalValue': kg, 'cargo:unit': { '@id': 'codes:MeasurementUnitCode#KGM' } });
const flight = (id: string, date: string, legs?: [string, string]) => ({
  '@type': 'cargo:TransportMovement',
  'cargo:transportIdentifier': id,
  'cargo:movementTimes': { '@type': 'cargo:MovementTime', 'cargo:movementTimestamp': `${date}T00:00:00`, 'cargo:movementTimeType': { '@id': 'cargo:SCHEDULED' } },
  ...(legs === undefined ? {} : { 'cargo:departureLocation': { 'cargo:locationCodes': { 'cargo:code': legs[0] } }, 'cargo:arrivalLocation': { 'cargo:locationCodes': { 'cargo:code': legs[1] } } }),
});

describe('FSU and ONE Record agree', () => {
  it('a departure', async () => {
    const [fsu] = fsuToTrackingEvents(['FSU/14', '020-12345675FRAJFK/T6K358.5', 'DEP/LH400/14MAR1047/FRAJFK/T6K358.5'].join('\n'), { receivedAt: '2025-03-14T10:00:00Z', utcOffset: offsets });
    const oneRecord = await fromOneRecord(
      partnerEvent('DEP', '2025-03-14T10:47:00+01:00', {
        'cargo:partialEventIndicator': false,
        'cargo:recordedPieceCount': 6,
        'cargo:recordedWeight': weight(358.5),
        'cargo:transportMovementReference': flight('LH400', '2025-03-14', ['FRA', 'JFK']),
      }),
      '020-12345675',
    );
    expect(channelFree(oneRecord)).toEqual(channelFree(fsu));
    expect([fsu?.source.kind, oneRecord.source.kind]).toEqual(['cargo-imp', 'one-record']);
  });

  it('an offload of part of a split shipment', async () => {
    const [fsu] = fsuToTrackingEvents(['FSU/14', '020-86753096FRAORD', 'DIS/LH8160/15MAR2010/FRA/OFLD/P1K85T13'].join('\n'), { receivedAt: '2025-03-15T20:00:00Z', utcOffset: offsets });
    const oneRecord = await fromOneRecord(
      partnerEvent('DIS_OFLD', '2025-03-15T20:10:00+01:00', {
        'cargo:partialEventIndicator': true,
        'cargo:recordedPieceCount': 1,
        'cargo:recordedWeight': weight(85),
        'cargo:transportMovementReference': flight('LH8160', '2025-03-15'),
      }),
      '020-86753096',
    );
    // FSU names the whole consignment's piece count of a part (T13); ONE Record's partial indicator does not.
    expect(channelFree(oneRecord)).toEqual(channelFree({ ...fsu, quantity: { ...fsu!.quantity!, totalPieceCount: undefined } } as TrackingEvent));
  });
});
