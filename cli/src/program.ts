// The `interline` command tree. buildProgram makes a fresh commander program bound to an io;
// runCli parses a command line with it and turns every failure into one stderr line + exit code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { registerConnectorsCommands } from './commands/connectors';
import { registerDlqCommands } from './commands/dlq';
import { registerEventsCommands } from './commands/events';
import { registerMessagesCommands } from './commands/messages';
import { registerSendCommand } from './commands/send';
import { registerTokenCommands } from './commands/token';
import { CliError, USAGE_EXIT_CODE, messageOf, oneLine } from './errors';
import type { CliIo } from './io';

/** Adds commands to the program (built-in groups and plug-ins such as `start` and `mappings`). */
export type CommandRegistrar = (program: Command, io: CliIo) => void;

export const BUILT_IN_COMMANDS: readonly CommandRegistrar[] = [
  registerDlqCommands,
  registerMessagesCommands,
  registerConnectorsCommands,
  registerSendCommand,
  registerEventsCommands,
  registerTokenCommands,
];

function cliVersion(): string {
  try {
    // src/ and dist/ both sit next to the package's manifest.
    return (JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Commander's usage errors as one line that says where to look for the right usage; no process.exit. */
function configureUsageErrors(command: Command, io: CliIo): void {
  const help = `\`${commandPath(command)} --help\``;
  command.exitOverride();
  command.configureOutput({
    writeOut: (text) => void io.stdout.write(text),
    writeErr: (text) => void io.stderr.write(text),
    outputError: (text) => void io.stderr.write(`interline: ${oneLine(text.replace(/^error: /, ''))}; see ${help}\n`),
  });
  for (const sub of command.commands) configureUsageErrors(sub, io);
}

export function buildProgram(io: CliIo, registrars: readonly CommandRegistrar[] = []): Command {
  const program = new Command('interline')
    .description("Interline's command line: dead letters, messages, connectors and events of a running hub")
    .version(cliVersion(), '-V, --version')
    .option('--url <url>', 'hub base URL (env INTERLINE_URL; default http://127.0.0.1:8080)')
    .option('--token <token>', 'bearer token (env INTERLINE_TOKEN; default: an admin token signed with .interline/signing-key)')
    .option('--json', 'machine-readable JSON on stdout (no colors, no progress bars)')
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError(true)
    .exitOverride();
  for (const register of [...BUILT_IN_COMMANDS, ...registrars]) register(program, io);
  // After every registrar, so plug-in commands get the same one-line errors and exit codes.
  configureUsageErrors(program, io);
  return program;
}

/** Report a failure as one line on stderr; returns the exit code. */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
  if (error instanceof CliError) {
    io.stderr.write(`interline: ${oneLine(error.message)}\n`);
    return error.exitCode;
  }
  io.stderr.write(`interline: unexpected error: ${messageOf(error)}; rerun with INTERLINE_DEBUG=1 for details and report it\n`);
  if (io.env.INTERLINE_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 1;
}

/** Run one command line (arguments after the program name); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, registrars: readonly CommandRegistrar[] = []): Promise<number> {
  const program = buildProgram(io, registrars);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}
