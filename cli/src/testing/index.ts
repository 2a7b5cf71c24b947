// Helpers for tests that run `interline` commands in-process: captured output and the exit code.
import { memoryIo } from '../io';
import type { MemoryIoOptions } from '../io';
import { runCli } from '../program';
import type { CommandRegistrar } from '../program';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCaptured(argv: readonly string[], options: MemoryIoOptions & { registrars?: readonly CommandRegistrar[] } = {}): Promise<CliRun> {
  const io = memoryIo(options);
  const code = await runCli(argv, io, options.registrars ?? []);
  return { code, stdout: io.out(), stderr: io.err() };
}
