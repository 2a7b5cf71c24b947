// Validation: envelope counts and references, segment tables and data elements, all errors with positions.
import { type EdifactError, parseInterchange, validateInterchange, validateStream } from '../../../src/formats/edifact';
import { fixture, fixtureText, interchange, message } from './fixtures';

const CUSDEC = fixtureText('cusdec-v3-una.edi');
const PAXLST = fixtureText('paxlst-v4-unoc.edi');

function errorsOf(text: string): EdifactError[] {
  return validateInterchange(parseInterchange(text)).errors;
}

/** [code, segment number, tag, element, component, 0085 code] of each error. */
function positions(errors: EdifactError[]): Array<[string, number | undefined, string | undefined, number | undefined, number | undefined, string]> {
  return errors.map((e) => [e.code, e.segmentNumber, e.segmentTag, e.elementPosition, e.componentPosition, e.syntaxError]);
}

describe('envelope control counts and references', () => {
  it('UNT count: the message names both counts and the exact place', () => {
    const text = CUSDEC.replace("UNT+13+2'", "UNT+12+2'");
    const [error, ...rest] = errorsOf(text);
    expect(rest).toEqual([]);
    expect(error!.message).toBe(
      `UNT segment count 12 does not match 13 segments in message 2 (segment 53 UNT, element 1, byte ${text.indexOf('UNT+12+2')}); set UNT 0074 to 13, or if this partner is known to send it, set leniency.wrongSegmentCounts for the partner`,
    );
    expect(error).toMatchObject({ code: 'COUNT_MISMATCH', syntaxError: '29', messageIndex: 2 });
  });

  it('UNZ counts messages, or groups when UNG is used; UNE counts the messages of its group', () => {
    expect(positions(errorsOf(CUSDEC.replace("UNZ+2+CD24000123'", "UNZ+3+CD24000123'")))).toEqual([['COUNT_MISMATCH', 54, 'UNZ', 1, undefined, '29']]);
    const cuscar = fixtureText('cuscar-v4-groups.edi');
    expect(positions(errorsOf(cuscar.replace("UNZ+2+CC0000001'", "UNZ+3+CC0000001'")))).toEqual([['COUNT_MISMATCH', 52, 'UNZ', 1, undefined, '29']]);
    const une = errorsOf(cuscar.replace("UNE+2+G1'", "UNE+3+G1'"));
    expect(positions(une)).toEqual([['COUNT_MISMATCH', 41, 'UNE', 1, undefined, '29']]);
    expect(une[0]!.groupIndex).toBe(1);
  });

  it('references of UNT, UNE and UNZ must repeat their headers', () => {
    const cuscar = fixtureText('cuscar-v4-groups.edi').replace("UNT+21+M1'", "UNT+21+M9'").replace("UNE+1+G2'", "UNE+1+G3'").replace("UNZ+2+CC0000001'", "UNZ+2+CC0000002'");
    expect(positions(errorsOf(cuscar))).toEqual([
      ['REFERENCE_MISMATCH', 23, 'UNT', 2, undefined, '28'],
      ['REFERENCE_MISMATCH', 51, 'UNE', 2, undefined, '28'],
      ['REFERENCE_MISMATCH', 52, 'UNZ', 2, undefined, '28'],
    ]);
  });

  it('groups and loose messages never mix; segments outside messages and missing UNT are reported', () => {
    const text = interchange([
      message('1', 'APERAK:D:96B:UN', ['BGM+313']),
      "UNG+APERAK+S+R+240115:0930+G1+UN+D:96B'",
      message('2', 'APERAK:D:96B:UN', ['BGM+313']),
      "UNE+1+G1'FTX+AAO+++STRAY'",
      "UNH+3+APERAK:D:96B:UN'BGM+313'",
    ]);
    expect(positions(errorsOf(text)).map(([code, at, tag]) => [code, at, tag])).toEqual([
      ['GROUPS_AND_MESSAGES_MIXED', 5, 'UNG'],
      ['SEGMENT_OUTSIDE_MESSAGE', 10, 'FTX'],
      ['GROUPS_AND_MESSAGES_MIXED', 11, 'UNH'],
      ['MISSING_UNT', 13, 'UNZ'],
      ['COUNT_MISMATCH', 13, 'UNZ'],
    ]);
  });

  it('empty interchanges and groups, and mixed message types in a group, are rejected', () => {
    expect(positions(errorsOf("UNB+UNOA:3+S+R+240115:0930+1'UNZ+0+1'"))).toEqual([['EMPTY_INTERCHANGE', 1, 'UNB', undefined, undefined, '32']]);
    const mixed = interchange([
      "UNG+APERAK+S+R+240115:0930+G1+UN+D:96B'",
      message('1', 'APERAK:D:96B:UN', ['BGM+313']),
      message('2', 'CUSRES:D:96B:UN', ['BGM+962']),
      "UNE+2+G1'UNG+APERAK+S+R+240115:0930+G2+UN+D:96B'UNE+0+G2'",
    ]).replace('UNZ+4', 'UNZ+2');
    expect(positions(errorsOf(mixed)).map(([code, at]) => [code, at])).toEqual([
      ['MIXED_MESSAGE_TYPES_IN_GROUP', 6],
      ['EMPTY_GROUP', 10],
    ]);
  });

  it('a message type without a definition is rejected with code 3, or accepted as a warning', () => {
    const text = interchange([message('1', 'IFTSTA:D:96B:UN', ['BGM+23'])]);
    expect(positions(errorsOf(text))).toEqual([['UNKNOWN_MESSAGE', 2, 'UNH', 2, undefined, '3']]);
    const allowed = validateInterchange(parseInterchange(text), { allowUnknownMessages: true });
    expect(allowed.valid).toBe(true);
    expect(allowed.warnings.map((w) => w.code)).toEqual(['UNKNOWN_MESSAGE']);
  });
});

describe('segment tables', () => {
  it('a missing mandatory segment is reported after the last segment before the gap', () => {
    const errors = errorsOf(CUSDEC.replace("BGM+929:::IMPORT DECLARATION+DEC2024000124+9'\n", '').replace("UNT+13+2'", "UNT+12+2'"));
    expect(positions(errors)).toEqual([['MISSING_SEGMENT', 41, 'UNH', undefined, undefined, '13']]);
    expect(errors[0]!.message).toContain('mandatory segment BGM is missing in message 2 CUSDEC (expected after UNH)');
  });

  it('a missing mandatory segment inside a group, and a missing mandatory group', () => {
    const noDtm = PAXLST.replace("TDT+20+LH400'DTM+189:202401151430:201'", "TDT+20+LH400'").replace('UNT+32+', 'UNT+31+');
    expect(positions(errorsOf(noDtm))).toEqual([['MISSING_SEGMENT', 6, 'TDT', undefined, undefined, '13']]);
    expect(errorsOf(noDtm)[0]!.message).toContain('mandatory segment DTM is missing in segment group 2 of message 1 PAXLST');
    const noFlight = interchange([message('1', 'PAXLST:D:05B:UN:IATA', ['BGM+745', 'CNT+42:0'])]);
    const [error] = errorsOf(noFlight);
    expect(error!.message).toContain('mandatory segment group 2 (TDT) is missing in message 1 PAXLST (expected after BGM)');
    expect(error).toMatchObject({ segmentNumber: 3, segmentTag: 'BGM' });
  });

  it('segments out of order, unknown segments and too many repetitions of segments and groups', () => {
    const text = interchange([
      message('1', 'CUSDEC:D:96B:UN', ['BGM+929', 'FII+BF+123456:ACME', 'FII+BF+654321:ACME', 'UNS+D', 'LOC+41+DEHAM', 'XYZ+1', 'UNS+S']),
      message('2', 'PAXLST:D:05B:UN:IATA', ['BGM+745', ...Array.from({ length: 11 }, () => ['TDT+20+LH400', 'DTM+189:2401151430:201']).flat()]),
    ]);
    expect(positions(errorsOf(text)).map(([code, at, tag]) => [code, at, tag])).toEqual([
      ['TOO_MANY_SEGMENT_REPETITIONS', 5, 'FII'],
      ['SEGMENT_NOT_ALLOWED', 7, 'LOC'],
      ['SEGMENT_NOT_ALLOWED', 8, 'XYZ'],
      ['TOO_MANY_GROUP_REPETITIONS', 33, 'TDT'],
    ]);
    const messages = errorsOf(text).map((e) => e.message);
    expect(messages[1]).toContain('segment LOC is not allowed here in message 1 CUSDEC (after UNS)');
    expect(messages[2]).toContain('segment XYZ is not part of message 1 CUSDEC');
    expect(messages[3]).toContain('segment group 2 (TDT) occurs more than 10 times in message 2 PAXLST');
  });
});

describe('data elements', () => {
  it('an overlong value names its length, the limit and its position', () => {
    const text = CUSDEC.replace('CST+2+85340011:122:9', 'CST+2+8534001100000000000:122:9');
    const [error] = errorsOf(text);
    expect(error!.message).toBe(
      `CST 7361 value "8534001100000000000" has 19 characters, an..18 allows 18 (segment 31 CST, element 2, component 1, byte ${text.indexOf('CST+2+')}); shorten it to 18 characters`,
    );
    expect(error).toMatchObject({ code: 'VALUE_TOO_LONG', syntaxError: '39', messageIndex: 1 });
  });

  it('release characters, a leading minus and the decimal mark do not count towards length', () => {
    // BGM 1225 is an..3: "A+?" is three characters once the release characters are removed.
    const text = interchange([message('1', 'CUSCAR:D:96B:UN', ['BGM+785+X+A?+??', 'CNI+1234+X', 'RFF+AWB:1', 'GID+1+-12345.678:CT'])]);
    expect(parseInterchange(text).messages[0]!.segments[1]!.elements[2]).toEqual(['A+?']);
    expect(errorsOf(text)).toEqual([]);
    expect(positions(errorsOf(text.replace('A?+??', 'A?+??B')))).toEqual([['VALUE_TOO_LONG', 3, 'BGM', 3, undefined, '39']]);
    const tooLong = errorsOf(text.replace('GID+1+-12345.678', 'GID+1+-123456.789'));
    expect(positions(tooLong)).toEqual([['VALUE_TOO_LONG', 6, 'GID', 2, 1, '39']]);
  });

  it('wrong decimal marks are caught per UNA; without UNA both comma and full stop are fine', () => {
    const withFullStop = CUSDEC.replace('MOA+146:8200.00:EUR', 'MOA+146:8200,00:EUR');
    const [error] = errorsOf(withFullStop);
    expect(error).toMatchObject({ code: 'INVALID_DECIMAL_MARK', segmentNumber: 26, segmentTag: 'MOA', elementPosition: 1, componentPosition: 2, syntaxError: '19' });
    expect(error!.message).toContain('uses "," as decimal mark, but the interchange allows the UNA decimal mark "."');
    const withComma = fixtureText('cusdec-v3-comma.edi').replace('CUX+2:USD:4++0,9215', 'CUX+2:USD:4++0.9215');
    expect(positions(errorsOf(withComma))).toEqual([['INVALID_DECIMAL_MARK', 8, 'CUX', 3, undefined, '19']]);
    const noUna = interchange([message('1', 'CUSDEC:D:96B:UN', ['BGM+929', 'MOA+39:10,5', 'MOA+40:10.5', 'UNS+D', 'UNS+S'])]);
    expect(errorsOf(noUna)).toEqual([]);
  });

  it('numbers need a digit on each side of the decimal mark and digits only', () => {
    const text = interchange([message('1', 'CUSDEC:D:96B:UN', ['BGM+929', 'MOA+39:.5', 'MOA+40:5.', 'MOA+41:1.234.5', 'MOA+42:12A', 'UNS+D', 'UNS+S'])]);
    expect(positions(errorsOf(text)).map(([code, at, , , , syntax]) => [code, at, syntax])).toEqual([
      ['MISSING_DIGIT_BEFORE_DECIMAL', 4, '38'],
      ['INVALID_DECIMAL_MARK', 5, '19'],
      ['INVALID_DECIMAL_MARK', 6, '19'],
      ['INVALID_CHARACTER_TYPE', 7, '37'],
    ]);
  });

  it('missing mandatory elements and components, too many elements and components, too short values', () => {
    const text = interchange([message('1', 'CUSDEC:D:96B:UN', ['BGM+929+X+9+Y+Z', 'LOC', 'DTM+:20240115:102', 'DTM+137:20240115:102:X', 'UNS+D', 'UNS+S'])]).replace(
      '240115:0930',
      '24011:0930',
    );
    expect(positions(errorsOf(text))).toEqual([
      ['VALUE_TOO_SHORT', 1, 'UNB', 4, 1, '40'],
      ['TOO_MANY_ELEMENTS', 3, 'BGM', 5, undefined, '16'],
      ['MISSING_ELEMENT', 4, 'LOC', 1, undefined, '13'],
      ['MISSING_COMPONENT', 5, 'DTM', 1, 1, '13'],
      ['TOO_MANY_COMPONENTS', 6, 'DTM', 1, 4, '16'],
    ]);
  });
});

describe('collecting every error', () => {
  const broken = CUSDEC.replace('MOA+146:8200.00:EUR', 'MOA+146:8200,00:EUR')
    .replace('CST+2+85340011:122:9', 'CST+2+8534001100000000000:122:9')
    .replace("UNS+D'", "UNS+D'\nXYZ+1'")
    .replace("BGM+929:::IMPORT DECLARATION+DEC2024000124+9'\n", '')
    .replace("UNZ+2+CD24000123'", "UNZ+2+CD24000999'");

  it('reports all problems of an interchange, in stream order, each with its own position', () => {
    const result = validateInterchange(parseInterchange(broken));
    expect(result.valid).toBe(false);
    expect(positions(result.errors).map(([code, at]) => [code, at])).toEqual([
      ['SEGMENT_NOT_ALLOWED', 21],
      ['INVALID_DECIMAL_MARK', 27],
      ['VALUE_TOO_LONG', 32],
      ['COUNT_MISMATCH', 41],
      ['MISSING_SEGMENT', 42],
      ['COUNT_MISMATCH', 53],
      ['REFERENCE_MISMATCH', 54],
    ]);
    expect(result.errorCount).toBe(7);
  });

  it('streaming validation over small chunks finds exactly the same errors', async () => {
    const bytes = Buffer.from(broken, 'latin1');
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const streamed = await validateStream(chunks);
    const whole = validateInterchange(parseInterchange(bytes));
    expect(streamed.errors.map((e) => e.message)).toEqual(whole.errors.map((e) => e.message));
    expect(streamed.interchange.messages).toEqual([]);
    expect(streamed.interchange.messageCount).toBe(2);
  });

  it('every fixture also validates cleanly when streamed', async () => {
    const result = await validateStream([fixture('cuscar-v4-groups.edi')]);
    expect(result.valid).toBe(true);
    expect(result.interchange.groups).toHaveLength(2);
  });
});
