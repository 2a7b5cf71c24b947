// Service characters: the separators of an interchange, the UNA string advice and the level A/B defaults.

/** Marks a service character that is not used (no release character, no repetition separator). */
export const NONE = -1;

/** Service characters as character codes; `release` and `repetition` may be NONE. */
export interface Separators {
  component: number;
  element: number;
  decimal: number;
  release: number;
  repetition: number;
  segment: number;
}

const SPACE = 0x20;

/** Level A defaults (`:+.? '` in version 3, `:+.?*'` in version 4). */
export function levelASeparators(syntaxVersion: number): Separators {
  return { component: 0x3a, element: 0x2b, decimal: 0x2e, release: 0x3f, repetition: syntaxVersion >= 4 ? 0x2a : NONE, segment: 0x27 };
}

/**
 * Level B (UNOB) defaults: IS1 component, IS3 element, IS4 segment terminator, no release character.
 * ISO 9735 version 4 assigns IS2 to the repetition separator.
 */
export function levelBSeparators(syntaxVersion: number): Separators {
  return { component: 0x1f, element: 0x1d, decimal: 0x2e, release: NONE, repetition: syntaxVersion >= 4 ? 0x1e : NONE, segment: 0x1c };
}

export function sameSeparators(a: Separators, b: Separators): boolean {
  return (
    a.component === b.component &&
    a.element === b.element &&
    a.decimal === b.decimal &&
    a.release === b.release &&
    a.repetition === b.repetition &&
    a.segment === b.segment
  );
}

/** The six characters of a UNA exactly as sent, before the syntax version says what position 5 means. */
export interface UnaAdvice {
  component: number;
  element: number;
  decimal: number;
  /** Raw code, SPACE when no release character is used. */
  release: number;
  /** Raw code of position 5: repetition separator in version 4, reserved (space) in version 3. */
  fifth: number;
  segment: number;
}

export const UNA_LENGTH = 9;

export function isUnaAt(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0x55 && bytes[at + 1] === 0x4e && bytes[at + 2] === 0x41;
}

export function readUna(bytes: Uint8Array, at: number): UnaAdvice {
  return {
    component: bytes[at + 3]!,
    element: bytes[at + 4]!,
    decimal: bytes[at + 5]!,
    release: bytes[at + 6]!,
    fifth: bytes[at + 7]!,
    segment: bytes[at + 8]!,
  };
}

/** Separators implied by a UNA once the syntax version is known; `fifth` decides about repetitions. */
export function separatorsFromUna(una: UnaAdvice, useFifthAsRepetition: boolean): Separators {
  return {
    component: una.component,
    element: una.element,
    decimal: una.decimal,
    release: una.release === SPACE ? NONE : una.release,
    repetition: useFifthAsRepetition && una.fifth !== SPACE ? una.fifth : NONE,
    segment: una.segment,
  };
}

/** Characters of the level A repertoire that may serve as service characters (graphic, not letters or digits). */
const LEVEL_A_SERVICE = new Set([...`!"%&'()*+,-./:;<=>?`].map((c) => c.charCodeAt(0)));
/** Information separators IS1..IS4 used by level B. */
const LEVEL_B_SERVICE = new Set([0x1c, 0x1d, 0x1e, 0x1f]);

export function isStandardServiceCharacter(code: number): boolean {
  return LEVEL_A_SERVICE.has(code) || LEVEL_B_SERVICE.has(code);
}

/** Letters, digits, space and line breaks can never separate data, whatever a partner agreement says. */
export function isImpossibleServiceCharacter(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === SPACE || code === 0x0a || code === 0x0d
  );
}

export function formatUna(separators: Separators): string {
  const fifth = separators.repetition === NONE ? SPACE : separators.repetition;
  const release = separators.release === NONE ? SPACE : separators.release;
  return `UNA${String.fromCharCode(separators.component, separators.element, separators.decimal, release, fifth, separators.segment)}`;
}

export function describeCharacter(code: number): string {
  if (code < 0x20 || code === 0x7f) return `0x${code.toString(16).padStart(2, '0').toUpperCase()}`;
  return `'${String.fromCharCode(code)}'`;
}
