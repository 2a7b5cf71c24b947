// Splits Cargo-IMP text into numbered lines and slash-separated fields that remember their column,
// so every parse error can point at the exact place in the partner's file.

export interface Field {
  value: string;
  /** 1-based column of the field's first character. */
  column: number;
}

export interface Line {
  /** 1-based line number in the original text. */
  number: number;
  text: string;
  fields: Field[];
}

/** Cargo-IMP lines are at most 69 characters; longer lines are continued with '/' in practice but a hard cap guards the parser. */
export const MAX_LINE_LENGTH = 512;

/** Lines of a message: CR LF, LF and CR all end a line; blank lines are skipped but keep their numbers. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const content = raw.replace(/[ \t]+$/, '');
    if (content.trim() === '') return;
    lines.push({ number: index + 1, text: content, fields: splitFields(content) });
  });
  return lines;
}

export function splitFields(text: string): Field[] {
  const fields: Field[] = [];
  let column = 1;
  for (const value of text.split('/')) {
    fields.push({ value, column });
    column += value.length + 1;
  }
  return fields;
}
