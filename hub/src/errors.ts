// The error taxonomy the hub acts on: every failure is transient (retry later), permanent
// (dead-letter at once) or an auth failure (permanent, with its own hint), and says where it happened.

export type ErrorClass =
  | 'transient'
  | 'permanent'
  | 'auth'
  | 'timeout'
  | 'circuit-open'
  | 'validation'
  | 'mapping'
  | 'malformed'
  | 'unknown-type'
  | 'config';

/** Classes that a later attempt may cure; everything else dead-letters at once. */
export const RETRYABLE_CLASSES: ReadonlySet<ErrorClass> = new Set(['transient', 'timeout', 'circuit-open']);

export interface ErrorPlace {
  connector?: string;
  operation?: string;
  step?: string;
  route?: string;
}

export abstract class HubError extends Error {
  abstract readonly errorClass: ErrorClass;
  /** Extra facts for the journal (status code, remote error code, decline code…). */
  readonly details: Record<string, unknown>;
  constructor(message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.details = details;
  }
  get retryable(): boolean {
    return RETRYABLE_CLASSES.has(this.errorClass);
  }
}

export class TransientError extends HubError {
  readonly errorClass = 'transient' as const;
  /** A hint from the remote side (Retry-After) that overrides the backoff when larger. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(message, details, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

export class PermanentError extends HubError {
  readonly errorClass = 'permanent' as const;
}

export class AuthError extends HubError {
  readonly errorClass = 'auth' as const;
}

export class TimeoutError extends HubError {
  readonly errorClass = 'timeout' as const;
}

export class CircuitOpenError extends HubError {
  readonly errorClass = 'circuit-open' as const;
}

export class MappingError extends HubError {
  readonly errorClass = 'mapping' as const;
}

export class MalformedInputError extends HubError {
  readonly errorClass = 'malformed' as const;
}

export class UnknownEventTypeError extends HubError {
  readonly errorClass = 'unknown-type' as const;
}

export class ConfigError extends HubError {
  readonly errorClass = 'config' as const;
}

export interface ValidationIssue {
  /** JSON Pointer of the failing value, '' for the root. */
  path: string;
  /** The schema keyword that failed (required, type, pattern, awbCheckDigit…). */
  rule: string;
  message: string;
}

export class ValidationError extends HubError {
  readonly errorClass = 'validation' as const;
  readonly issues: ValidationIssue[];
  constructor(subject: string, issues: ValidationIssue[]) {
    super(`${subject} is invalid: ${issues.map(formatIssue).join('; ')}`, { issues });
    this.issues = issues;
  }
}

export function formatIssue(issue: ValidationIssue): string {
  return `${issue.path || '/'} ${issue.message} (rule: ${issue.rule})`;
}

/** The journal's view of any thrown value: a class and a message, never a stack trace. */
export function describeError(error: unknown): { errorClass: ErrorClass; message: string; details: Record<string, unknown> } {
  if (error instanceof HubError) return { errorClass: error.errorClass, message: error.message, details: error.details };
  if (error instanceof Error) return { errorClass: 'transient', message: `${error.name}: ${error.message}`, details: {} };
  return { errorClass: 'transient', message: String(error), details: {} };
}
