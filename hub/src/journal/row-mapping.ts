// Converts database rows (snake_case, Date objects) into the journal's records.
import type { ErrorClass } from '../errors';
import type { AttemptError, AuditRecord, DeliveryRecord, DeliveryStatus, MessageRecord, RevisionRecord, TransitionRecord } from './records';
import type { Envelope } from '../envelope';

type Row = Record<string, unknown>;

export function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return new Date(value).toISOString();
  return '';
}

function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function json<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function error(cls: unknown, message: unknown, connector: unknown, step: unknown): AttemptError | null {
  if (cls === null || cls === undefined) return null;
  return {
    errorClass: cls as ErrorClass,
    message: String(message ?? ''),
    connector: str(connector) ?? undefined,
    step: str(step) ?? undefined,
  };
}

export function toMessage(row: Row): MessageRecord {
  return {
    id: String(row.id),
    type: str(row.type),
    source: str(row.source),
    subject: str(row.subject),
    tenant: String(row.tenant),
    correlationId: str(row.correlation_id),
    causationId: str(row.causation_id),
    partitionKey: str(row.partition_key),
    envelope: json<Envelope>(row.envelope),
    raw: str(row.raw),
    receivedAt: iso(row.received_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toDelivery(row: Row): DeliveryRecord {
  return {
    messageId: String(row.message_id),
    routeId: String(row.route_id),
    connector: str(row.connector),
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: isoOrNull(row.next_attempt_at),
    lastError: error(row.last_error_class, row.last_error_message, row.last_error_connector, row.last_error_step),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toTransition(row: Row): TransitionRecord {
  return {
    id: Number(row.id),
    messageId: String(row.message_id),
    routeId: str(row.route_id),
    state: String(row.state),
    at: iso(row.at),
    attempt: row.attempt === null || row.attempt === undefined ? null : Number(row.attempt),
    error: error(row.error_class, row.error_message, row.connector, row.step),
    detail: json<Record<string, unknown>>(row.detail),
  };
}

export function toRevision(row: Row): RevisionRecord {
  return {
    revision: Number(row.revision),
    envelope: json<unknown>(row.envelope),
    raw: str(row.raw),
    patch: json<unknown>(row.patch),
    actor: String(row.actor),
    reason: str(row.reason),
    at: iso(row.at),
  };
}

export function toAudit(row: Row): AuditRecord {
  return {
    id: Number(row.id),
    at: iso(row.at),
    actor: String(row.actor),
    action: String(row.action),
    messageId: str(row.message_id),
    routeId: str(row.route_id),
    reason: str(row.reason),
    detail: json<Record<string, unknown>>(row.detail),
  };
}
