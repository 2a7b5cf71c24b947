// The processed-files ledger (table partner_files): one row per partner + direction + name + sha256,
// so a file is taken exactly once, and anyone can ask what became of it.
import { uuidv7 } from '../envelope/ids';
import { jsonb } from '../journal/sql-client';
import type { SqlExecutor } from '../journal/sql-client';
import { iso } from '../journal/row-mapping';
import type { Direction } from './archive';

export const PARTNER_FILE_STATUSES = ['received', 'processing', 'accepted', 'rejected', 'sent'] as const;
export type PartnerFileStatus = (typeof PARTNER_FILE_STATUSES)[number];

export interface PartnerFileRecord {
  id: string;
  partner: string;
  connector: string | null;
  direction: Direction;
  name: string;
  sha256: string;
  size: number;
  status: PartnerFileStatus;
  error: string | null;
  archivedPath: string | null;
  messageIds: string[];
  attempts: number;
  seenCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface NewPartnerFile {
  partner: string;
  connector: string | null;
  direction: Direction;
  name: string;
  sha256: string;
  size: number;
  status: PartnerFileStatus;
  archivedPath?: string;
  messageIds?: string[];
}

function toRecord(row: Record<string, unknown>): PartnerFileRecord {
  const ids = typeof row.message_ids === 'string' ? (JSON.parse(row.message_ids) as unknown) : row.message_ids;
  return {
    id: String(row.id),
    partner: String(row.partner),
    connector: row.connector === null || row.connector === undefined ? null : String(row.connector),
    direction: row.direction as Direction,
    name: String(row.name),
    sha256: String(row.sha256),
    size: Number(row.size),
    status: row.status as PartnerFileStatus,
    error: row.error === null || row.error === undefined ? null : String(row.error),
    archivedPath: row.archived_path === null || row.archived_path === undefined ? null : String(row.archived_path),
    messageIds: Array.isArray(ids) ? ids.map(String) : [],
    attempts: Number(row.attempts),
    seenCount: Number(row.seen_count),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Insert a file unless the same partner + direction + name + sha256 is recorded; returns the row either way. */
export async function recordPartnerFile(db: SqlExecutor, file: NewPartnerFile): Promise<{ record: PartnerFileRecord; inserted: boolean }> {
  const inserted = await db.query<Record<string, unknown>>(
    `INSERT INTO partner_files (id, partner, connector, direction, name, sha256, size, status, archived_path, message_ids)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (partner, direction, name, sha256) DO NOTHING RETURNING *`,
    [uuidv7(), file.partner, file.connector, file.direction, file.name, file.sha256, file.size, file.status, file.archivedPath ?? null, jsonb(file.messageIds ?? [])],
  );
  if (inserted.rows[0]) return { record: toRecord(inserted.rows[0]), inserted: true };
  const found = await findPartnerFile(db, file.partner, file.direction, file.name, file.sha256);
  if (!found) throw new Error(`partner_files row for ${file.partner}/${file.direction}/${file.name} vanished between insert and read`);
  return { record: found, inserted: false };
}

export async function findPartnerFile(db: SqlExecutor, partner: string, direction: Direction, name: string, sha256: string): Promise<PartnerFileRecord | undefined> {
  const result = await db.query<Record<string, unknown>>('SELECT * FROM partner_files WHERE partner = $1 AND direction = $2 AND name = $3 AND sha256 = $4', [partner, direction, name, sha256]);
  return result.rows[0] ? toRecord(result.rows[0]) : undefined;
}

export interface PartnerFileUpdate {
  status?: PartnerFileStatus;
  error?: string | null;
  archivedPath?: string;
  messageIds?: string[];
  attempts?: number;
  /** Count one more drop of the same name and bytes. */
  seenAgain?: boolean;
}

export async function updatePartnerFile(db: SqlExecutor, id: string, update: PartnerFileUpdate): Promise<void> {
  const sets: string[] = ['updated_at = now()'];
  const params: unknown[] = [id];
  const set = (column: string, value: unknown): void => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (update.status !== undefined) set('status', update.status);
  if (update.error !== undefined) set('error', update.error);
  if (update.archivedPath !== undefined) set('archived_path', update.archivedPath);
  if (update.messageIds !== undefined) set('message_ids', jsonb(update.messageIds));
  if (update.attempts !== undefined) set('attempts', update.attempts);
  if (update.seenAgain) sets.push('seen_count = seen_count + 1');
  await db.query(`UPDATE partner_files SET ${sets.join(', ')} WHERE id = $1`, params);
}

export interface PartnerFileFilter {
  partner?: string;
  direction?: Direction;
  status?: PartnerFileStatus;
  name?: string;
  /** Newest first; at most 500. */
  limit?: number;
}

/** Files by partner, direction, status or name, newest first: what the admin API and portal show. */
export async function listPartnerFiles(db: SqlExecutor, filter: PartnerFileFilter = {}): Promise<PartnerFileRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (column: string, value: unknown): void => {
    params.push(value);
    where.push(`${column} = $${params.length}`);
  };
  if (filter.partner !== undefined) add('partner', filter.partner);
  if (filter.direction !== undefined) add('direction', filter.direction);
  if (filter.status !== undefined) add('status', filter.status);
  if (filter.name !== undefined) add('name', filter.name);
  params.push(Math.min(Math.max(filter.limit ?? 100, 1), 500));
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const result = await db.query<Record<string, unknown>>(`SELECT * FROM partner_files ${clause} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params);
  return result.rows.map(toRecord);
}

export async function getPartnerFile(db: SqlExecutor, id: string): Promise<PartnerFileRecord | undefined> {
  const result = await db.query<Record<string, unknown>>('SELECT * FROM partner_files WHERE id = $1', [id]);
  return result.rows[0] ? toRecord(result.rows[0]) : undefined;
}

/** Inbound files taken in but not finished (a crash, or a failure worth another attempt). */
export async function unfinishedInbound(db: SqlExecutor, partner: string): Promise<PartnerFileRecord[]> {
  const result = await db.query<Record<string, unknown>>(
    `SELECT * FROM partner_files WHERE partner = $1 AND direction = 'in' AND status IN ('received', 'processing') ORDER BY created_at, id`,
    [partner],
  );
  return result.rows.map(toRecord);
}
