// Typed Cargo-IMP errors: every problem names the message line and column it was found at and the fix.
import { MalformedInputError } from '../../errors';

export type CargoImpErrorCode =
  | 'EMPTY_MESSAGE'
  | 'NOT_FSU'
  | 'BAD_VERSION'
  | 'BAD_CONSIGNMENT'
  | 'BAD_AWB'
  | 'AWB_CHECK_DIGIT'
  | 'BAD_QUANTITY'
  | 'UNKNOWN_STATUS'
  | 'MISSING_FIELD'
  | 'BAD_FLIGHT'
  | 'BAD_DATE'
  | 'BAD_AIRPORT'
  | 'BAD_DISCREPANCY'
  | 'UNEXPECTED_FIELD'
  | 'NO_STATUS'
  | 'LINE_TOO_LONG'
  | 'UNENCODABLE';

export interface CargoImpPosition {
  /** 1-based line of the message text. */
  line: number;
  /** 1-based column where the offending field starts. */
  column: number;
}

/** A Cargo-IMP message could not be read or written; `line`/`column` point at the field (0 when not positional). */
export class CargoImpError extends MalformedInputError {
  readonly code: CargoImpErrorCode;
  readonly line: number;
  readonly column: number;

  constructor(code: CargoImpErrorCode, message: string, position: CargoImpPosition = { line: 0, column: 0 }) {
    const where = position.line > 0 ? `FSU line ${position.line}, column ${position.column}: ` : '';
    super(`${where}${message}`, { code, line: position.line, column: position.column });
    this.code = code;
    this.line = position.line;
    this.column = position.column;
  }
}
