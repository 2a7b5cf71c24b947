// Writes a canonical event into the portal's outbox inside the caller's transaction, so the event
// exists exactly when the domain change that caused it is committed. The relay publishes it later.
import { createEnvelope, jsonb, validateEventData } from '@interline/hub';
import type { Envelope, EventData, EventType, SqlExecutor } from '@interline/hub';

export const PORTAL_SOURCE = 'interline/portal-api';

/** The message a new event follows from: it inherits the correlation id and trace. */
export type EventParent = Pick<Envelope, 'id' | 'correlationid' | 'tenant' | 'traceparent'>;

export interface NewEvent<T extends EventType> {
  type: T;
  data: EventData<T>;
  tenant: string;
  subject?: string;
  partitionkey?: string;
  parent?: EventParent;
}

export class InvalidEventError extends Error {}

/** Append an event to the outbox; returns its envelope (its id is what GET /v1/messages/{id} looks up). */
export async function appendEvent<T extends EventType>(tx: SqlExecutor, event: NewEvent<T>): Promise<Envelope> {
  const envelope = prepareEvent(event);
  await insertEvents(tx, [envelope]);
  return envelope;
}

/** Check and wrap an event in its envelope, without writing it (several go in with one insertEvents). */
export function prepareEvent<T extends EventType>(event: NewEvent<T>): Envelope {
  // The portal builds canonical data itself: a shape it gets wrong is a bug to surface here, not a
  // dead letter for support to find later.
  const checked = validateEventData(event.type, event.data);
  if (!checked.ok) {
    throw new InvalidEventError(`portal built an invalid ${event.type} event: ${checked.issues.map((i) => `${i.path || '/'} ${i.message}`).join('; ')}`);
  }
  const envelope = createEnvelope({
    type: event.type,
    source: PORTAL_SOURCE,
    data: event.data,
    tenant: event.tenant,
    ...(event.subject !== undefined ? { subject: event.subject } : {}),
    ...(event.partitionkey !== undefined ? { partitionkey: event.partitionkey } : {}),
    ...(event.parent ? { parent: { ...event.parent, tenant: event.tenant } } : {}),
  });
  return envelope;
}

/**
 * Write prepared events in one statement, in order (the relay publishes by sequence number).
 * `claimForMs`: written already claimed by this process's relay for that long, for a writer that
 * hands the envelopes to the relay itself after the commit (OutboxRelay.handOver); if this process
 * dies first, the claim lapses and any relay publishes them.
 */
export async function insertEvents(tx: SqlExecutor, envelopes: Envelope[], claimForMs?: number): Promise<void> {
  if (envelopes.length === 0) return;
  await tx.query(
    `INSERT INTO portal_outbox (id, tenant, type, envelope, claimed_until)
     SELECT id, tenant, type, envelope::jsonb, CASE WHEN $5::integer IS NULL THEN NULL ELSE now() + $5::integer * interval '1 millisecond' END
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS v(id, tenant, type, envelope, n) ORDER BY n`,
    [envelopes.map((e) => e.id), envelopes.map((e) => e.tenant), envelopes.map((e) => e.type), envelopes.map((e) => jsonb(e)), claimForMs ?? null],
  );
}

/** What a later event needs to stay in the same trace and correlation as `envelope`. */
export function parentOf(envelope: Envelope): EventParent {
  return { id: envelope.id, correlationid: envelope.correlationid, tenant: envelope.tenant, traceparent: envelope.traceparent };
}
