// The shapes the journal hands out: what support staff and the CLI see of a message's life.
import type { Envelope } from '../envelope';
import type { ErrorClass } from '../errors';

export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'filtered' | 'dead' | 'discarded' | 'replayed';

/** The pseudo-route of messages rejected before they could be routed (malformed, unknown type). */
export const INGRESS_ROUTE = '$ingress';

export interface AttemptError {
  errorClass: ErrorClass;
  message: string;
  connector?: string | undefined;
  step?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

export interface MessageRecord {
  id: string;
  type: string | null;
  source: string | null;
  subject: string | null;
  tenant: string;
  correlationId: string | null;
  causationId: string | null;
  partitionKey: string | null;
  envelope: Envelope | null;
  raw: string | null;
  receivedAt: string;
  updatedAt: string;
}

export interface DeliveryRecord {
  messageId: string;
  routeId: string;
  connector: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: AttemptError | null;
  createdAt: string;
  updatedAt: string;
}

export interface TransitionRecord {
  id: number;
  messageId: string;
  routeId: string | null;
  state: string;
  at: string;
  attempt: number | null;
  error: AttemptError | null;
  detail: Record<string, unknown> | null;
}

export interface RevisionRecord {
  revision: number;
  envelope: unknown;
  raw: string | null;
  patch: unknown;
  actor: string;
  reason: string | null;
  at: string;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  messageId: string | null;
  routeId: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
}

export interface DeadLetter {
  messageId: string;
  routeId: string;
  connector: string | null;
  type: string | null;
  tenant: string;
  attempts: number;
  error: AttemptError | null;
  receivedAt: string;
  deadAt: string;
}

export interface DeadLetterFilter {
  route?: string;
  connector?: string;
  type?: string;
  errorClass?: string;
  since?: string;
  until?: string;
  /** Free text, matched case-insensitively in the error message and the payload. */
  text?: string;
  tenant?: string;
  ids?: string[];
  limit?: number;
  offset?: number;
}

export interface MessageDetail {
  message: MessageRecord;
  deliveries: DeliveryRecord[];
  transitions: TransitionRecord[];
  revisions: RevisionRecord[];
  audit: AuditRecord[];
}
