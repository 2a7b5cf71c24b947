// Typed EDIFACT errors: every problem carries its position, its ISO 9735 syntax error code and the way out.

/** What went wrong, as a stable machine-readable code. */
export type EdifactErrorCode =
  // framing and syntax (tokenizer)
  | 'NO_INTERCHANGE'
  | 'TEXT_BEFORE_INTERCHANGE'
  | 'TEXT_AFTER_INTERCHANGE'
  | 'INVALID_UNA'
  | 'INVALID_SERVICE_CHARACTER'
  | 'REPETITION_SEPARATOR_SPACE'
  | 'RESERVED_CHARACTER_IN_DATA'
  | 'UNSUPPORTED_SYNTAX_IDENTIFIER'
  | 'UNSUPPORTED_SYNTAX_VERSION'
  | 'LINE_WRAPPING'
  | 'INVALID_CHARACTER'
  | 'INVALID_SEGMENT_TAG'
  | 'NESTING_NOT_SUPPORTED'
  | 'SEGMENT_TOO_LONG'
  | 'TRUNCATED'
  | 'TOO_MANY_ERRORS'
  | 'UNENCODABLE_VALUE'
  // envelope
  | 'MISSING_UNB'
  | 'MISSING_UNZ'
  | 'MISSING_UNT'
  | 'MISSING_UNE'
  | 'UNEXPECTED_SERVICE_SEGMENT'
  | 'SEGMENT_OUTSIDE_MESSAGE'
  | 'GROUPS_AND_MESSAGES_MIXED'
  | 'COUNT_MISMATCH'
  | 'REFERENCE_MISMATCH'
  | 'EMPTY_INTERCHANGE'
  | 'EMPTY_GROUP'
  | 'MIXED_MESSAGE_TYPES_IN_GROUP'
  | 'SHORT_DATE_IN_V4'
  | 'DUPLICATE_INTERCHANGE'
  | 'UNKNOWN_MESSAGE'
  // message content
  | 'SEGMENT_NOT_ALLOWED'
  | 'TOO_MANY_SEGMENT_REPETITIONS'
  | 'TOO_MANY_GROUP_REPETITIONS'
  | 'MISSING_SEGMENT'
  | 'TOO_MANY_ELEMENTS'
  | 'TOO_MANY_COMPONENTS'
  | 'TOO_MANY_ELEMENT_REPETITIONS'
  | 'MISSING_ELEMENT'
  | 'MISSING_COMPONENT'
  | 'INVALID_CHARACTER_TYPE'
  | 'VALUE_TOO_LONG'
  | 'VALUE_TOO_SHORT'
  | 'INVALID_DECIMAL_MARK'
  | 'MISSING_DIGIT_BEFORE_DECIMAL';

/** ISO 9735 service code list 0085 (syntax error, coded): the values the hub reports in CONTRL. */
export const SyntaxErrorCode = {
  UNA_NOT_SUPPORTED: '1',
  SYNTAX_NOT_SUPPORTED: '2',
  MESSAGE_NOT_SUPPORTED: '3',
  SERVICE_SEGMENT_INVALID: '4',
  INVALID_VALUE: '12',
  MISSING: '13',
  NOT_SUPPORTED_IN_POSITION: '15',
  TOO_MANY_CONSTITUENTS: '16',
  INVALID_DECIMAL_NOTATION: '19',
  INVALID_SERVICE_CHARACTER_IN_UNA: '20',
  INVALID_CHARACTERS: '21',
  INVALID_SERVICE_CHARACTERS: '22',
  DUPLICATE_DETECTED: '26',
  REFERENCES_DO_NOT_MATCH: '28',
  CONTROL_COUNT_MISMATCH: '29',
  GROUPS_AND_MESSAGES_MIXED: '30',
  MORE_THAN_ONE_MESSAGE_TYPE_IN_GROUP: '31',
  LOWER_LEVEL_EMPTY: '32',
  INVALID_OCCURRENCE_OUTSIDE_MESSAGE: '33',
  NESTING_NOT_ALLOWED: '34',
  TOO_MANY_SEGMENT_REPETITIONS: '35',
  TOO_MANY_GROUP_REPETITIONS: '36',
  INVALID_TYPE_OF_CHARACTERS: '37',
  MISSING_DIGIT_BEFORE_DECIMAL: '38',
  DATA_ELEMENT_TOO_LONG: '39',
  DATA_ELEMENT_TOO_SHORT: '40',
} as const;

export type SyntaxErrorCodeValue = (typeof SyntaxErrorCode)[keyof typeof SyntaxErrorCode];

export interface EdifactErrorInit {
  code: EdifactErrorCode;
  /** What is wrong, without the position (the position is appended from the fields). */
  detail: string;
  /** How to get past it: the fix in the data, or the leniency switch that tolerates it. */
  hint?: string;
  syntaxError: SyntaxErrorCodeValue;
  segmentNumber?: number;
  segmentTag?: string;
  elementPosition?: number;
  componentPosition?: number;
  byteOffset?: number;
  /** 1-based ordinal of the message in the interchange, when the error lies inside or on a message. */
  messageIndex?: number;
  /** 1-based ordinal of the functional group, when the error lies inside or on a group. */
  groupIndex?: number;
}

/** One EDIFACT problem with its exact place; `message` reads on its own in a log line. */
export class EdifactError extends Error {
  override readonly name = 'EdifactError';
  readonly code: EdifactErrorCode;
  readonly syntaxError: SyntaxErrorCodeValue;
  readonly detail: string;
  readonly hint: string | undefined;
  /** 1-based position of the segment in the interchange (UNB is 1; UNA is not a segment). */
  readonly segmentNumber: number | undefined;
  readonly segmentTag: string | undefined;
  /** 1-based position of the data element after the tag. */
  readonly elementPosition: number | undefined;
  /** 1-based position of the component inside the data element. */
  readonly componentPosition: number | undefined;
  /** Byte offset in the received stream (of the segment start, or of the offending character when known). */
  readonly byteOffset: number | undefined;
  readonly messageIndex: number | undefined;
  readonly groupIndex: number | undefined;

  constructor(init: EdifactErrorInit) {
    super(formatErrorMessage(init));
    this.code = init.code;
    this.syntaxError = init.syntaxError;
    this.detail = init.detail;
    this.hint = init.hint;
    this.segmentNumber = init.segmentNumber;
    this.segmentTag = init.segmentTag;
    this.elementPosition = init.elementPosition;
    this.componentPosition = init.componentPosition;
    this.byteOffset = init.byteOffset;
    this.messageIndex = init.messageIndex;
    this.groupIndex = init.groupIndex;
  }

  /** The same error re-attributed to a message or group (positions are found before the owner is known). */
  withOwner(messageIndex: number | undefined, groupIndex: number | undefined): EdifactError {
    return new EdifactError({ ...this.toInit(), messageIndex, groupIndex });
  }

  toInit(): EdifactErrorInit {
    return {
      code: this.code,
      detail: this.detail,
      hint: this.hint,
      syntaxError: this.syntaxError,
      segmentNumber: this.segmentNumber,
      segmentTag: this.segmentTag,
      elementPosition: this.elementPosition,
      componentPosition: this.componentPosition,
      byteOffset: this.byteOffset,
      messageIndex: this.messageIndex,
      groupIndex: this.groupIndex,
    };
  }

  toJSON(): EdifactErrorInit & { message: string } {
    return { ...this.toInit(), message: this.message };
  }
}

function formatErrorMessage(init: EdifactErrorInit): string {
  const where: string[] = [];
  if (init.segmentNumber !== undefined) where.push(`segment ${init.segmentNumber}${init.segmentTag ? ` ${init.segmentTag}` : ''}`);
  else if (init.segmentTag) where.push(`segment ${init.segmentTag}`);
  if (init.elementPosition !== undefined) where.push(`element ${init.elementPosition}`);
  if (init.componentPosition !== undefined) where.push(`component ${init.componentPosition}`);
  if (init.byteOffset !== undefined) where.push(`byte ${init.byteOffset}`);
  const position = where.length > 0 ? ` (${where.join(', ')})` : '';
  return `${init.detail}${position}${init.hint ? `; ${init.hint}` : ''}`;
}
