// Where the amqp benchmark delivers: the http connector's simulator, in a child process by default
// (see sink-process.ts), or in the bench's own process with BENCH_SINK=inprocess (the old setup).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startHttpSimulator } from '@interline/connector-http/testing';
import type { HttpSimulatorState } from '@interline/connector-http/testing';

export interface BenchSink {
  baseUrl: string;
  /** Everything the sink recorded (requests and distinct side effects). */
  state(): Promise<HttpSimulatorState>;
  stop(): Promise<void>;
}

export async function startBenchSink(where: 'process' | 'inprocess'): Promise<BenchSink> {
  if (where === 'inprocess') {
    const sink = await startHttpSimulator({ host: '127.0.0.1', port: 0 });
    return { baseUrl: sink.baseUrl, state: () => Promise.resolve(sink.inspect()), stop: () => sink.stop() };
  }
  const child = spawn(process.execPath, [path.join(__dirname, 'sink-process.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the bench's HTTP sink process exited with code ${String(code)} before listening; run node bench/dist/sink-process.js to see why`)));
  });
  lines.close();
  const { baseUrl } = JSON.parse(first) as { baseUrl: string };
  return {
    baseUrl,
    async state() {
      const response = await fetch(`${baseUrl}/__sim/state`);
      if (!response.ok) throw new Error(`GET ${baseUrl}/__sim/state answered ${response.status}; the bench's HTTP sink process is unwell`);
      return (await response.json()) as HttpSimulatorState;
    },
    async stop() {
      child.stdin?.end();
      await exited;
    },
  };
}
