// The shape a webhook sender posts: one canonical event { type, data, id?, subject?, partitionkey? }
// or a batch of them. Checked by hand so every problem names the event index and the field.
import { createHash } from 'node:crypto';

/** Same rule as the hub's envelope: lower-case dotted names such as shipment.status-changed. */
const EVENT_TYPE = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
const KNOWN_FIELDS = new Set(['type', 'data', 'id', 'subject', 'partitionkey']);
export const MAX_BATCH_EVENTS = 100;

export interface CanonicalEvent {
  id: string;
  type: string;
  data: unknown;
  subject?: string;
  partitionkey?: string;
}

export type EventsCheck = { ok: true; events: CanonicalEvent[] } | { ok: false; issues: string[] };

/**
 * Validate a parsed body. Events without an id get one derived from the body bytes and position,
 * so a sender that retries the same request produces the same ids (and the hub can deduplicate).
 */
export function readCanonicalEvents(body: unknown, rawBody: Buffer): EventsCheck {
  const batch = Array.isArray(body);
  const items: unknown[] = batch ? body : [body];
  if (batch && items.length === 0) return { ok: false, issues: ['/ the batch is empty; send at least one event'] };
  if (items.length > MAX_BATCH_EVENTS) return { ok: false, issues: [`/ the batch has ${items.length} events; send at most ${MAX_BATCH_EVENTS} per request`] };
  const issues: string[] = [];
  const events: CanonicalEvent[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const at = batch ? `/${index}` : '';
    const problems = checkEvent(item, at);
    if (problems.length > 0) {
      issues.push(...problems);
      return;
    }
    const value = item as Record<string, unknown>;
    const id = typeof value.id === 'string' ? value.id : derivedId(rawBody, index);
    if (seen.has(id)) {
      issues.push(`${at}/id "${id}" appears more than once in the batch`);
      return;
    }
    seen.add(id);
    const event: CanonicalEvent = { id, type: value.type as string, data: value.data };
    if (typeof value.subject === 'string') event.subject = value.subject;
    if (typeof value.partitionkey === 'string') event.partitionkey = value.partitionkey;
    events.push(event);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, events };
}

function checkEvent(item: unknown, at: string): string[] {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return [`${at || '/'} must be an event object { type, data, id?, subject?, partitionkey? }`];
  }
  const value = item as Record<string, unknown>;
  const issues: string[] = [];
  for (const key of Object.keys(value)) {
    if (!KNOWN_FIELDS.has(key)) issues.push(`${at}/${key} is not a known field (allowed: type, data, id, subject, partitionkey)`);
  }
  if (typeof value.type !== 'string') issues.push(`${at}/type is required and must be a string`);
  else if (value.type.length > 200 || !EVENT_TYPE.test(value.type)) {
    issues.push(`${at}/type "${value.type.slice(0, 200)}" must be a dotted lower-case event type such as shipment.status-changed`);
  }
  if (!('data' in value)) issues.push(`${at}/data is required (use null for an event without data)`);
  checkString(value, 'id', at, 1, 200, issues);
  checkString(value, 'subject', at, 0, 500, issues);
  checkString(value, 'partitionkey', at, 1, 200, issues);
  return issues;
}

function checkString(value: Record<string, unknown>, key: string, at: string, min: number, max: number, issues: string[]): void {
  const field = value[key];
  if (field === undefined) return;
  if (typeof field !== 'string' || field.length < min || field.length > max) {
    issues.push(`${at}/${key} must be a string of ${min} to ${max} characters`);
  }
}

/** A UUID-shaped id (version 8 layout) from SHA-256 of the raw body and the event's position. */
function derivedId(rawBody: Buffer, index: number): string {
  const hash = createHash('sha256').update(rawBody).update(`\u001f${index}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
