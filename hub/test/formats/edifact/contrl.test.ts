// CONTRL acknowledgements (accept, reject with UCM/UCS/UCD, syntax 3 and 4) and duplicate interchange detection.
import {
  InMemoryDuplicateRegistry,
  acknowledge,
  checkDuplicate,
  interchangeKey,
  needsAcknowledgement,
  parseInterchange,
  validateInterchange,
} from '../../../src/formats/edifact';
import { fixture, fixtureText } from './fixtures';

const WHEN = new Date(Date.UTC(2024, 0, 15, 9, 31));

/** The CONTRL for a text, parsed back, with its body segments as `TAG+…` strings for easy reading. */
function contrlFor(text: string | Buffer, options: { partialAcceptance?: boolean } = {}) {
  const subject = parseInterchange(text);
  const result = validateInterchange(subject);
  const written = acknowledge(subject, result, { controlRef: 'ACK1', date: WHEN, ...options });
  if (!written) throw new Error('expected a CONTRL');
  const contrl = parseInterchange(written);
  const lines = contrl.messages[0]!.segments.map((s) => [s.tag, ...s.elements.map((e) => e.join(':'))].join('+'));
  return { written, contrl, lines, result };
}

describe('CONTRL acknowledgements', () => {
  it('acknowledges a clean syntax 3 interchange with UCI action 7, addressed back to the sender', () => {
    const { contrl, lines, written } = contrlFor(fixture('cusdec-v3-una.edi'));
    expect(lines).toEqual(['UNH+1+CONTRL:D:3:UN', 'UCI+CD24000123+DE123456789:ZZ+DEHAMCUSTOMS:ZZ+7', 'UNT+3+1']);
    expect(contrl).toMatchObject({ sender: { id: 'DEHAMCUSTOMS' }, recipient: { id: 'DE123456789' }, controlReference: 'ACK1', ackRequested: false });
    expect(written.startsWith("UNA:+.? 'UNB+UNOA:3+DEHAMCUSTOMS:ZZ+DE123456789:ZZ+240115:0931+ACK1'")).toBe(true);
    expect(validateInterchange(contrl).valid).toBe(true);
  });

  it('rejects with UCI action 4 and points UCM/UCS/UCD at every errored message, segment and element', () => {
    const text = fixtureText('cusdec-v3-una.edi')
      .replace('CST+2+85340011:122:9', 'CST+2+8534001100000000000:122:9')
      .replace('MOA+146:8200.00:EUR', 'MOA+146:8200,00:EUR')
      .replace("UNT+39+1'", "UNT+38+1'")
      .replace("BGM+929:::IMPORT DECLARATION+DEC2024000124+9'\n", '')
      .replace("UNT+13+2'", "UNT+12+2'");
    const { lines, contrl, result } = contrlFor(text);
    expect(result.errors).toHaveLength(4);
    expect(lines).toEqual([
      'UNH+1+CONTRL:D:3:UN',
      'UCI+CD24000123+DE123456789:ZZ+DEHAMCUSTOMS:ZZ+4',
      'UCM+1+CUSDEC:D:96B:UN+4+29+UNT+2',
      'UCS+25',
      'UCD+19+2:2',
      'UCS+30',
      'UCD+39+3:1',
      'UCM+2+CUSDEC:D:96B:UN+4',
      'UCS+1+13',
      'UNT+10+1',
    ]);
    expect(validateInterchange(contrl).valid).toBe(true);
  });

  it('with partialAcceptance acknowledges the interchange and rejects only the bad message', () => {
    const text = fixtureText('cusdec-v3-una.edi').replace('CST+2+85340011:122:9', 'CST+2+8534001100000000000:122:9');
    const { lines } = contrlFor(text, { partialAcceptance: true });
    expect(lines.slice(1, -1)).toEqual(['UCI+CD24000123+DE123456789:ZZ+DEHAMCUSTOMS:ZZ+7', 'UCM+1+CUSDEC:D:96B:UN+4', 'UCS+30', 'UCD+39+3:1']);
  });

  it('answers syntax 4 with CONTRL 4:1 and reports group and message errors under UCF', () => {
    const clean = contrlFor(fixture('cuscar-v4-groups.edi'));
    expect(clean.lines).toEqual(['UNH+1+CONTRL:4:1:UN', 'UCI+CC0000001+LHCARGO:ZZ+DEHAMCUSTOMS:ZZ+7', 'UNT+3+1']);
    expect(clean.contrl.syntax.version).toBe(4);
    expect(clean.written.startsWith("UNA:+.?*'UNB+UNOC:4+DEHAMCUSTOMS:ZZ+LHCARGO:ZZ+20240115:0931+ACK1'")).toBe(true);
    const broken = fixtureText('cuscar-v4-groups.edi').replace("UNE+1+G2'", "UNE+1+G9'").replace('GID+1+40:CT', 'GID+1+40:CTXXXXXXXXXXXXXXXXXX');
    const rejected = contrlFor(broken);
    expect(rejected.lines).toEqual([
      'UNH+1+CONTRL:4:1:UN',
      'UCI+CC0000001+LHCARGO:ZZ+DEHAMCUSTOMS:ZZ+4',
      'UCF+G2+++4+28+UNE+3',
      'UCM+M3+CUSCAR:D:96B:UN+4',
      'UCS+5',
      'UCD+39+3:2',
      'UNT+7+1',
    ]);
    expect(validateInterchange(rejected.contrl).valid).toBe(true);
  });

  it('reports interchange-level errors on UCI with the service segment and data element', () => {
    const text = fixtureText('cusdec-v3-una.edi').replace("UNZ+2+CD24000123'", "UNZ+2+CD24000999'");
    const { lines } = contrlFor(text);
    expect(lines[1]).toBe('UCI+CD24000123+DE123456789:ZZ+DEHAMCUSTOMS:ZZ+4+28+UNZ+3');
  });

  it('reports a missing UNT on the message response, naming UNT', () => {
    const text = fixtureText('cusdec-v3-una.edi').replace("UNT+13+2'\n", '');
    const { lines } = contrlFor(text);
    expect(lines).toContain('UCM+2+CUSDEC:D:96B:UN+4+13+UNT');
  });

  it('never acknowledges a CONTRL, nor an interchange that asks for none', () => {
    const contrl = parseInterchange(fixtureText('contrl-d3.edi').replace("CT0000777'", "CT0000777++++1'"));
    expect(contrl.ackRequested).toBe(true);
    expect(needsAcknowledgement(contrl)).toBe(false);
    expect(acknowledge(contrl, validateInterchange(contrl), { controlRef: 'X' })).toBeUndefined();
    const quiet = parseInterchange(fixture('cusres-v3-unoc.edi'));
    expect(acknowledge(quiet, validateInterchange(quiet), { controlRef: 'X' })).toBeUndefined();
  });
});

describe('duplicate interchanges', () => {
  it('rejects the same sender, recipient and control reference within the window with syntax error 26', async () => {
    const registry = new InMemoryDuplicateRegistry({ windowMs: 60_000 });
    const first = parseInterchange(fixture('cusdec-v3-una.edi'));
    expect(await checkDuplicate(first, registry, WHEN)).toBeUndefined();
    const again = parseInterchange(fixture('cusdec-v3-una.edi'));
    const duplicate = await checkDuplicate(again, registry, new Date(WHEN.getTime() + 30_000));
    expect(duplicate).toMatchObject({ code: 'DUPLICATE_INTERCHANGE', syntaxError: '26', segmentNumber: 1, segmentTag: 'UNB', elementPosition: 5 });
    expect(duplicate!.message).toContain('interchange CD24000123 from DE123456789:ZZ to DEHAMCUSTOMS:ZZ was already received');
    const result = validateInterchange(again);
    const written = acknowledge(again, { errors: [...result.errors, duplicate!] }, { controlRef: 'ACK2', date: WHEN })!;
    expect(written).toContain("UCI+CD24000123+DE123456789:ZZ+DEHAMCUSTOMS:ZZ+4+26+UNB+6'");
  });

  it('forgets keys after the window and tells different control references apart', async () => {
    const registry = new InMemoryDuplicateRegistry({ windowMs: 60_000 });
    const key = interchangeKey(parseInterchange(fixture('cusdec-v3-una.edi')));
    expect(await registry.checkAndRecord(key, WHEN)).toBe(false);
    expect(await registry.checkAndRecord({ ...key, controlReference: 'OTHER' }, WHEN)).toBe(false);
    expect(await registry.checkAndRecord(key, new Date(WHEN.getTime() + 61_000))).toBe(false);
    expect(await registry.checkAndRecord(key, new Date(WHEN.getTime() + 62_000))).toBe(true);
  });

  it('bounds its memory to maxEntries', async () => {
    const registry = new InMemoryDuplicateRegistry({ maxEntries: 2 });
    const key = (ref: string) => ({ sender: 'S', recipient: 'R', controlReference: ref });
    for (const ref of ['1', '2', '3']) await registry.checkAndRecord(key(ref), WHEN);
    expect(await registry.checkAndRecord(key('1'), WHEN)).toBe(false);
    expect(await registry.checkAndRecord(key('3'), WHEN)).toBe(true);
  });
});
