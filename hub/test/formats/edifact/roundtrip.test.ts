// Generation: generate → parse gives the same segments for every fixture; escaping, UNA and counts.
import {
  type Interchange,
  type InterchangeInput,
  type Message,
  type MessageInput,
  InterchangeWriter,
  generateInterchange,
  parseInterchange,
  toBytes,
  validateInterchange,
} from '../../../src/formats/edifact';
import { FIXTURES, fixture, shape, thrown } from './fixtures';

function messageInput(message: Message): MessageInput {
  const input: MessageInput = {
    type: message.type,
    version: message.version,
    release: message.release,
    agency: message.agency,
    reference: message.reference,
    segments: message.segments.slice(1, -1),
  };
  if (message.association) input.association = message.association;
  return input;
}

/** Everything needed to write the parsed interchange again with the generator. */
function inputFrom(parsed: Interchange): InterchangeInput {
  const input: InterchangeInput = {
    sender: parsed.sender,
    recipient: parsed.recipient,
    controlRef: parsed.controlReference,
    date: { date: parsed.date, time: parsed.time },
    syntax: { identifier: parsed.syntax.identifier, version: parsed.syntax.version >= 4 ? 4 : 3 },
    separators: parsed.syntax.separators,
    ackRequested: parsed.ackRequested,
    testIndicator: parsed.test,
  };
  if (parsed.groups.length > 0) {
    input.groups = parsed.groups.map((group) => ({ reference: group.reference, messageType: group.messageType, messages: group.messages.map(messageInput) }));
  } else {
    input.messages = parsed.messages.map(messageInput);
  }
  return input;
}

describe('generate → parse gives the same segments', () => {
  it.each(FIXTURES)('%s', (name) => {
    const original = parseInterchange(fixture(name));
    const text = generateInterchange(inputFrom(original));
    const again = parseInterchange(toBytes(text));
    const bodies = (i: Interchange): unknown[] => [...i.messages, ...i.groups.flatMap((g) => g.messages)].map((m) => m.segments.slice(1, -1).map(shape));
    expect(bodies(again)).toEqual(bodies(original));
    expect(again.messages.map((m) => [m.reference, m.type, m.version, m.release, m.agency, m.association])).toEqual(
      original.messages.map((m) => [m.reference, m.type, m.version, m.release, m.agency, m.association]),
    );
    expect(again.groups.map((g) => [g.reference, g.messages.length])).toEqual(original.groups.map((g) => [g.reference, g.messages.length]));
    expect(again).toMatchObject({
      sender: original.sender,
      recipient: original.recipient,
      controlReference: original.controlReference,
      date: original.date,
      time: original.time,
      ackRequested: original.ackRequested,
      syntax: { identifier: original.syntax.identifier, version: original.syntax.version, separators: original.syntax.separators },
    });
    expect(validateInterchange(again).errors.map((e) => e.message)).toEqual([]);
  });
});

describe('the generator', () => {
  const base = { sender: 'SENDER', recipient: { id: 'RECEIVER', qualifier: 'ZZ' }, controlRef: '17', date: { date: '240115', time: '0930' } };
  const aperak = (segments: MessageInput['segments']): MessageInput => ({ type: 'APERAK', version: 'D', release: '96B', agency: 'UN', segments });

  it('escapes every separator and the release character, and counts segments, messages and groups', () => {
    const text = generateInterchange({
      ...base,
      groups: [{ reference: 'G1', messages: [aperak([{ tag: 'BGM', elements: ['313'] }, { tag: 'FTX', elements: ['AAO', '', '', ["A+B:C'D?E*F"]] }])] }],
    });
    expect(text).toBe(
      "UNB+UNOC:3+SENDER+RECEIVER:ZZ+240115:0930+17'UNG+APERAK+SENDER+RECEIVER:ZZ+240115:0930+G1+UN+D:96B'UNH+1+APERAK:D:96B:UN'BGM+313'FTX+AAO+++A?+B?:C?'D??E*F'UNT+4+1'UNE+1+G1'UNZ+1+17'",
    );
    const parsed = parseInterchange(text);
    expect(parsed.groups[0]!.messages[0]!.segments[2]!.elements[3]).toEqual(["A+B:C'D?E*F"]);
    expect(validateInterchange(parsed).valid).toBe(true);
  });

  it('escapes * only in syntax version 4, where it is the repetition separator, and writes repetitions', () => {
    const text = generateInterchange({
      ...base,
      date: { date: '20240115', time: '0930' },
      syntax: { identifier: 'UNOC', version: 4 },
      messages: [
        {
          type: 'PAXLST',
          version: 'D',
          release: '05B',
          agency: 'UN',
          segments: [
            { tag: 'BGM', elements: ['745'] },
            { tag: 'NAD', elements: ['MS', '', '', ['OPS*DESK']] },
            { tag: 'COM', elements: [['1', 'TE']], repetitions: { 0: [['1', 'TE'], ['ops@example.com', 'EM']] } },
            { tag: 'TDT', elements: ['20', 'LH400'] },
            { tag: 'DTM', elements: [['189', '202401151430', '201']] },
          ],
        },
      ],
    });
    expect(text).toContain("NAD+MS+++OPS?*DESK'COM+1:TE*ops@example.com:EM'");
    const com = parseInterchange(text).messages[0]!.segments[3]!;
    expect(com.repetitions).toEqual({ 0: [['1', 'TE'], ['ops@example.com', 'EM']] });
  });

  it('writes a UNA only when the separators differ from the defaults (or when asked to)', () => {
    const body = [aperak([{ tag: 'BGM', elements: ['313'] }])];
    expect(generateInterchange({ ...base, messages: body }).startsWith('UNB+')).toBe(true);
    expect(generateInterchange({ ...base, messages: body, syntax: { identifier: 'UNOC', version: 4 }, date: { date: '20240115', time: '0930' } }).startsWith('UNB+')).toBe(true);
    expect(generateInterchange({ ...base, messages: body, separators: { decimal: 0x2c } }).startsWith("UNA:+,? 'UNB+")).toBe(true);
    expect(generateInterchange({ ...base, messages: body, alwaysUna: true }).startsWith("UNA:+.? 'UNB+")).toBe(true);
    expect(generateInterchange({ ...base, messages: body, syntax: { identifier: 'UNOB', version: 3 } }).startsWith('UNB\x1dUNOB\x1f3')).toBe(true);
  });

  it('leaves out trailing empty elements and components', () => {
    const text = generateInterchange({ ...base, messages: [aperak([{ tag: 'BGM', elements: [['313', '', ''], '', ''] }, { tag: 'ERC', elements: [['Z01', '']] }])] });
    expect(text).toContain("BGM+313'ERC+Z01'");
  });

  it('formats the preparation date per syntax version, in UTC', () => {
    const when = new Date(Date.UTC(2024, 0, 5, 7, 3));
    expect(generateInterchange({ ...base, date: when, messages: [] })).toContain('+240105:0703+');
    expect(generateInterchange({ ...base, date: when, syntax: { identifier: 'UNOA', version: 4 }, messages: [] })).toContain('+20240105:0703+');
  });

  it('refuses data that the separators cannot carry instead of writing a broken interchange', () => {
    const levelB = { ...base, syntax: { identifier: 'UNOB', version: 3 as const } };
    const error = thrown(() => generateInterchange({ ...levelB, messages: [aperak([{ tag: 'FTX', elements: ['AAO', '', '', ['A\x1dB']] }])] }));
    expect(error).toMatchObject({ code: 'UNENCODABLE_VALUE', segmentTag: 'FTX' });
    const repeated = { tag: 'COM', elements: [['1', 'TE']], repetitions: { 0: [['1', 'TE'], ['2', 'TE']] } };
    expect(thrown(() => generateInterchange({ ...base, messages: [aperak([repeated])] })).code).toBe('UNENCODABLE_VALUE');
  });

  it('streams an interchange piece by piece with the writer and keeps its counts right', () => {
    const writer = new InterchangeWriter({ ...base, lineEnd: '\n' });
    let text = writer.header();
    for (let i = 0; i < 3; i++) text += writer.message(aperak([{ tag: 'BGM', elements: ['313', `APE${i}`] }]));
    text += writer.trailer();
    expect(text.split('\n')).toHaveLength(12);
    expect(text).toContain("UNZ+3+17'");
    expect(validateInterchange(parseInterchange(text)).valid).toBe(true);
    expect(() => writer.beginGroup({ reference: 'G9' })).toThrow('cannot open a group after messages outside groups');
  });
});
