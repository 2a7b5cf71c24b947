#!/usr/bin/env node
// The `interline` executable: run the command line against the real process, exit with its code.
import { processIo } from './io';
import { runCli } from './program';
import { registerStart } from './commands/start';
import { registerMappingsCommands } from './commands/mappings';
import { registerEdiCommands } from './commands/edi';

// `interline dlq list | head` closes stdout early; that is not an error worth a line.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

void runCli(process.argv.slice(2), processIo(), [registerStart, registerMappingsCommands, registerEdiCommands]).then((code) => {
  process.exitCode = code;
});
