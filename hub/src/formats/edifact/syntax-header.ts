// Reading UNB's syntax identifier and version, which decide charset, repetitions and the meaning of UNA.
import { type Charset, knownCharset, nonStandardCharset } from './charsets';
import { EdifactError, type EdifactErrorInit, SyntaxErrorCode } from './errors';
import { type Leniency, leniencyHint } from './leniency';
import type { Segment } from './segment';
import { NONE, type Separators, type UnaAdvice, UNA_LENGTH, levelASeparators, levelBSeparators, separatorsFromUna } from './syntax';

export interface SyntaxHeader {
  identifier: string;
  version: number;
  charset: Charset;
  separators: Separators;
  /** The version 3 reserved UNA character when it was not a space (data, not a separator), else NONE. */
  reserved: number;
}

/**
 * What UNB (and the UNA before it) declare. `provisional` are the separators UNB itself was read with:
 * without a UNA they tell level A from level B.
 */
export function readSyntaxHeader(unb: Segment, una: UnaAdvice | undefined, provisional: Separators, leniency: Leniency, warn: (init: EdifactErrorInit) => void): SyntaxHeader {
  const fail = (init: Omit<EdifactErrorInit, 'segmentNumber' | 'byteOffset'>): never => {
    throw new EdifactError({ ...init, segmentNumber: unb.index, byteOffset: unb.offset });
  };
  if (unb.tag !== 'UNB') {
    fail({
      code: 'MISSING_UNB',
      syntaxError: SyntaxErrorCode.SERVICE_SEGMENT_INVALID,
      detail: `the interchange starts with ${unb.tag} instead of UNB`,
      segmentTag: unb.tag,
      hint: 'an interchange must open with UNB (after an optional UNA)',
    });
  }
  const identifier = unb.elements[0]?.[0] ?? '';
  const versionText = unb.elements[0]?.[1] ?? '';
  if (!/^[1-4]$/.test(versionText)) {
    fail({
      code: 'UNSUPPORTED_SYNTAX_VERSION',
      syntaxError: SyntaxErrorCode.SYNTAX_NOT_SUPPORTED,
      detail: `syntax version ${JSON.stringify(versionText)} is not supported (1 to 4 are)`,
      segmentTag: 'UNB',
      hint: 'the partner must send syntax version 3 or 4',
    });
  }
  const version = Number(versionText);
  let charset = knownCharset(identifier);
  if (!charset) {
    const error: EdifactErrorInit = {
      code: 'UNSUPPORTED_SYNTAX_IDENTIFIER',
      syntaxError: SyntaxErrorCode.SYNTAX_NOT_SUPPORTED,
      detail: `syntax identifier ${JSON.stringify(identifier)} is not an ISO 9735 identifier`,
      segmentNumber: unb.index,
      segmentTag: 'UNB',
      elementPosition: 1,
      componentPosition: 1,
      byteOffset: unb.offset,
      hint: leniencyHint('nonStandardSyntaxIdentifiers'),
    };
    if (!leniency.nonStandardSyntaxIdentifiers) throw new EdifactError(error);
    warn(error);
    charset = nonStandardCharset(identifier);
  }
  if (!una) {
    const separators = provisional.element === 0x1d ? levelBSeparators(version) : levelASeparators(version);
    return { identifier, version, charset, separators, reserved: NONE };
  }
  const fifthIsSpace = una.fifth === 0x20;
  if (version >= 4 && fifthIsSpace) {
    const error: EdifactErrorInit = {
      code: 'REPETITION_SEPARATOR_SPACE',
      syntaxError: SyntaxErrorCode.INVALID_SERVICE_CHARACTER_IN_UNA,
      detail: 'the UNA of a syntax version 4 interchange has a space as repetition separator',
      segmentTag: 'UNA',
      byteOffset: unb.offset - UNA_LENGTH,
      hint: `use '*' (UNA:+.?*'), or ${leniencyHint('spaceRepetitionSeparatorInV4')}`,
    };
    if (!leniency.spaceRepetitionSeparatorInV4) throw new EdifactError(error);
    warn(error);
  }
  const reserved = version < 4 && !fifthIsSpace ? una.fifth : NONE;
  return { identifier, version, charset, separators: separatorsFromUna(una, version >= 4), reserved };
}

/** Segment tags are three upper-case letters or digits, starting with a letter; anything else is damage. */
export function checkTag(segment: Segment, componentSeparator: number): void {
  const tag = segment.tag;
  let valid = tag.length === 3;
  for (let i = 0; valid && i < 3; i++) {
    const c = tag.charCodeAt(i);
    valid = (c >= 0x41 && c <= 0x5a) || (i > 0 && c >= 0x30 && c <= 0x39);
  }
  if (valid) return;
  const nested = tag.length === 4 && tag.charCodeAt(3) === componentSeparator;
  throw new EdifactError({
    code: nested ? 'NESTING_NOT_SUPPORTED' : 'INVALID_SEGMENT_TAG',
    syntaxError: nested ? SyntaxErrorCode.NESTING_NOT_ALLOWED : SyntaxErrorCode.INVALID_CHARACTERS,
    detail: nested
      ? `segment tag ${tag.slice(0, 3)} uses explicit nesting, which the hub does not support`
      : `segment ${segment.index} starts with ${JSON.stringify(tag.slice(0, 12))}, which is not a segment tag: the data is damaged or not EDIFACT`,
    segmentNumber: segment.index,
    byteOffset: segment.offset,
    hint: nested ? 'ask the partner for the message without nesting indicators' : 'check the file and the separators in its UNA',
  });
}
