// Python's standard library as an independent XML-RPC implementation: run a client script against a
// URL, or start a SimpleXMLRPCServer stand-in on a free port. Always asynchronous: the simulator under
// test answers on this same event loop, so a blocking child process would deadlock it.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Run `script` with python3; it gets `args` in sys.argv[1:] and must print one JSON document. */
export async function pythonJson<T>(script: string, args: string[]): Promise<T> {
  const { stdout } = await run('python3', ['-c', script, ...args], { encoding: 'utf8', timeout: 20_000 });
  return JSON.parse(stdout) as T;
}

export interface PythonServer {
  port: number;
  stop(): Promise<void>;
}

/** Start a Python server script that prints its port on the first line of stdout. */
export async function startPythonServer(script: string): Promise<PythonServer> {
  const child: ChildProcessWithoutNullStreams = spawn('python3', ['-u', '-c', script], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`python stand-in did not start within 10 s: ${stderr}`)), 10_000);
    child.stdout.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      resolve(Number.parseInt(chunk.toString('utf8').trim(), 10));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`python stand-in exited with ${code}: ${stderr}`));
    });
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
