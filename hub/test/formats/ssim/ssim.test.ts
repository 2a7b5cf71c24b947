// The SSIM chapter 7 codec: a real-shaped data set read into canonical Flights and dated legs, the
// writer round trip, and each kind of malformed record rejected with its line, columns and fix.
import { ssim } from '../../../src';
import type { Flight } from '../../../src';

const { parseSsim, ssimToFlights, expandDatedLegs, writeSsim, SsimParser, SsimError } = ssim;

const pad = (text: string): string => text.padEnd(200);
const serial = (line: string, n: number): string => `${line.slice(0, 194)}${String(n).padStart(6, '0')}`;
const ZERO = '0'.repeat(200);

/** A cargo carrier's data set: a daily FRA-ORD freighter arriving the same local day, an overnight leg, a multi-leg flight with segment data. */
function goodFile(): string[] {
  const lines = [
    serial(pad('1AIRLINE STANDARD SCHEDULE DATA SET     1'), 1),
    ZERO, ZERO, ZERO, ZERO,
    serial(pad('2LIL      W25 26OCT2528MAR2620OCT25INTERLINE CARGO WINTER 25    20OCT25C'), 2),
    ZERO, ZERO, ZERO, ZERO,
    //        1234567890123456789012345678901234567890123456789012345678901234567890123456
    serial(pad('3 IL 80010101F27OCT2528MAR261234567 FRA10351035+01001 ORD12401240-0600  77F'), 3),
    serial(pad('3 IL 80020101F28OCT2527MAR26 2 4 6  FRA21402140+0100  NBO06250625+0300  77F').slice(0, 192) + '01' + '000000', 4),
    serial(pad('3 IL 08300101F26OCT2529MAR26      7 HKG23502350+0800  ANC13451345-0900  74Y'), 5),
    serial(pad('3 IL 08300102F26OCT2529MAR26      7 ANC00450045-0900  JFK09050905-0500  74Y').slice(0, 192) + '11' + '000000', 6),
    serial(pad('4 IL 08300102F              AB010ANCJFKIL 0830'), 7),
    serial(`${pad('5 IL 20OCT25').slice(0, 187)}000007E000000`, 8),
    ZERO, ZERO,
  ];
  return lines;
}

describe('SSIM chapter 7: reading a good data set', () => {
  it('reads header, carrier, legs with segment data and trailer, skipping zero padding', () => {
    const file = parseSsim(goodFile().join('\r\n'));
    expect(file.header).toMatchObject({ title: 'AIRLINE STANDARD SCHEDULE DATA SET', numberOfSeasons: 1, serial: 1 });
    const [block] = file.carriers;
    expect(block?.carrier).toMatchObject({ airline: 'IL', timeMode: 'L', season: 'W25', validity: { from: '2025-10-26', to: '2026-03-28' }, creationDate: '2025-10-20', scheduleStatus: 'C' });
    expect(block?.legs.map((leg) => `${leg.airline}${leg.flightNumber}/${leg.legSequence}`)).toEqual(['IL8001/1', 'IL8002/1', 'IL830/1', 'IL830/2']);
    expect(block?.legs[3]?.segments).toEqual([expect.objectContaining({ boardPoint: 'ANC', offPoint: 'JFK', dataElementIdentifier: 10, line: 15, data: 'IL 0830' })]);
    expect(block?.trailer).toMatchObject({ serialCheckReference: 7, endCode: 'E', serial: 8 });
  });

  it('turns legs into canonical Flights with local times, offsets, days and overnight arrivals', () => {
    const flights = ssimToFlights(parseSsim(goodFile().join('\n')));
    expect(flights[0]).toEqual({
      id: 'IL8001-01-01-2025-10-27', carrier: 'IL', flightNumber: '8001', itineraryVariation: 1, legSequence: 1,
      departure: { airport: 'FRA', scheduledTime: '10:35', utcOffset: '+01:00', terminal: '1' },
      arrival: { airport: 'ORD', scheduledTime: '12:40', utcOffset: '-06:00' },
      arrivalDayOffset: 0, period: { from: '2025-10-27', to: '2026-03-28' }, daysOfOperation: [1, 2, 3, 4, 5, 6, 7],
      aircraftType: '77F', serviceType: 'F', state: 'active', updatedAt: '2025-10-20T00:00:00Z',
    });
    expect(flights[1]).toMatchObject({ flightNumber: '8002', arrivalDayOffset: 1, daysOfOperation: [2, 4, 6] });
    // Leg 2 of IL830 departs the day after the flight's operating day (date variation 1): Sunday → Monday.
    expect(flights[3]).toMatchObject({ flightNumber: '830', legSequence: 2, period: { from: '2025-10-27', to: '2026-03-30' }, daysOfOperation: [1], arrivalDayOffset: 0 });
  });

  it('expands period × days into dated legs with UTC times, across midnight', () => {
    const [, overnight] = ssimToFlights(parseSsim(goodFile().join('\n')));
    const legs = expandDatedLegs(overnight as Flight, { from: '2025-11-01', to: '2025-11-07' });
    expect(legs.map((leg) => leg.date)).toEqual(['2025-11-01', '2025-11-04', '2025-11-06']);
    expect(legs[0]).toMatchObject({ departure: { local: '2025-11-01T21:40', utc: '2025-11-01T20:40:00Z' }, arrival: { local: '2025-11-02T06:25', utc: '2025-11-02T03:25:00Z' } });
    expect(() => expandDatedLegs(overnight as Flight, { from: '2025-01-01', to: '2026-12-31' })).toThrow(/at most 400 days/);
  });

  it('reads line by line, as a stream would deliver it', () => {
    const parser = new SsimParser();
    for (const line of goodFile()) parser.feed(line);
    expect(parser.finish().carriers[0]?.legs).toHaveLength(4);
  });

  it('round-trips canonical Flights through the writer', () => {
    const flights = ssimToFlights(parseSsim(goodFile().join('\n')));
    const text = writeSsim({ airline: 'IL', season: 'W25', validity: { from: '2025-10-26', to: '2026-03-30' }, creationDate: '2025-10-20', flights });
    expect(text.split('\n').filter(Boolean).every((line) => line.length === 200)).toBe(true);
    const again = ssimToFlights(parseSsim(text));
    const comparable = (list: Flight[]): unknown[] => list.map(({ id: _id, updatedAt: _at, ...rest }) => rest);
    expect(comparable(again)).toEqual(comparable(flights));
  });
});

describe('SSIM chapter 7: malformed records name line, columns and the fix', () => {
  const replace = (lineNo: number, from: number, text: string): string => {
    const lines = goodFile();
    const line = lines[lineNo - 1] as string;
    lines[lineNo - 1] = `${line.slice(0, from - 1)}${text}${line.slice(from - 1 + text.length)}`;
    return lines.join('\n');
  };
  const cases: Array<[string, string, RegExp]> = [
    ['an impossible period from date', replace(11, 15, '32JAN26'), /^SSIM file: line 11, column 15-21: period from date '32JAN26' is not a date DDMMMYY/],
    ['a month that does not exist', replace(11, 22, '28MRZ26'), /line 11, column 22-28: period to date '28MRZ26' is not a date DDMMMYY \(e\.g\. 14MAR25\)/],
    ['a period that ends before it starts', replace(11, 22, '01OCT25'), /line 11, column 15-28: period of operation ends \(2025-10-01\) before it starts \(2025-10-27\); swap the dates/],
    ['a day in the wrong position', replace(11, 29, '1234576'), /line 11, column 29-35: days of operation '1234576': position 6 must be '6'/],
    ['a bad departure time', replace(11, 40, '2460'), /line 11, column 40-43: passenger STD '2460' is not a time HHMM/],
    ['a UTC variation without sign', replace(11, 48, '01000'), /line 11, column 48-52: departure UTC\/local time variation '01000' is not a UTC\/local time variation ±HHMM/],
    ['an unknown aircraft type', replace(11, 73, '7-F'), /line 11, column 73-75: aircraft type '7-F' is not a three-character IATA aircraft type/],
    ['a lower-case station', replace(11, 37, 'fra'), /line 11, column 37-39: departure station 'fra' is not a three-letter IATA airport code/],
    ['an unknown service type', replace(11, 14, 'Z'), /line 11, column 14: service type 'Z' is not an SSIM Appendix C code/],
    ['a serial number out of sequence', replace(12, 195, '000009'), /line 12, column 195-200: record serial number 000009 is out of sequence: expected 000004/],
    ['a short record', goodFile().map((line, i) => (i === 10 ? line.slice(0, 150) : line)).join('\n'), /line 11: record is 150 characters long; SSIM chapter 7 records are exactly 200/],
    ['a wrong trailer check reference', replace(16, 188, '000006'), /line 16, column 188-193: serial number check reference 000006 does not match the record before the trailer \(000007\)/],
    ['an overnight arrival without date variation', replace(12, 193, '00'), /line 12, column 193-194: flight IL8002 FRA-NBO arrives at 06:25 .* an overnight arrival needs arrival date variation '1' in column 194/],
    ['a missing trailer', goodFile().slice(0, 15).join('\n'), /the file ends without a trailer record \(type 5\)/],
    ['a leg before the carrier record', [goodFile()[0], goodFile()[10]].join('\n'), /line 2, column 1: flight leg record \(type 3\) is out of place: expected a carrier record \(type 2\)/],
  ];
  it.each(cases)('%s', (_name, text, message) => {
    let caught: unknown;
    try {
      ssimToFlights(parseSsim(text));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SsimError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as InstanceType<typeof SsimError>).errorClass).toBe('malformed');
  });

  it('reports several bad records at once', () => {
    const lines = goodFile();
    lines[10] = `${(lines[10] as string).slice(0, 14)}32JAN26${(lines[10] as string).slice(21)}`;
    lines[11] = `${(lines[11] as string).slice(0, 72)}7-F${(lines[11] as string).slice(75)}`;
    expect(() => parseSsim(lines.join('\n'))).toThrow(/SSIM file has 2 errors: line 11, column 15-21: .*; line 12, column 73-75: /);
  });
});
