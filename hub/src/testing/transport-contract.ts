// One contract suite for every transport (memory, AMQP, Kafka): what the delivery engine relies on.
import type { DeliveryJob, HandlerOutcome, ReceivedJob, Transport } from '../transport';

export interface TransportUnderTest {
  transport: Transport;
  /** A second, independent instance on the same broker (competing consumers); absent for in-process transports. */
  peer?: Transport;
  /** Smallest retry delay the transport honours (AMQP rounds up to its delay buckets). */
  minRetryDelayMs: number;
  cleanup(): Promise<void>;
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let counter = 0;
function queueName(): string {
  counter += 1;
  return `route.contract-${Date.now().toString(36)}-${counter}`;
}

export function describeTransportContract(name: string, make: () => Promise<TransportUnderTest>): void {
  describe(`transport contract: ${name}`, () => {
    let t: TransportUnderTest;
    beforeAll(async () => {
      t = await make();
      await t.transport.connect();
      await t.peer?.connect();
    }, 60_000);
    afterAll(async () => {
      await t?.transport.close();
      await t?.peer?.close();
      await t?.cleanup();
    });

    const collect = async (queue: string, outcome: (r: ReceivedJob) => HandlerOutcome | Promise<HandlerOutcome>, transport = t.transport, prefetch = 16) => {
      const seen: ReceivedJob[] = [];
      await transport.declareQueues([queue]);
      const subscription = await transport.subscribe(queue, async (received) => {
        seen.push(received);
        return outcome(received);
      }, { prefetch });
      return { seen, subscription };
    };

    it('delivers every published job once and forgets it after ack', async () => {
      const queue = queueName();
      const { seen, subscription } = await collect(queue, () => ({ kind: 'ack' }));
      const jobs: DeliveryJob[] = Array.from({ length: 200 }, (_, i) => ({ messageId: `m${i}`, routeId: 'r', key: `k${i % 7}` }));
      await Promise.all(jobs.map((job) => t.transport.publish(queue, job)));
      await until(() => seen.length >= 200, 20_000, '200 jobs');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen).toHaveLength(200);
      expect(new Set(seen.map((s) => s.job.messageId)).size).toBe(200);
      await subscription.drain();
    }, 30_000);

    it('hands a job back after the requested delay on retry-later', async () => {
      const queue = queueName();
      const started = Date.now();
      const { seen, subscription } = await collect(queue, (r) => (r.redeliveries === 0 && seen.length === 1 ? { kind: 'retry', delayMs: 50 } : { kind: 'ack' }));
      await t.transport.publish(queue, { messageId: 'retry-me', routeId: 'r' });
      await until(() => seen.length >= 2, 20_000, 'the retried job');
      expect(seen.map((s) => s.job.messageId)).toEqual(['retry-me', 'retry-me']);
      expect(Date.now() - started).toBeGreaterThanOrEqual(Math.min(50, t.minRetryDelayMs));
      await subscription.drain();
    }, 30_000);

    it('does not deliver a dead-lettered job again', async () => {
      const queue = queueName();
      const { seen, subscription } = await collect(queue, () => ({ kind: 'dead', reason: 'contract test' }));
      await t.transport.publish(queue, { messageId: 'dead-one', routeId: 'r' });
      await until(() => seen.length >= 1, 10_000, 'the job');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(seen).toHaveLength(1);
      await subscription.drain();
    }, 30_000);

    it('redelivers a job whose consumer crashed before settling it', async () => {
      const queue = queueName();
      const { seen, subscription } = await collect(queue, (r) => {
        if (r.redeliveries === 0) throw new Error('consumer crashed');
        return { kind: 'ack' };
      });
      await t.transport.publish(queue, { messageId: 'crash', routeId: 'r' });
      await until(() => seen.length >= 2, 20_000, 'the redelivery');
      expect(seen[1]?.redeliveries).toBeGreaterThanOrEqual(1);
      await subscription.drain();
    }, 30_000);

    it('keeps per-key order, also with competing consumers', async () => {
      const queue = queueName();
      const seen: DeliveryJob[] = [];
      const handler = async (r: ReceivedJob): Promise<HandlerOutcome> => {
        seen.push(r.job);
        return { kind: 'ack' };
      };
      await t.transport.declareQueues([queue]);
      const a = await t.transport.subscribe(queue, handler, { prefetch: 1 });
      const b = t.peer ? await (async () => {
        await t.peer?.declareQueues([queue]);
        return t.peer?.subscribe(queue, handler, { prefetch: 1 });
      })() : undefined;
      const jobs: DeliveryJob[] = [];
      for (let i = 0; i < 60; i++) jobs.push({ messageId: `o${i}`, routeId: 'r', key: `key-${i % 3}` });
      for (const job of jobs) await t.transport.publish(queue, job);
      await until(() => seen.length >= 60, 20_000, '60 ordered jobs');
      for (const key of ['key-0', 'key-1', 'key-2']) {
        expect(seen.filter((j) => j.key === key).map((j) => j.messageId)).toEqual(jobs.filter((j) => j.key === key).map((j) => j.messageId));
      }
      await a.drain();
      await b?.drain();
    }, 30_000);

    it('absorbs a burst of concurrent publishes without loss (bounded in flight)', async () => {
      const queue = queueName();
      const { seen, subscription } = await collect(queue, () => ({ kind: 'ack' }), t.transport, 64);
      await Promise.all(Array.from({ length: 2000 }, (_, i) => t.transport.publish(queue, { messageId: `b${i}`, routeId: 'r' })));
      await until(() => seen.length >= 2000, 30_000, '2000 jobs');
      expect(new Set(seen.map((s) => s.job.messageId)).size).toBe(2000);
      await subscription.drain();
    }, 60_000);
  });
}
