// Finding messages, not just dead letters: "what pnr.created events came in this morning, and where
// did each go?" — newest first, filtered by type (with * and # like routes), source, subject,
// tenant and time, paged by a keyset cursor so a busy journal pages without OFFSET scans.
import type { SqlExecutor } from './sql-client';
import { iso } from './row-mapping';
import type { DeliveryStatus } from './records';

export interface MessageSearch {
  /** An event type, or a pattern: `pnr.*` (one segment), `booking.#` / `#` (any). */
  type?: string;
  source?: string;
  subject?: string;
  tenant?: string;
  /** Received at or after (ISO 8601). */
  since?: string;
  /** Received before (ISO 8601). */
  until?: string;
  /** Only messages with a delivery in this status (e.g. retrying, dead). */
  status?: DeliveryStatus;
  limit?: number;
  /** The `next` cursor of the previous page. */
  before?: string;
}

export interface MessageSummary {
  id: string;
  type: string | null;
  source: string | null;
  subject: string | null;
  tenant: string;
  partitionKey: string | null;
  correlationId: string | null;
  receivedAt: string;
  deliveries: Array<{ routeId: string; status: DeliveryStatus; attempts: number }>;
}

export interface MessagePage {
  items: MessageSummary[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: string;
}

/** `received_at|id` of the last row, base64url: opaque to callers, exact for the keyset. */
function cursorOf(receivedAt: string, id: string): string {
  return Buffer.from(`${receivedAt}|${id}`).toString('base64url');
}

export function parseMessageCursor(cursor: string): { receivedAt: string; id: string } | undefined {
  const [receivedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!receivedAt || !id || Number.isNaN(Date.parse(receivedAt))) return undefined;
  return { receivedAt, id };
}

/**
 * A type pattern as a POSIX regular expression (PostgreSQL and PGlite `~`): `*` is one segment, a
 * trailing `#` any number of further segments; undefined for `#` alone (every type).
 */
export function typePatternRegex(pattern: string): string | undefined {
  if (pattern === '#') return undefined;
  const segments = pattern.split('.');
  const rest = segments.at(-1) === '#';
  if (rest) segments.pop();
  if (segments.includes('#')) throw new RangeError(`type pattern '${pattern}': '#' may only end a pattern (booking.#); use '*' for one segment`);
  const body = segments.map((segment) => (segment === '*' ? '[^.]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('\\.');
  return `^${body}${rest ? '(\\..+)?' : ''}$`;
}

export async function listMessages(db: SqlExecutor, search: MessageSearch): Promise<MessagePage> {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]): void => {
    let sql = clause;
    for (const value of values) {
      params.push(value);
      sql = sql.replace('?', `$${params.length}`);
    }
    clauses.push(sql);
  };
  if (search.type && /[*#]/.test(search.type)) {
    const regex = typePatternRegex(search.type);
    if (regex !== undefined) add('m.type ~ ?', regex);
  } else if (search.type) {
    add('m.type = ?', search.type);
  }
  if (search.source) add('m.source = ?', search.source);
  if (search.subject) add('m.subject = ?', search.subject);
  if (search.tenant) add('m.tenant = ?', search.tenant);
  if (search.since) add('m.received_at >= ?', search.since);
  if (search.until) add('m.received_at < ?', search.until);
  if (search.status) add('EXISTS (SELECT 1 FROM deliveries s WHERE s.message_id = m.id AND s.status = ?)', search.status);
  if (search.before) {
    const cursor = parseMessageCursor(search.before);
    if (cursor) add('(m.received_at, m.id) < (?::timestamptz, ?)', cursor.receivedAt, cursor.id);
  }
  const limit = Math.min(Math.max(search.limit ?? 50, 1), 500);
  // One row more than asked says whether there is an older page.
  const rows = await db.query<Record<string, unknown>>(
    `SELECT m.id, m.type, m.source, m.subject, m.tenant, m.partition_key, m.correlation_id, m.received_at,
            COALESCE((SELECT json_agg(json_build_object('routeId', d.route_id, 'status', d.status, 'attempts', d.attempts) ORDER BY d.route_id)
                        FROM deliveries d WHERE d.message_id = m.id), '[]'::json) AS deliveries
       FROM messages m
      ${clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''}
      ORDER BY m.received_at DESC, m.id DESC
      LIMIT ${limit + 1}`,
    params,
  );
  const page = rows.rows.slice(0, limit);
  const items = page.map((row) => ({
    id: String(row.id),
    type: row.type === null ? null : String(row.type),
    source: row.source === null ? null : String(row.source),
    subject: row.subject === null ? null : String(row.subject),
    tenant: String(row.tenant),
    partitionKey: row.partition_key === null ? null : String(row.partition_key),
    correlationId: row.correlation_id === null ? null : String(row.correlation_id),
    receivedAt: iso(row.received_at),
    deliveries: (typeof row.deliveries === 'string' ? JSON.parse(row.deliveries) : row.deliveries) as MessageSummary['deliveries'],
  }));
  const last = page.at(-1);
  return { items, ...(rows.rows.length > limit && last ? { next: cursorOf(iso(last.received_at), String(last.id)) } : {}) };
}
