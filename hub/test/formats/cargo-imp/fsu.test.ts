// FSU codec: realistic status messages in, canonical TrackingEvents out, and back; errors point at line and column.
import { CargoImpError, fsuToTrackingEvents, parseFsu, trackingEventToFsu, writeFsu } from '../../../src/formats/cargo-imp';
import { TrackingEventSchema, trackingEventExamples } from '../../../src/model';
import type { TrackingEvent } from '../../../src/model';
import { check } from '../../../src/validation';

/** Central European time in March; everything else UTC, as a partner's station table would say. */
const offsets = (airport: string) => (airport === 'FRA' ? '+01:00' : airport === 'JFK' ? '-04:00' : 'Z');

const DEPARTURE = ['FSU/14', '020-12345675FRAJFK/T6K358.5', 'DEP/LH400/14MAR0947/FRAJFK/T6K358.5'].join('\r\n');

const OFFLOAD = ['FSU/14', '020-86753096FRAORD/T13K349', 'DIS/LH8160/15MAR2010/FRA/OFLD/P1K85T13', 'OSI/DG PIECE NOT ACCEPTED ON THIS AIRCRAFT TYPE'].join('\n');

const DELIVERY = [
  'FSU/14',
  '020-12345675FRAJFK/T6K358.5',
  'ARR/LH400/14MAR/FRAJFK/T6K358.5/E1435',
  'RCF/LH400/14MAR1612/JFK/T6K358.5',
  'NFD/14MAR1700/JFK/T6K358.5/HUDSON PHARMA RECEIVING',
  'DLV/15MAR0915/JFK/T6K358.5/J SMITH',
].join('\n');

function valid(events: TrackingEvent[]): void {
  for (const event of events) expect(check(TrackingEventSchema, event)).toMatchObject({ ok: true });
}

describe('FSU → TrackingEvent', () => {
  it('reads a departure into the same canonical event the hub documents as its example', () => {
    const example = trackingEventExamples[0] as TrackingEvent;
    const [event] = fsuToTrackingEvents(DEPARTURE, { receivedAt: example.recordedAt, idFor: () => example.id });
    const { shipmentId: _matchedLater, ...expected } = example;
    expect(event).toEqual(expected);
  });

  it('reads a split-shipment offload with discrepancy code, part quantity, local time and OSI remarks', () => {
    const events = fsuToTrackingEvents(OFFLOAD, { receivedAt: '2025-03-15T19:12:40Z', utcOffset: offsets, reporter: 'LH' });
    valid(events);
    expect(events).toEqual([
      expect.objectContaining({
        awb: '020-86753096',
        status: 'DIS',
        discrepancyCode: 'OFLD',
        eventTime: '2025-03-15T20:10:00+01:00',
        timeType: 'actual',
        location: 'FRA',
        flight: { carrier: 'LH', flightNumber: '8160', date: '2025-03-15' },
        quantity: { pieceCount: 1, weightKg: 85, partial: true, totalPieceCount: 13 },
        remarks: 'DG PIECE NOT ACCEPTED ON THIS AIRCRAFT TYPE',
        source: { kind: 'cargo-imp', reporter: 'LH', messageId: 'FSU/14 020-86753096FRAORD/T13K349' },
      }),
    ]);
  });

  it('reads several statuses of one message, with estimated times, arrival stations and receiver names', () => {
    const events = fsuToTrackingEvents(DELIVERY, { receivedAt: '2025-03-15T09:20:00Z', utcOffset: offsets });
    valid(events);
    expect(events.map((e) => [e.status, e.location, e.eventTime, e.timeType, e.receivedBy ?? null])).toEqual([
      ['ARR', 'JFK', '2025-03-14T14:35:00-04:00', 'estimated', null],
      ['RCF', 'JFK', '2025-03-14T16:12:00-04:00', 'actual', null],
      ['NFD', 'JFK', '2025-03-14T17:00:00-04:00', 'actual', 'HUDSON PHARMA RECEIVING'],
      ['DLV', 'JFK', '2025-03-15T09:15:00-04:00', 'actual', 'J SMITH'],
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(4);
  });

  it('gives a re-sent file the same event ids, whatever its line endings', () => {
    const first = fsuToTrackingEvents(DELIVERY, { receivedAt: '2025-03-15T09:20:00Z' });
    const again = fsuToTrackingEvents(DELIVERY.replace(/\n/g, '\r\n'), { receivedAt: '2025-03-15T10:00:00Z' });
    expect(again.map((e) => e.id)).toEqual(first.map((e) => e.id));
  });

  it('takes the year nearest to receipt, so a 31DEC status read on 2 January lands in the old year', () => {
    const text = ['FSU/14', '020-12345675FRAJFK/T6K358.5', 'RCS/31DEC2230/FRA/T6K358.5'].join('\n');
    const [event] = fsuToTrackingEvents(text, { receivedAt: '2025-01-02T08:00:00Z' });
    expect(event?.eventTime).toBe('2024-12-31T22:30:00Z');
  });

  it('converts pounds to kilograms and marks BKD as a planned time', () => {
    const text = ['FSU/13', '020-12345675FRAJFK/T2L220', 'BKD/LH400/20MAR/FRAJFK/T2L220'].join('\n');
    const [event] = fsuToTrackingEvents(text, { receivedAt: '2025-03-12T08:00:00Z' });
    expect(event).toMatchObject({ status: 'BKD', timeType: 'planned', quantity: { pieceCount: 2, weightKg: 99.8, partial: false } });
  });
});

describe('FSU errors name the line, the column and the fix', () => {
  const cases: Array<[string, string, { line: number; column: number; code: string; text: RegExp }]> = [
    ['empty message', '\n\n', { line: 0, column: 0, code: 'EMPTY_MESSAGE', text: /empty/ }],
    ['another message type', 'FWB/16\n020-12345675FRAJFK/T6K358.5', { line: 1, column: 1, code: 'NOT_FSU', text: /not an FSU header/ }],
    ['AWB check digit', 'FSU/14\n020-12345670FRAJFK/T6K358.5\nDEP/LH400/14MAR/FRAJFK', { line: 2, column: 1, code: 'AWB_CHECK_DIGIT', text: /check digit 0 but 1234567 mod 7 is 5/ }],
    ['unknown status', 'FSU/14\n020-12345675FRAJFK\nXYZ/14MAR/FRA', { line: 3, column: 1, code: 'UNKNOWN_STATUS', text: /"XYZ" is not an FSU status/ }],
    ['flight missing', 'FSU/14\n020-12345675FRAJFK\nDEP//FRAJFK', { line: 3, column: 5, code: 'MISSING_FIELD', text: /DEP status needs the flight/ }],
    ['bad flight', 'FSU/14\n020-12345675FRAJFK\nDEP/LH40000/14MAR/FRAJFK', { line: 3, column: 5, code: 'BAD_FLIGHT', text: /LH40000/ }],
    ['bad month', 'FSU/14\n020-12345675FRAJFK\nRCS/14MRZ0930/FRA/T6K358.5', { line: 3, column: 5, code: 'BAD_DATE', text: /"14MRZ0930"/ }],
    ['bad quantity', 'FSU/14\n020-12345675FRAJFK\nRCS/14MAR0930/FRA/T6X358', { line: 3, column: 19, code: 'BAD_QUANTITY', text: /"T6X358" must be T or P/ }],
    ['total on a whole consignment', 'FSU/14\n020-12345675FRAJFK/T6K358.5T9\nRCS/14MAR/FRA', { line: 2, column: 20, code: 'BAD_QUANTITY', text: /use P for a part/ }],
    ['unknown discrepancy', 'FSU/14\n020-12345675FRAJFK\nDIS/15MAR/FRA/LOST/P1K85T13', { line: 3, column: 15, code: 'BAD_DISCREPANCY', text: /"LOST"/ }],
    ['no status', 'FSU/14\n020-12345675FRAJFK/T6K358.5\nOSI/JUST TEXT', { line: 3, column: 1, code: 'NO_STATUS', text: /no status line/ }],
    ['31 February', 'FSU/14\n020-12345675FRAJFK\nRCS/31FEB/FRA', { line: 3, column: 1, code: 'BAD_DATE', text: /day 31 does not exist in month 2/ }],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    let caught: unknown;
    try {
      fsuToTrackingEvents(text, { receivedAt: '2025-03-14T10:00:00Z' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CargoImpError);
    const error = caught as CargoImpError;
    expect({ line: error.line, column: error.column, code: error.code }).toEqual({ line: expected.line, column: expected.column, code: expected.code });
    expect(error.message).toMatch(expected.text);
    if (expected.line > 0) expect(error.message).toMatch(new RegExp(`^FSU line ${expected.line}, column ${expected.column}: `));
  });
});

describe('TrackingEvent → FSU', () => {
  it('writes the documented departure example as the FSU it came from', () => {
    expect(trackingEventToFsu(trackingEventExamples[0] as TrackingEvent)).toBe(DEPARTURE);
  });

  it('round-trips events through FSU text: same status, instant, place, flight and quantity', () => {
    const events = fsuToTrackingEvents(DELIVERY, { receivedAt: '2025-03-15T09:20:00Z', utcOffset: offsets });
    for (const event of events) {
      const text = trackingEventToFsu(event, { route: { origin: 'FRA', destination: 'JFK' }, utcOffset: offsets });
      const [back] = fsuToTrackingEvents(text, { receivedAt: event.recordedAt, utcOffset: offsets, idFor: () => event.id });
      expect({ ...back, source: undefined, remarks: undefined }).toEqual({ ...event, source: undefined, remarks: undefined });
    }
  });

  it('writes a split-shipment discrepancy with its part quantity and OSI text', () => {
    const offload = trackingEventExamples[1] as TrackingEvent;
    const { houseNumber: _house, ...masterLevel } = offload;
    const text = trackingEventToFsu({ ...masterLevel, remarks: 'Offloaded, rebooking' }, { route: { origin: 'FRA', destination: 'ORD' }, utcOffset: offsets });
    expect(text.split('\r\n')).toEqual(['FSU/14', '020-86753096FRAORD', 'DIS/LH8160/15MAR2010/FRA/OFLD/P1K85T13', 'OSI/OFFLOADED, REBOOKING']);
  });

  it('refuses what FSU cannot carry, saying why', () => {
    const offload = trackingEventExamples[1] as TrackingEvent;
    expect(() => trackingEventToFsu(offload)).toThrow(/house waybill SKB25000417; FSU reports master or direct AWB status only/);
    const noRoute = { ...(trackingEventExamples[0] as TrackingEvent), flight: undefined, status: 'RCS' as const };
    expect(() => trackingEventToFsu(noRoute)).toThrow(/needs the AWB's origin and destination; pass options.route/);
    const slash = { ...(trackingEventExamples[0] as TrackingEvent), status: 'DLV' as const, receivedBy: 'A/B' };
    expect(() => trackingEventToFsu(slash)).toThrow(/DLV name "A\/B" has characters Cargo-IMP cannot carry/);
    const osi = { ...(trackingEventExamples[0] as TrackingEvent), status: 'OSI' as const };
    expect(() => trackingEventToFsu(osi)).toThrow(/OSI travels as free text/);
  });

  it('writes what it parsed, byte for byte', () => {
    expect(writeFsu(parseFsu(DELIVERY), { lineEnding: '\n' })).toBe(DELIVERY);
  });
});
