// Syntax identifiers (UNB 0001): how each decodes bytes and which characters its repertoire allows.

/** Which characters a syntax level allows in data. */
export type Repertoire = 'levelA' | 'levelB' | 'graphic';

export interface Charset {
  /** The syntax identifier as sent, e.g. UNOA. */
  id: string;
  /** True for identifiers defined by ISO 9735 (code list 0001) or the airline ids the hub supports. */
  standard: boolean;
  /** Byte decoding: node's latin1/utf8, or a WHATWG label for the ISO 8859 parts node has no fast path for. */
  encoding: 'latin1' | 'utf8' | string;
  repertoire: Repertoire;
}

const LATIN_PARTS: Record<string, string> = {
  UNOD: 'iso-8859-2',
  UNOE: 'iso-8859-5',
  UNOF: 'iso-8859-7',
  UNOG: 'iso-8859-3',
  UNOH: 'iso-8859-4',
  UNOI: 'iso-8859-6',
  UNOJ: 'iso-8859-8',
  UNOK: 'iso-8859-9',
};

function define(id: string, encoding: string, repertoire: Repertoire, standard = true): Charset {
  return { id, standard, encoding, repertoire };
}

const KNOWN: Record<string, Charset> = {
  UNOA: define('UNOA', 'latin1', 'levelA'),
  UNOB: define('UNOB', 'latin1', 'levelB'),
  UNOC: define('UNOC', 'latin1', 'graphic'),
  // UNOX (ISO 2022 code extension) has no decoder here: bytes pass through as latin-1.
  UNOX: define('UNOX', 'latin1', 'graphic'),
  UNOY: define('UNOY', 'utf8', 'graphic'),
  UNOW: define('UNOW', 'utf8', 'graphic'),
  // Airline identifiers: IATA uses the level A repertoire, IATB level B.
  IATA: define('IATA', 'latin1', 'levelA'),
  IATB: define('IATB', 'latin1', 'levelB'),
  ...Object.fromEntries(Object.entries(LATIN_PARTS).map(([id, label]) => [id, define(id, label, 'graphic')])),
};

/** A syntax identifier the hub supports without leniency, or undefined. */
export function knownCharset(id: string): Charset | undefined {
  return KNOWN[id];
}

/** Decoding for an identifier outside the standard (UNOL is ISO 8859-15 by common use; anything else latin-1). */
export function nonStandardCharset(id: string): Charset {
  return define(id, id === 'UNOL' ? 'iso-8859-15' : 'latin1', 'graphic', false);
}

export function supportedSyntaxIdentifiers(): string[] {
  return Object.keys(KNOWN).sort();
}

const LEVEL_A_PUNCTUATION = ` !"%&'()*+,-./:;<=>?`;

/** Whether a decoded character code belongs to the repertoire (separators are classified before this). */
export function inRepertoire(repertoire: Repertoire, code: number): boolean {
  if (code >= 0x41 && code <= 0x5a) return true;
  if (code >= 0x30 && code <= 0x39) return true;
  switch (repertoire) {
    case 'levelA':
      return code < 0x80 && LEVEL_A_PUNCTUATION.includes(String.fromCharCode(code));
    case 'levelB':
      return (code >= 0x61 && code <= 0x7a) || (code < 0x80 && LEVEL_A_PUNCTUATION.includes(String.fromCharCode(code)));
    case 'graphic':
      return (code >= 0x20 && code < 0x7f) || code >= 0xa0;
  }
}

/** A decoder of byte ranges into strings for one charset; latin-1 and UTF-8 use node's native paths. */
export type ByteDecoder = (bytes: Buffer, start: number, end: number) => string;

export function decoderFor(encoding: string): ByteDecoder {
  if (encoding === 'latin1') return (bytes, start, end) => bytes.toString('latin1', start, end);
  if (encoding === 'utf8') return (bytes, start, end) => bytes.toString('utf8', start, end);
  const decoder = new TextDecoder(encoding);
  return (bytes, start, end) => decoder.decode(bytes.subarray(start, end));
}
