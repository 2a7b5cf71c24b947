// Parsing: fixtures, chunking, positions, service characters, repetitions and character sets.
import {
  SegmentTokenizer,
  type Segment,
  parseInterchange,
  parseSegments,
  validateInterchange,
} from '../../../src/formats/edifact';
import { FIXTURES, fixture, interchange, message } from './fixtures';

describe('parsing the fixtures', () => {
  it.each(FIXTURES)('%s parses and validates without errors or warnings', (name) => {
    const parsed = parseInterchange(fixture(name));
    const result = validateInterchange(parsed);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(parsed.trailer?.tag).toBe('UNZ');
  });

  it.each(FIXTURES)('%s gives the same segments when fed one byte at a time', (name) => {
    const bytes = fixture(name);
    const whole: Segment[] = [];
    const tokenizer = new SegmentTokenizer();
    tokenizer.write(bytes, (s) => whole.push(s));
    tokenizer.end((s) => whole.push(s));
    const single = [...parseSegments((function* () {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    })())];
    expect(single).toEqual(whole);
    expect(whole.length).toBeGreaterThan(4);
  });

  it('numbers segments from UNB = 1 and gives the byte offset of each segment start', () => {
    const bytes = fixture('cusdec-v3-una.edi');
    const text = bytes.toString('latin1');
    const segments = [...parseSegments([bytes])];
    expect(segments[0]).toMatchObject({ tag: 'UNB', index: 1, offset: 10 });
    for (const segment of segments) {
      expect(text.slice(segment.offset, segment.offset + 3)).toBe(segment.tag);
    }
    expect(segments.map((s) => s.index)).toEqual(segments.map((_, i) => i + 1));
  });

  it('reads the envelope fields of UNB, UNG and UNH', () => {
    const parsed = parseInterchange(fixture('cuscar-v4-groups.edi'));
    expect(parsed).toMatchObject({
      sender: { id: 'LHCARGO', qualifier: 'ZZ' },
      recipient: { id: 'DEHAMCUSTOMS', qualifier: 'ZZ' },
      date: '20240115',
      time: '0745',
      controlReference: 'CC0000001',
      ackRequested: true,
      test: false,
      syntax: { identifier: 'UNOC', version: 4 },
    });
    expect(parsed.messages).toEqual([]);
    expect(parsed.groups.map((g) => [g.reference, g.messageType, g.messages.map((m) => m.reference)])).toEqual([
      ['G1', 'CUSCAR', ['M1', 'M2']],
      ['G2', 'CUSCAR', ['M3']],
    ]);
    const first = parsed.groups[0]!.messages[0]!;
    expect(first).toMatchObject({ type: 'CUSCAR', version: 'D', release: '96B', agency: 'UN', index: 1, groupIndex: 1 });
    expect(first.segments[0]!.tag).toBe('UNH');
    expect(first.segments.at(-1)!.tag).toBe('UNT');
  });
});

describe('service characters', () => {
  it('applies any UNA: here ; ! , / and " replace : + . ? and the apostrophe', () => {
    const text = 'UNA;!,/ "UNB!UNOA;3!S!R!240101;1200!1"UNH!1!APERAK;D;96B;UN"BGM!313/!X;Y/"Z//"UNT!3!1"UNZ!1!1"';
    const parsed = parseInterchange(text);
    expect(parsed.syntax.separators).toMatchObject({ component: 0x3b, element: 0x21, decimal: 0x2c, release: 0x2f, segment: 0x22 });
    expect(parsed.messages[0]!.segments[1]!.elements).toEqual([['313!X', 'Y"Z/']]);
  });

  it('releases separators and the release character itself (?? is ?)', () => {
    const text = interchange([message('1', 'APERAK:D:96B:UN', ["FTX+AAO+++10?+10=20?: O?'BRIEN ?? DONE"])]);
    const ftx = parseInterchange(text).messages[0]!.segments[1]!;
    expect(ftx.elements[3]).toEqual(["10+10=20: O'BRIEN ? DONE"]);
  });

  it('splits syntax version 4 repetitions and keeps the first occurrence in elements', () => {
    const pax = parseInterchange(fixture('paxlst-v4-unoc.edi')).messages[0]!;
    const com = pax.segments.find((s) => s.tag === 'COM')!;
    expect(com.elements).toEqual([['00496912345', 'TE']]);
    expect(com.repetitions).toEqual({ 0: [['00496912345', 'TE'], ['ops@example.com', 'EM']] });
  });

  it('reads * as data in syntax version 3, where there is no repetition separator', () => {
    const text = interchange([message('1', 'APERAK:D:96B:UN', ['FTX+AAO+++PART*NUMBER 4*2'])], { una: "UNA:+.? '" });
    const ftx = parseInterchange(text).messages[0]!.segments[1]!;
    expect(ftx.elements[3]).toEqual(['PART*NUMBER 4*2']);
    expect(ftx.repetitions).toBeUndefined();
  });

  it('detects level B separators (UNOB without UNA) where : and + are plain data', () => {
    const parsed = parseInterchange(fixture('cusres-unob-levelb.edi'));
    expect(parsed.syntax.separators).toMatchObject({ component: 0x1f, element: 0x1d, segment: 0x1c, release: -1 });
    const ftx = parsed.messages[0]!.segments[2]!;
    expect(ftx.elements[3]).toEqual(['Declaration accepted: goods released']);
  });

  it('accepts CR/LF between segments, as most partners send', () => {
    const parsed = parseInterchange(fixture('cusres-v3-unoc.edi'));
    expect(parsed.messages[0]!.segments.map((s) => s.tag)).toContain('ERC');
  });
});

describe('character sets', () => {
  it('decodes UNOW as UTF-8 and reports byte offsets, not character offsets', () => {
    const text = interchange([message('1', 'APERAK:D:96B:UN', ['BGM+313', 'FTX+AAO+++Größe Ω 中文', 'ERC+Z01'])], { syntax: 'UNOW:4' });
    const bytes = Buffer.from(text, 'utf8');
    const segments = parseInterchange(bytes).messages[0]!.segments;
    expect(segments[2]!.elements[3]).toEqual(['Größe Ω 中文']);
    expect(bytes.subarray(segments[3]!.offset, segments[3]!.offset + 3).toString()).toBe('ERC');
    expect(validateInterchange(parseInterchange(bytes)).valid).toBe(true);
  });

  it('decodes UNOC as ISO 8859-1 and UNOD as ISO 8859-2', () => {
    const unoc = Buffer.from(interchange([message('1', 'APERAK:D:96B:UN', ['FTX+AAO+++CAF\u00c9'])], { syntax: 'UNOC:3' }), 'latin1');
    expect(parseInterchange(unoc).messages[0]!.segments[1]!.elements[3]).toEqual(['CAFÉ']);
    const unod = Buffer.from(interchange([message('1', 'APERAK:D:96B:UN', ['FTX+AAO+++X'])], { syntax: 'UNOD:3' }), 'latin1');
    unod[unod.indexOf('+X') + 1] = 0xa3; // Ł in ISO 8859-2
    expect(parseInterchange(unod).messages[0]!.segments[1]!.elements[3]).toEqual(['Ł']);
  });

  it('accepts the airline identifiers IATA and IATB without leniency', () => {
    for (const syntax of ['IATA:1', 'IATB:1']) {
      const parsed = parseInterchange(interchange([message('1', 'PAXLST:D:05B:UN:IATA', ['BGM+745', 'TDT+20+LH400', 'DTM+189:2401151430:201'])], { syntax }));
      expect(parsed.syntax.identifier).toBe(syntax.slice(0, 4));
      expect(parsed.warnings).toEqual([]);
    }
  });

  it('encodes string input as latin-1, or UTF-8 for UNOW/UNOY, so offsets match the bytes a partner sends', () => {
    const parsed = parseInterchange(interchange([message('1', 'APERAK:D:96B:UN', ['FTX+AAO+++MÜLLER'])], { syntax: 'UNOC:3' }));
    expect(parsed.messages[0]!.segments[1]!.elements[3]).toEqual(['MÜLLER']);
  });
});
