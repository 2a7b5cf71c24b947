// Truncated, oversized and garbage input is rejected with a precise error, never a crash or a hang.
import { randomBytes } from 'node:crypto';
import { SegmentTokenizer, parseInterchange, validateStream } from '../../../src/formats/edifact';
import { fixture, fixtureText, rejected, thrown } from './fixtures';

const CUSDEC = fixtureText('cusdec-v3-una.edi');

/** Deterministic pseudo-random bytes, so a failure can be reproduced. */
function garbage(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('damaged input is rejected cleanly', () => {
  it('an interchange cut in the middle of a segment', () => {
    const cut = CUSDEC.slice(0, CUSDEC.indexOf('MOA+146:8200') + 7);
    const error = thrown(() => parseInterchange(cut));
    expect(error).toMatchObject({ code: 'TRUNCATED', segmentNumber: 26, byteOffset: CUSDEC.indexOf('MOA+146:8200') });
    expect(error.message).toContain('the interchange is cut inside a segment: 7 bytes ("MOA+146") have no segment terminator');
  });

  it('an interchange that stops after a complete segment but without UNZ', () => {
    const cut = CUSDEC.slice(0, CUSDEC.indexOf('UNZ+'));
    const error = thrown(() => parseInterchange(cut));
    expect(error).toMatchObject({ code: 'TRUNCATED', segmentNumber: 53 });
    expect(error.message).toContain('the interchange ends after segment 53 without UNZ');
  });

  it('an interchange cut inside its UNA, and an empty file', () => {
    expect(thrown(() => parseInterchange('UNA:+.'))).toMatchObject({ code: 'TRUNCATED', segmentTag: 'UNA' });
    expect(thrown(() => parseInterchange(''))).toMatchObject({ code: 'NO_INTERCHANGE' });
  });

  it.each([1, 2, 3, 4, 5])('binary garbage (seed %i) is not an interchange, strict or lenient', (seed) => {
    const bytes = garbage(256 * 1024, seed);
    expect(thrown(() => parseInterchange(bytes)).code).toBe('NO_INTERCHANGE');
    const lenient = thrown(() => parseInterchange(bytes, { leniency: 'permissive' }));
    expect(['NO_INTERCHANGE', 'INVALID_SEGMENT_TAG', 'SEGMENT_TOO_LONG', 'TOO_MANY_ERRORS']).toContain(lenient.code);
  });

  it('garbage after a valid UNB stops at the first impossible segment tag', () => {
    const bytes = Buffer.concat([Buffer.from("UNB+UNOA:3+S+R+240115:0930+1'"), Buffer.from([0x00, 0xff, 0x27, 0x13]), randomBytes(4096)]);
    const error = thrown(() => parseInterchange(bytes));
    expect(error).toMatchObject({ code: 'INVALID_SEGMENT_TAG', segmentNumber: 2, byteOffset: 29 });
  });

  it('a segment longer than maxSegmentLength fails fast, and the tokenizer never holds more than that', () => {
    const tokenizer = new SegmentTokenizer({ maxSegmentLength: 1000 });
    tokenizer.write(Buffer.from("UNB+UNOA:3+S+R+240115:0930+1'UNH+1+APERAK:D:96B:UN'FTX+AAO+++"), () => undefined);
    let error: unknown;
    try {
      for (let i = 0; i < 100; i++) {
        tokenizer.write(Buffer.alloc(100, 0x41), () => undefined);
        expect(tokenizer.retainedBytes).toBeLessThanOrEqual(1000);
      }
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'SEGMENT_TOO_LONG', segmentNumber: 3 });
  });

  it('streaming validation rejects truncated input with the same error', async () => {
    const bytes = fixture('paxlst-v4-unoc.edi');
    const error = await rejected(() => validateStream([bytes.subarray(0, 300)]));
    expect(error.code).toBe('TRUNCATED');
  });

  it('a flood of invalid characters is cut short instead of collecting errors forever', () => {
    const text = `UNB+UNOA:3+S+R+240115:0930+1'UNH+1+APERAK:D:96B:UN'FTX+AAO+++${'#'.repeat(5000)}'UNT+3+1'UNZ+1+1'`;
    expect(thrown(() => parseInterchange(text, { maxErrors: 100 })).code).toBe('TOO_MANY_ERRORS');
  });
});
