// The admin API's JSON shapes as the CLI sees them on the wire. Records the hub exports are
// imported as types only (erased at run time: the CLI never loads the hub to talk HTTP); the
// shapes the hub builds inline in its routes are declared here and must follow admin-routes.ts.
import type {
  CircuitState,
  DeadLetter,
  HealthResult,
  JsonPatchOperation,
  LineageNode,
  Role as HubRole,
} from '@interline/hub';

export type {
  AttemptError,
  AuditRecord,
  CircuitState,
  DeadLetter,
  DeliveryRecord,
  DeliveryStatus,
  DiscardResult,
  ErrorClass,
  HealthResult,
  IngressResult,
  JsonPatchOperation,
  LineageNode,
  MessageDetail,
  MessagePage,
  MessageRecord,
  MessageSummary,
  ReplayResult,
  RevisionRecord,
  TransitionRecord,
} from '@interline/hub';

export type Role = HubRole;

/** The roles, as a value for option choices (the hub's ROLES would mean loading the hub). */
export const ROLES = ['customer', 'agent', 'support', 'partner', 'admin'] as const satisfies readonly Role[];
// Fails to compile when the hub gains a role this list lacks.
const _everyRole: [Exclude<Role, (typeof ROLES)[number]>] extends [never] ? true : never = true;
void _everyRole;

/** A CloudEvents 1.0 envelope with Interline's extensions, as sent (the hub fills in the rest). */
export interface EnvelopeInput {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  time?: string;
  datacontenttype?: string;
  data?: unknown;
  correlationid?: string;
  causationid?: string;
  partitionkey?: string;
  tenant?: string;
  traceparent?: string;
  [extension: string]: unknown;
}

export interface DeadLetterPage {
  items: DeadLetter[];
  total: number;
}

/** Query parameters of GET /v1/admin/dead-letters (since/until are ISO 8601 times; q is free text). */
export interface DeadLetterQuery {
  route?: string | undefined;
  connector?: string | undefined;
  type?: string | undefined;
  errorClass?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Query parameters of GET /v1/admin/messages: newest first, `before` is the previous page's `next`. */
export interface MessageQuery {
  type?: string | undefined;
  source?: string | undefined;
  subject?: string | undefined;
  tenant?: string | undefined;
  status?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  limit?: number | undefined;
  before?: string | undefined;
}

export interface MessageTrace {
  correlationId: string;
  root: LineageNode[];
}

export interface ReplayRequest {
  ids: string[];
  patch?: JsonPatchOperation[];
  reason?: string;
  dryRun?: boolean;
}

export interface DiscardRequest {
  ids: string[];
  reason: string;
}

/** An item of GET /v1/admin/connectors. */
export interface ConnectorSummary {
  name: string;
  id: string;
  version: string;
  summary: string;
  health: HealthResult;
  simulator: string | null;
  circuit: CircuitState;
}

/** GET /v1/admin/connectors/{name}; config comes with secrets redacted. */
export interface ConnectorDescription {
  name: string;
  id: string;
  version: string;
  summary: string;
  config: Record<string, unknown>;
  configSchema?: unknown;
  operations: Record<string, { summary: string; sideEffect: boolean; input: unknown }>;
  sources: Record<string, { kind: string; summary: string }>;
  simulator: string | null;
  circuit: CircuitState;
}

export interface EventTypeInfo {
  type: string;
  object: string;
  summary: string;
}

/**
 * RFC 9457 problem details, the body of every error answer. Looser than the hub's Problem: a
 * proxy in front of the hub may answer with less.
 */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: Array<{ path: string; message: string }>;
  /** POST /v1/admin/messages: the id of the journaled rejection, and its error class. */
  messageId?: string;
  errorClass?: string;
  [extension: string]: unknown;
}
