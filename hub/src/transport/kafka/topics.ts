// Topic names and message headers of the Kafka transport: one jobs topic per route queue keyed by the
// ordering key (so a key stays on one partition), retry topics per delay bucket, one dead-letter topic.
import { createHash } from 'node:crypto';
import type { DeliveryJob } from '../transport';
import type { MessageHeader } from './rdkafka-types';

/**
 * Retry-later delays wait in the smallest bucket at least as long; the relay holds each job until its
 * own due time, so a bucket only bounds how far jobs in one partition differ in due time.
 */
export const RETRY_BUCKETS_MS = [1_000, 5_000, 30_000, 300_000, 3_600_000] as const;

export const HEADER_REDELIVERIES = 'x-interline-redeliveries';
export const HEADER_DUE = 'x-interline-due';
export const HEADER_TARGET = 'x-interline-target';
export const HEADER_REASON = 'x-interline-reason';
export const HEADER_SOURCE = 'x-interline-source';

/** Kafka allows [A-Za-z0-9._-], at most 249 characters; anything else gets a hash suffix so names stay distinct. */
function topicSafe(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]/g, '_');
  if (cleaned === text && text.length <= 200) return text;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 10);
  return `${cleaned.slice(0, 200)}-${hash}`;
}

export function jobsTopic(prefix: string, queue: string): string {
  return `${prefix}.jobs.${topicSafe(queue)}`;
}

export function retryTopic(prefix: string, bucketMs: number): string {
  return `${prefix}.retry.${bucketMs}ms`;
}

export function retryTopics(prefix: string): string[] {
  return RETRY_BUCKETS_MS.map((bucket) => retryTopic(prefix, bucket));
}

export function deadLetterTopic(prefix: string): string {
  return `${prefix}.dead-letters`;
}

export function retryBucket(delayMs: number): number {
  for (const bucket of RETRY_BUCKETS_MS) if (delayMs <= bucket) return bucket;
  return RETRY_BUCKETS_MS[RETRY_BUCKETS_MS.length - 1] as number;
}

/** The message key: the ordering key, or the message id so unkeyed jobs spread over partitions. */
export function jobKey(job: DeliveryJob): string {
  return job.key ?? job.messageId;
}

export function encodeJob(job: DeliveryJob): Buffer {
  return Buffer.from(JSON.stringify({ messageId: job.messageId, routeId: job.routeId, ...(job.key !== undefined ? { key: job.key } : {}) }));
}

export function decodeJob(value: Buffer | null, where: string): DeliveryJob {
  const parsed = JSON.parse(value?.toString('utf8') ?? 'null') as Partial<DeliveryJob> | null;
  if (!parsed || typeof parsed.messageId !== 'string' || typeof parsed.routeId !== 'string') {
    throw new Error(`${where} does not hold a delivery job ({messageId, routeId, key?})`);
  }
  return { messageId: parsed.messageId, routeId: parsed.routeId, ...(typeof parsed.key === 'string' ? { key: parsed.key } : {}) };
}

/** node-rdkafka hands headers over as a list of one-entry objects with Buffer values. */
export function header(headers: MessageHeader[] | undefined, name: string): string | undefined {
  for (const entry of headers ?? []) {
    const value = entry[name];
    if (value !== undefined) return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return undefined;
}
