// A small, hardened reader for the XML subset XML-RPC uses: elements, text, CDATA and comments.
// It refuses DOCTYPE and every entity except the five predefined ones and character references,
// so no entity expansion (billion laughs, external entities) can happen, and it caps depth and size.

export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The element's own text (CDATA included), entities decoded; text inside children is not included. */
  text: string;
}

export interface XmlLimits {
  /** Deepest element nesting accepted (a struct in an array in a struct … counts every element). */
  maxDepth: number;
  maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 100, maxElements: 1_000_000 };

export class XmlSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} (at character ${offset})`);
    this.name = 'XmlSyntaxError';
  }
}

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*/;

/** Parse one XML document into its root element. */
export function parseXml(input: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  const reader = new Reader(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, limits);
  return reader.document();
}

class Reader {
  private pos = 0;
  private elements = 0;

  constructor(
    private readonly src: string,
    private readonly limits: XmlLimits,
  ) {}

  document(): XmlElement {
    this.skipWhitespace();
    if (this.src.startsWith('<?xml', this.pos)) this.declaration();
    this.misc();
    if (!this.src.startsWith('<', this.pos)) this.fail('expected the root element');
    const root = this.element(1);
    this.misc();
    if (this.pos < this.src.length) this.fail('unexpected content after the root element');
    return root;
  }

  private declaration(): void {
    const end = this.src.indexOf('?>', this.pos);
    if (end < 0) this.fail('unterminated XML declaration');
    this.pos = end + 2;
  }

  /** Whitespace, comments, and the refusals that apply outside the root element. */
  private misc(): void {
    for (;;) {
      this.skipWhitespace();
      if (this.src.startsWith('<!--', this.pos)) this.comment();
      else if (this.src.startsWith('<!DOCTYPE', this.pos) || this.src.startsWith('<!doctype', this.pos)) {
        this.fail('DOCTYPE declarations are not accepted (no DTDs, no entity declarations)');
      } else if (this.src.startsWith('<?', this.pos)) this.fail('processing instructions are not accepted');
      else return;
    }
  }

  private element(depth: number): XmlElement {
    if (depth > this.limits.maxDepth) this.fail(`elements nest deeper than ${this.limits.maxDepth} levels`);
    if (++this.elements > this.limits.maxElements) this.fail(`more than ${this.limits.maxElements} elements`);
    this.pos += 1; // '<'
    const name = this.name();
    this.attributes();
    if (this.src.startsWith('/>', this.pos)) {
      this.pos += 2;
      return { name, children: [], text: '' };
    }
    this.expect('>');
    const element: XmlElement = { name, children: [], text: '' };
    const text: string[] = [];
    for (;;) {
      if (this.pos >= this.src.length) this.fail(`element <${name}> is not closed`);
      const next = this.src.indexOf('<', this.pos);
      if (next < 0) this.fail(`element <${name}> is not closed`);
      if (next > this.pos) text.push(this.decodeText(this.src.slice(this.pos, next), this.pos));
      this.pos = next;
      if (this.src.startsWith('</', this.pos)) {
        this.pos += 2;
        const closing = this.name();
        if (closing !== name) this.fail(`</${closing}> closes <${name}>`);
        this.skipWhitespace();
        this.expect('>');
        element.text = text.join('');
        return element;
      }
      if (this.src.startsWith('<!--', this.pos)) this.comment();
      else if (this.src.startsWith('<![CDATA[', this.pos)) text.push(this.cdata());
      else if (this.src.startsWith('<!', this.pos)) this.fail('DOCTYPE and entity declarations are not accepted');
      else if (this.src.startsWith('<?', this.pos)) this.fail('processing instructions are not accepted');
      else element.children.push(this.element(depth + 1));
    }
  }

  private name(): string {
    const match = NAME.exec(this.src.slice(this.pos, this.pos + 256));
    if (!match) this.fail('expected an element name');
    this.pos += match[0].length;
    return match[0];
  }

  /** XML-RPC has no attributes; they are checked for syntax and ignored (xmlns and the like). */
  private attributes(): void {
    for (;;) {
      this.skipWhitespace();
      const char = this.src[this.pos];
      if (char === '>' || char === '/' || char === undefined) return;
      this.name();
      this.skipWhitespace();
      this.expect('=');
      this.skipWhitespace();
      const quote = this.src[this.pos];
      if (quote !== '"' && quote !== "'") this.fail('attribute values must be quoted');
      const end = this.src.indexOf(quote, this.pos + 1);
      if (end < 0) this.fail('unterminated attribute value');
      this.decodeText(this.src.slice(this.pos + 1, end), this.pos + 1);
      this.pos = end + 1;
    }
  }

  private comment(): void {
    const end = this.src.indexOf('-->', this.pos + 4);
    if (end < 0) this.fail('unterminated comment');
    this.pos = end + 3;
  }

  private cdata(): string {
    const start = this.pos + 9;
    const end = this.src.indexOf(']]>', start);
    if (end < 0) this.fail('unterminated CDATA section');
    this.pos = end + 3;
    return this.src.slice(start, end);
  }

  private decodeText(raw: string, offset: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s]{0,32});?/g, (whole, entity: string) => {
      if (!whole.endsWith(';')) throw new XmlSyntaxError('a bare "&" must be written as &amp;', offset);
      if (entity.startsWith('#')) return characterReference(entity, offset);
      const value = PREDEFINED_ENTITIES[entity];
      if (value === undefined) throw new XmlSyntaxError(`entity &${entity}; is not accepted (only &lt; &gt; &amp; &quot; &apos; and character references)`, offset);
      return value;
    });
  }

  private skipWhitespace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos] as string)) this.pos += 1;
  }

  private expect(char: string): void {
    if (this.src[this.pos] !== char) this.fail(`expected "${char}"`);
    this.pos += 1;
  }

  private fail(message: string): never {
    throw new XmlSyntaxError(message, this.pos);
  }
}

function characterReference(entity: string, offset: number): string {
  const hex = entity[1] === 'x' || entity[1] === 'X';
  const digits = entity.slice(hex ? 2 : 1);
  const code = /^[0-9A-Fa-f]+$/.test(digits) ? Number.parseInt(digits, hex ? 16 : 10) : Number.NaN;
  const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  if (!allowed) throw new XmlSyntaxError(`character reference &${entity}; is not a legal XML character`, offset);
  return String.fromCodePoint(code);
}
