// Per-partner leniency: each switch tolerates one real-world deviation, which is then reported as a warning.

export interface Leniency {
  /** Skip mail banners or any other text before UNA/UNB, and text after UNZ. */
  textAroundInterchange: boolean;
  /** Drop CR/LF inside segments: files wrapped at fixed width (64 or 80 columns). */
  lineWrapping: boolean;
  /** Accept a 6-digit YYMMDD date in the UNB of a syntax version 4 interchange. */
  shortDateInV4: boolean;
  /** Accept UNA service characters outside the level A set, e.g. `\` as release character. */
  nonStandardServiceCharacters: boolean;
  /** Accept a space in the repetition-separator position of a version 4 UNA (then nothing repeats). */
  spaceRepetitionSeparatorInV4: boolean;
  /** Read the character in the reserved UNA position of a version 3 file (often `*`) as plain data. */
  reservedCharacterInV3Data: boolean;
  /** Accept characters outside the declared repertoire: lowercase or accented letters under UNOA. */
  charactersOutsideRepertoire: boolean;
  /** Accept syntax identifiers outside ISO 9735 (UNOL, …); UNOL decodes as ISO 8859-15, others as latin-1. */
  nonStandardSyntaxIdentifiers: boolean;
  /** Accept UNT segment counts that do not match the segments received. */
  wrongSegmentCounts: boolean;
  /** Accept a UNT message reference that differs from its UNH. */
  wrongMessageReferences: boolean;
}

export type LeniencySwitch = keyof Leniency;

export const STRICT: Readonly<Leniency> = Object.freeze({
  textAroundInterchange: false,
  lineWrapping: false,
  shortDateInV4: false,
  nonStandardServiceCharacters: false,
  spaceRepetitionSeparatorInV4: false,
  reservedCharacterInV3Data: false,
  charactersOutsideRepertoire: false,
  nonStandardSyntaxIdentifiers: false,
  wrongSegmentCounts: false,
  wrongMessageReferences: false,
});

export const PERMISSIVE: Readonly<Leniency> = Object.freeze(
  Object.fromEntries(Object.keys(STRICT).map((key) => [key, true])) as unknown as Leniency,
);

/** 'strict' (the default), 'permissive', or strict with the listed switches turned on. */
export type LeniencyOptions = 'strict' | 'permissive' | Partial<Leniency>;

export function resolveLeniency(options: LeniencyOptions | undefined): Leniency {
  if (options === undefined || options === 'strict') return { ...STRICT };
  if (options === 'permissive') return { ...PERMISSIVE };
  return { ...STRICT, ...options };
}

/** The sentence appended to an error that a switch would tolerate. */
export function leniencyHint(name: LeniencySwitch): string {
  return `if this partner is known to send it, set leniency.${name} for the partner`;
}
