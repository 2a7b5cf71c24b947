// Real-world deviations: each rejected precisely when strict and read correctly with its leniency switch.
import { PERMISSIVE, parseInterchange, validateInterchange } from '../../../src/formats/edifact';
import { fixtureText, interchange, message, shape, thrown } from './fixtures';

const CUSDEC = fixtureText('cusdec-v3-una.edi');
const APERAK_BODY = ['BGM+313+APE1+9', 'FTX+AAO+++ACME?+CO'];

/** Each real-world deviation: rejected with a precise error when strict, read correctly when its switch is on. */
describe('per-partner leniency', () => {
  it('mail banner before UNA: strict rejects at byte 0, textAroundInterchange skips it', () => {
    const banned = `From: edi@partner.example\r\nSubject: CUSDEC batch 17\r\n\r\n${CUSDEC}`;
    const error = thrown(() => parseInterchange(banned));
    expect(error.code).toBe('TEXT_BEFORE_INTERCHANGE');
    expect(error.byteOffset).toBe(0);
    expect(error.message).toContain('leniency.textAroundInterchange');
    const parsed = parseInterchange(banned, { leniency: { textAroundInterchange: true } });
    expect(parsed.messages.map((m) => m.reference)).toEqual(['1', '2']);
    expect(parsed.header.offset).toBe(banned.indexOf('UNB'));
    expect(parsed.warnings.map((w) => w.code)).toEqual(['TEXT_BEFORE_INTERCHANGE']);
  });

  it('text after UNZ: strict rejects, textAroundInterchange ignores it', () => {
    const trailing = `${CUSDEC}\n--\nSent from the EDI gateway\n`;
    const error = thrown(() => parseInterchange(trailing));
    expect(error.code).toBe('TEXT_AFTER_INTERCHANGE');
    expect(error.byteOffset).toBe(CUSDEC.length + 1);
    const parsed = parseInterchange(trailing, { leniency: { textAroundInterchange: true } });
    expect(validateInterchange(parsed, { leniency: { textAroundInterchange: true } }).valid).toBe(true);
  });

  it.each([64, 80])('fixed-width wrapping at %i columns: strict names the segment, lineWrapping reads it', (width) => {
    const flat = CUSDEC.replace(/\n/g, '');
    const wrapped = flat.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\r\n');
    const error = thrown(() => parseInterchange(wrapped));
    expect(error.code).toBe('LINE_WRAPPING');
    expect(error.byteOffset).toBe(width);
    expect(error.segmentNumber).toBeGreaterThanOrEqual(1);
    expect(error.message).toContain('leniency.lineWrapping');
    const lenient = parseInterchange(wrapped, { leniency: { lineWrapping: true } });
    const original = parseInterchange(CUSDEC);
    expect(lenient.messages.flatMap((m) => m.segments.map(shape))).toEqual(original.messages.flatMap((m) => m.segments.map(shape)));
    expect(validateInterchange(lenient, { leniency: { lineWrapping: true } }).valid).toBe(true);
  });

  it('6-digit date in a version 4 UNB: strict error at UNB element 4, shortDateInV4 accepts with a warning', () => {
    const text = interchange([message('1', 'APERAK:D:96B:UN', APERAK_BODY)], { syntax: 'UNOC:4' }).replace('20240115', '240115');
    const strict = validateInterchange(parseInterchange(text));
    expect(strict.errors.map((e) => [e.code, e.segmentTag, e.elementPosition, e.componentPosition, e.syntaxError])).toEqual([
      ['SHORT_DATE_IN_V4', 'UNB', 4, 1, '40'],
    ]);
    const lenient = validateInterchange(parseInterchange(text), { leniency: { shortDateInV4: true } });
    expect(lenient.valid).toBe(true);
    expect(lenient.warnings.map((w) => w.code)).toEqual(['SHORT_DATE_IN_V4']);
  });

  it('backslash as release character: strict rejects the UNA, nonStandardServiceCharacters honours it', () => {
    const text = interchange([message('1', 'APERAK:D:96B:UN', ['BGM+313+APE1+9', 'FTX+AAO+++ACME\\+CO \\: BRANCH'])], { una: "UNA:+.\\ '" });
    const error = thrown(() => parseInterchange(text));
    expect(error).toMatchObject({ code: 'INVALID_SERVICE_CHARACTER', segmentTag: 'UNA', byteOffset: 0, syntaxError: '20' });
    expect(error.message).toContain("UNA release character '\\'");
    const parsed = parseInterchange(text, { leniency: { nonStandardServiceCharacters: true } });
    expect(parsed.messages[0]!.segments[2]!.elements[3]).toEqual(['ACME+CO : BRANCH']);
  });

  it('space as repetition separator in a version 4 UNA: strict rejects, the switch reads * as data', () => {
    const text = interchange([message('1', 'APERAK:D:96B:UN', ['BGM+313+APE1+9', 'FTX+AAO+++A*B'])], { una: "UNA:+.? '", syntax: 'UNOC:4' });
    const error = thrown(() => parseInterchange(text));
    expect(error).toMatchObject({ code: 'REPETITION_SEPARATOR_SPACE', segmentTag: 'UNA', byteOffset: 0 });
    const parsed = parseInterchange(text, { leniency: { spaceRepetitionSeparatorInV4: true } });
    expect(parsed.messages[0]!.segments[2]!.elements[3]).toEqual(['A*B']);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['REPETITION_SEPARATOR_SPACE']);
  });

  it('* in data of a version 3 file whose UNA declares it: strict points at the character, the switch keeps it', () => {
    const text = interchange([message('1', 'APERAK:D:96B:UN', ['BGM+313+APE1+9', 'FTX+AAO+++PART*42'])], { una: "UNA:+.?*'" });
    const error = thrown(() => parseInterchange(text));
    expect(error).toMatchObject({ code: 'RESERVED_CHARACTER_IN_DATA', segmentNumber: 4, segmentTag: 'FTX', elementPosition: 4, componentPosition: 1 });
    expect(error.byteOffset).toBe(text.indexOf('*42'));
    const parsed = parseInterchange(text, { leniency: { reservedCharacterInV3Data: true } });
    expect(parsed.messages[0]!.segments[2]!.elements[3]).toEqual(['PART*42']);
  });

  it('lowercase and accented characters under UNOA: one error per character when strict, warnings otherwise', () => {
    const text = interchange([message('1', 'APERAK:D:96B:UN', ['BGM+313+APE1+9', 'FTX+AAO+++Ok ÄRGER'])]);
    const strict = validateInterchange(parseInterchange(text));
    expect(strict.errors.map((e) => [e.code, e.segmentNumber, e.segmentTag, e.elementPosition, e.componentPosition, e.byteOffset, e.syntaxError])).toEqual([
      ['INVALID_CHARACTER', 4, 'FTX', 4, 1, text.indexOf('k ÄRGER'), '21'],
      ['INVALID_CHARACTER', 4, 'FTX', 4, 1, text.indexOf('ÄRGER'), '21'],
    ]);
    const lenient = parseInterchange(text, { leniency: { charactersOutsideRepertoire: true } });
    expect(lenient.messages[0]!.segments[2]!.elements[3]).toEqual(['Ok ÄRGER']);
    expect(validateInterchange(lenient).valid).toBe(true);
    expect(lenient.warnings).toHaveLength(2);
  });

  it('UTF-8 bytes under UNOA are read as UTF-8 when the switch is on', () => {
    const bytes = Buffer.from(interchange([message('1', 'APERAK:D:96B:UN', ['BGM+313+APE1+9', 'FTX+AAO+++MÜLLER'])]), 'utf8');
    const parsed = parseInterchange(bytes, { leniency: { charactersOutsideRepertoire: true } });
    expect(parsed.messages[0]!.segments[2]!.elements[3]).toEqual(['MÜLLER']);
  });

  it('non-standard syntax identifier UNOL: strict rejects at UNB element 1, the switch decodes ISO 8859-15', () => {
    const bytes = Buffer.from(interchange([message('1', 'APERAK:D:96B:UN', ['BGM+313+APE1+9', 'FTX+AAO+++PRICE 5 X'])], { syntax: 'UNOL:3' }), 'latin1');
    bytes[bytes.indexOf(' X') + 1] = 0xa4; // € in ISO 8859-15
    const error = thrown(() => parseInterchange(bytes));
    expect(error).toMatchObject({ code: 'UNSUPPORTED_SYNTAX_IDENTIFIER', segmentNumber: 1, segmentTag: 'UNB', elementPosition: 1, componentPosition: 1, syntaxError: '2' });
    const parsed = parseInterchange(bytes, { leniency: { nonStandardSyntaxIdentifiers: true } });
    expect(parsed.messages[0]!.segments[2]!.elements[3]).toEqual(['PRICE 5 €']);
  });

  it('wrong UNT segment count: strict error 29 at UNT element 1, wrongSegmentCounts downgrades it', () => {
    const text = CUSDEC.replace("UNT+39+1'", "UNT+38+1'");
    const strict = validateInterchange(parseInterchange(text));
    expect(strict.errors).toHaveLength(1);
    expect(strict.errors[0]!.message).toBe(
      `UNT segment count 38 does not match 39 segments in message 1 (segment 40 UNT, element 1, byte ${text.indexOf('UNT+38')}); set UNT 0074 to 39, or if this partner is known to send it, set leniency.wrongSegmentCounts for the partner`,
    );
    const lenient = validateInterchange(parseInterchange(text), { leniency: { wrongSegmentCounts: true } });
    expect(lenient.valid).toBe(true);
    expect(lenient.warnings.map((w) => w.code)).toEqual(['COUNT_MISMATCH']);
  });

  it('wrong UNT reference: strict error 28 at UNT element 2, wrongMessageReferences downgrades it', () => {
    const text = CUSDEC.replace("UNT+39+1'", "UNT+39+0001'");
    const strict = validateInterchange(parseInterchange(text));
    expect(strict.errors.map((e) => [e.code, e.segmentTag, e.elementPosition, e.syntaxError])).toEqual([['REFERENCE_MISMATCH', 'UNT', 2, '28']]);
    expect(validateInterchange(parseInterchange(text), { leniency: { wrongMessageReferences: true } }).valid).toBe(true);
  });

  it("'permissive' turns every switch on at once", () => {
    const messy = `Subject: batch\n\n${interchange([message('1', 'APERAK:D:96B:UN', ['BGM+313+APE1+9', 'FTX+AAO+++Lower*Case\\+X'])], { una: "UNA:+.\\*'" })}`.replace(
      "UNT+4+1'",
      "UNT+5+1'",
    );
    const parsed = parseInterchange(messy, { leniency: 'permissive' });
    const result = validateInterchange(parsed, { leniency: 'permissive' });
    expect(result.valid).toBe(true);
    expect(parsed.messages[0]!.segments[2]!.elements[3]).toEqual(['Lower*Case+X']);
    expect(new Set(result.warnings.map((w) => w.code))).toEqual(
      new Set(['TEXT_BEFORE_INTERCHANGE', 'INVALID_SERVICE_CHARACTER', 'RESERVED_CHARACTER_IN_DATA', 'INVALID_CHARACTER', 'COUNT_MISMATCH']),
    );
    expect(Object.values(PERMISSIVE).every(Boolean)).toBe(true);
  });
});
