// Run `interline` in-process against a fake admin API: captured stdout/stderr and the exit code.
import { runCaptured } from '../../src/testing';
import type { CliRun } from '../../src/testing';
import { ADMIN_TOKEN } from './fake-admin-api';
import { NOW } from './fixtures';

export interface RunOptions {
  url?: string;
  token?: string | null;
  env?: Record<string, string | undefined>;
  cwd?: string;
  tty?: boolean;
  columns?: number;
}

/** The env is explicit: nothing leaks in from the developer's shell (INTERLINE_URL, NO_COLOR…). */
export function interline(args: string[], options: RunOptions = {}): Promise<CliRun> {
  const env: Record<string, string | undefined> = { NO_COLOR: '1', ...options.env };
  if (options.url !== undefined) env.INTERLINE_URL = options.url;
  if (options.token !== null) env.INTERLINE_TOKEN = options.token ?? ADMIN_TOKEN;
  const io: Parameters<typeof runCaptured>[1] = { env, now: () => NOW, tty: options.tty ?? false };
  if (options.cwd !== undefined) io.cwd = options.cwd;
  if (options.columns !== undefined) io.columns = options.columns;
  return runCaptured(args, io);
}

/** stderr must be exactly one line starting "interline: " — no stack traces, no noise. */
export function oneErrorLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l !== '');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}:\n${stderr}`);
  const [line] = lines as [string];
  if (!line.startsWith('interline: ')) throw new Error(`expected "interline: …", got: ${line}`);
  return line;
}
