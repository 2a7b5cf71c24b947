// The RabbitMQ topology of the hub, declared idempotently at every (re)connect: a direct exchange
// for delivery jobs, N quorum partition queues per route with single active consumer (per-key order
// under competing consumers), delay queues that dead-letter back for retry-later, and a dead-letter
// exchange for jobs a handler gives up.
import type { Channel } from 'amqplib';

export const JOBS_EXCHANGE = 'interline.jobs';
export const DEAD_EXCHANGE = 'interline.dead';
export const DEAD_QUEUE = 'interline.dead-letters';
/** Retry-later delays are rounded up to one of these buckets (queue-level TTL, no head-of-line wait). */
export const DELAY_BUCKETS_MS = [1_000, 5_000, 30_000, 300_000] as const;

export function partitionQueue(queue: string, partition: number): string {
  return `${queue}.p${partition}`;
}

export function delayQueue(bucketMs: number): string {
  return `interline.delay.${bucketMs}ms`;
}

/**
 * Jobs enter a delay queue through a fanout exchange so they keep their partition routing key:
 * when the TTL expires, RabbitMQ dead-letters them with that key back to the jobs exchange.
 */
export function delayExchange(bucketMs: number): string {
  return `interline.delay.${bucketMs}ms`;
}

/**
 * The largest bucket not longer than the delay (the smallest for shorter delays): a job comes back
 * a little early rather than minutes late; the worker re-delays it if it is still not due.
 */
export function delayBucket(delayMs: number): number {
  let chosen: number = DELAY_BUCKETS_MS[0];
  for (const bucket of DELAY_BUCKETS_MS) if (bucket <= delayMs) chosen = bucket;
  return chosen;
}

/** FNV-1a: a stable, well-spread hash so one key always lands on the same partition. */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

export async function declareBase(channel: Channel): Promise<void> {
  await channel.assertExchange(JOBS_EXCHANGE, 'direct', { durable: true });
  await channel.assertExchange(DEAD_EXCHANGE, 'fanout', { durable: true });
  await channel.assertQueue(DEAD_QUEUE, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.bindQueue(DEAD_QUEUE, DEAD_EXCHANGE, '');
  for (const bucket of DELAY_BUCKETS_MS) {
    await channel.assertQueue(delayQueue(bucket), {
      durable: true,
      arguments: {
        'x-queue-type': 'quorum',
        'x-message-ttl': bucket,
        // Expired jobs go back to the jobs exchange with their original routing key (their partition).
        'x-dead-letter-exchange': JOBS_EXCHANGE,
        'x-dead-letter-strategy': 'at-least-once',
        'x-overflow': 'reject-publish',
      },
    });
    await channel.assertExchange(delayExchange(bucket), 'fanout', { durable: true });
    await channel.bindQueue(delayQueue(bucket), delayExchange(bucket), '');
  }
}

export async function declareRouteQueue(channel: Channel, queue: string, partitions: number): Promise<void> {
  for (let p = 0; p < partitions; p++) {
    const name = partitionQueue(queue, p);
    await channel.assertQueue(name, { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-single-active-consumer': true } });
    await channel.bindQueue(name, JOBS_EXCHANGE, name);
  }
}
