// Failures the CLI reports as one line on stderr ("interline: …") with an exit code, never a stack.

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit code for a command line that does not parse (unknown option, missing argument). */
export const USAGE_EXIT_CODE = 2;

/** Collapse newlines and runs of spaces so a message from elsewhere stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function messageOf(error: unknown): string {
  return oneLine(error instanceof Error ? error.message : String(error));
}
