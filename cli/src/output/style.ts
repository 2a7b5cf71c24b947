// ANSI colors for human output, on only when stdout is a terminal, NO_COLOR is unset and the
// output is not --json; otherwise every style is the identity.
import type { CliIo } from '../io';

export interface Style {
  enabled: boolean;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const identity = (text: string) => text;

export function colorsEnabled(io: CliIo, json: boolean): boolean {
  return !json && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
}

export function createStyle(enabled: boolean): Style {
  if (!enabled) return { enabled, red: identity, green: identity, yellow: identity, dim: identity, bold: identity };
  return { enabled, red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}
