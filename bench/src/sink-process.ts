// The HTTP partner of the amqp benchmark, in its own process: a partner API does not share the
// hub's event loop, so its request parsing, recording and GC must not be billed to the hub.
// Prints one JSON line `{"baseUrl": …}` once listening; stops when its parent closes stdin.
import { startHttpSimulator } from '@interline/connector-http/testing';

async function main(): Promise<void> {
  const sink = await startHttpSimulator({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`${JSON.stringify({ baseUrl: sink.baseUrl })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void sink.stop().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(`bench sink: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
