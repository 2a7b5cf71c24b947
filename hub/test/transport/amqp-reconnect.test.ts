// The RabbitMQ transport when the broker drops its connection (`rabbitmqctl close_all_connections`,
// as in a broker restart or a failover): it says so, reconnects with back-off, declares the topology
// and its consumers again, and jobs published during and after the outage are all delivered.
import { execFileSync } from 'node:child_process';
import { AmqpTransport } from '../../src';
import type { DeliveryJob } from '../../src';
import { createLogger } from '../../src/observability/logger';
import { createTestVhost } from '../support/test-vhost';
import type { TestVhost } from '../support/test-vhost';

let vhost: TestVhost;

beforeAll(async () => {
  vhost = await createTestVhost('interline_reconnect');
});

afterAll(async () => {
  await vhost?.remove();
});

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('reconnects after the broker closes its connection, and delivers every job published around it', async () => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  const transport = new AmqpTransport({ url: vhost.url, partitions: 2, logger });
  await transport.connect();
  const seen = new Set<string>();
  const subscription = await transport.subscribe('route.reconnect', async ({ job }) => {
    seen.add(job.messageId);
    return { kind: 'ack' };
  }, { prefetch: 16 });
  const job = (n: number): DeliveryJob => ({ messageId: `m-${n}`, routeId: 'reconnect', key: `k-${n % 5}` });
  try {
    for (let n = 0; n < 20; n++) await transport.publish('route.reconnect', job(n));
    await until(() => seen.size === 20, 5000, 'the jobs before the outage');

    execFileSync('rabbitmqctl', ['-q', 'close_all_connections', '-p', vhost.name, 'test: broker going away'], { stdio: 'pipe' });
    // Published while the connection is down or coming back: held until a confirm, then sent.
    await Promise.all(Array.from({ length: 20 }, (_, i) => transport.publish('route.reconnect', job(20 + i))));
    await until(() => seen.size === 40, 10_000, 'the jobs published around the outage');

    const text = lines.join('');
    expect(text).toMatch(/RabbitMQ connection lost/);
    expect(text).toMatch(/RabbitMQ reconnect: retrying in \d+ ms/);
    expect(text).toMatch(/RabbitMQ connection restored after \d+ attempt/);
  } finally {
    await subscription.drain();
    await transport.close();
  }
});
