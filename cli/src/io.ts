// The streams, environment and clock a CLI run sees; injectable so tests run commands in-process.

export interface OutputStream {
  write(text: string): unknown;
  /** True when a person is watching: colors (stdout) and a redrawn progress bar (stderr). */
  isTTY?: boolean | undefined;
  /** Terminal width; undefined when the stream is not a terminal. */
  columns?: number | undefined;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Where relative paths (patch files, data files, .interline/) are resolved. */
  cwd: string;
  now(): number;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
  };
}

export interface MemoryIoOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Pretend stdout and stderr are terminals. */
  tty?: boolean;
  columns?: number;
  now?: () => number;
}

/** An io that keeps everything written, for tests and for callers that post-process output. */
export interface MemoryIo extends CliIo {
  out(): string;
  err(): string;
}

export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  const out: string[] = [];
  const err: string[] = [];
  const tty = options.tty ?? false;
  return {
    stdout: { write: (text: string) => out.push(text), isTTY: tty, columns: options.columns },
    stderr: { write: (text: string) => err.push(text), isTTY: tty, columns: options.columns },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: options.now ?? (() => Date.now()),
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
