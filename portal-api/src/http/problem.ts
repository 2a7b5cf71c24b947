// RFC 9457 problem details as an exception: anything in the portal throws a ProblemException and the
// filter renders it as application/problem+json, with the failing fields named where there are any.
import { problem } from '@interline/hub';
import type { Problem, ValidationIssue } from '@interline/hub';

/** Where a failing value sits in the request. */
export type IssueLocation = 'body' | 'query' | 'path' | 'header';

export interface FieldError {
  in: IssueLocation;
  /** JSON Pointer into the body, or the name of the query/path parameter or header. */
  path: string;
  message: string;
  rule: string;
}

/** A problem document; `errors` carries FieldErrors (the hub's Problem type knows only path and message). */
export function portalProblem(status: number, title: string, detail: string, extra: { errors?: FieldError[]; code?: string; [extension: string]: unknown } = {}): Problem {
  return problem(status, title, detail, extra);
}

export class ProblemException extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;
  constructor(value: Problem, headers: Record<string, string> = {}) {
    super(value.detail);
    this.problem = value;
    this.headers = headers;
  }
}

export function fieldErrors(location: IssueLocation, issues: ValidationIssue[], prefix = ''): FieldError[] {
  return issues.map((issue) => ({ in: location, path: location === 'body' ? issue.path || '/' : `${prefix}${issue.path.replace(/^\//, '')}`, message: issue.message, rule: issue.rule }));
}

export function invalidRequest(errors: FieldError[]): ProblemException {
  const listed = errors.slice(0, 5).map((e) => `${e.in} ${e.path} ${e.message}`).join('; ');
  const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
  return new ProblemException(portalProblem(400, 'Bad Request', `the request is invalid: ${listed}${more}`, { errors }));
}

export function notFound(detail: string): ProblemException {
  return new ProblemException(problem(404, 'Not Found', detail));
}

export function conflict(detail: string, code: string, extra: Record<string, unknown> = {}): ProblemException {
  return new ProblemException(portalProblem(409, 'Conflict', detail, { code, ...extra }));
}

export function unprocessable(detail: string, code: string, extra: Record<string, unknown> = {}): ProblemException {
  return new ProblemException(portalProblem(422, 'Unprocessable Content', detail, { code, ...extra }));
}

export function unauthorized(detail: string, invalidToken: boolean): ProblemException {
  return new ProblemException(problem(401, 'Unauthorized', detail), { 'www-authenticate': invalidToken ? 'Bearer error="invalid_token"' : 'Bearer' });
}

export function forbidden(detail: string): ProblemException {
  return new ProblemException(problem(403, 'Forbidden', detail));
}

export function unavailable(detail: string, code: string): ProblemException {
  return new ProblemException(portalProblem(503, 'Service Unavailable', detail, { code }));
}
