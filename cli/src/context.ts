// What every command needs from the global options: the API client, --json, colors, width.
import type { Command } from 'commander';
import { ApiClient, DEFAULT_HUB_URL } from './api/client';
import { tokenSource } from './auth/local-token';
import type { CliIo } from './io';
import { createProgress } from './output/progress';
import type { Progress } from './output/progress';
import { colorsEnabled, createStyle } from './output/style';
import type { Style } from './output/style';

export interface GlobalOptions {
  url?: string;
  token?: string;
  json?: boolean;
}

export interface CommandContext {
  io: CliIo;
  json: boolean;
  style: Style;
  /** Width a table may use (Infinity when stdout is not a terminal and COLUMNS is unset). */
  width: number;
  /** The admin API client, created on first use (so commands that need none never need a URL). */
  client(): ApiClient;
  /** Human output on stdout; a newline is added. */
  print(text: string): void;
  /** Machine output on stdout: one JSON document. */
  printJson(value: unknown): void;
  /** A progress bar on stderr; silent under --json. */
  progress(total: number, label: string): Progress;
}

export function outputWidth(io: CliIo): number {
  if (io.stdout.columns !== undefined && io.stdout.columns > 0) return io.stdout.columns;
  const fromEnv = Number(io.env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Number.POSITIVE_INFINITY;
}

export function clientFor(io: CliIo, options: GlobalOptions): ApiClient {
  const fromEnv = io.env.INTERLINE_URL;
  const [url, urlSource] =
    options.url !== undefined ? [options.url, 'flag' as const] : fromEnv ? [fromEnv, 'env' as const] : [DEFAULT_HUB_URL, 'default' as const];
  return new ApiClient({ url, urlSource, token: tokenSource(io, options.token) });
}

export function commandContext(command: Command, io: CliIo): CommandContext {
  const options = command.optsWithGlobals<GlobalOptions>();
  const json = options.json === true;
  let client: ApiClient | undefined;
  return {
    io,
    json,
    style: createStyle(colorsEnabled(io, json)),
    width: outputWidth(io),
    client: () => (client ??= clientFor(io, options)),
    print: (text) => void io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    printJson: (value) => void io.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    progress: (total, label) => createProgress(io.stderr, { total, label, enabled: !json }),
  };
}
