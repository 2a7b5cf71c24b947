// Typed SSIM errors: every problem names the line, the columns of the field, what is wrong and the fix.
import { MalformedInputError } from '../../errors';

export interface SsimIssue {
  /** 1-based line of the file. */
  line: number;
  /** 1-based first and last column of the offending field (0 when the whole record is at fault). */
  columns: [number, number];
  /** Field name as SSIM chapter 7 calls it. */
  field: string;
  message: string;
}

export function formatSsimIssue(issue: SsimIssue): string {
  const [from, to] = issue.columns;
  const where = from === 0 ? `line ${issue.line}` : from === to ? `line ${issue.line}, column ${from}` : `line ${issue.line}, column ${from}-${to}`;
  return `${where}: ${issue.message}`;
}

/** One or more records of an SSIM file are malformed; `issues` lists each with its place. */
export class SsimError extends MalformedInputError {
  readonly issues: SsimIssue[];

  constructor(issues: SsimIssue[], what = 'SSIM file') {
    const shown = issues.slice(0, 10).map(formatSsimIssue).join('; ');
    const more = issues.length > 10 ? `; and ${issues.length - 10} more` : '';
    super(issues.length === 1 ? `${what}: ${shown}` : `${what} has ${issues.length} errors: ${shown}${more}`, { issues: issues.slice(0, 50) });
    this.issues = issues;
  }
}
