// Partner files: inbound uploads (EDIFACT, JSON-LD) and outbound files for download, stored as the
// exact bytes with their SHA-256 and a status per file. Processing is another issue's work; this
// keeps what arrived, proves it intact, and shows where each file stands.
import { createHash } from 'node:crypto';
import { uuidv7 } from '@interline/hub';
import type { Principal, SqlExecutor } from '@interline/hub';
import { isoTime } from '../db/rows';
import { invalidRequest, notFound } from '../http/problem';
import { readScope } from '../http/request-context';
import type { WriteResult } from '../http/write-runner';
import type { FileStatus, PartnerFile } from '../schemas/files';
import type { InternalOutcome, OutboundFile } from '../schemas/internal';

interface FileRow {
  id: string;
  tenant: string;
  direction: 'inbound' | 'outbound';
  name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  status: FileStatus;
  status_detail: string | null;
  created_at: unknown;
  updated_at: unknown;
}

const COLUMNS = 'id, tenant, direction, name, media_type, size_bytes, sha256, status, status_detail, created_at, updated_at';

function toFile(row: FileRow): PartnerFile {
  return {
    id: row.id,
    name: row.name,
    direction: row.direction,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    status: row.status,
    ...(row.status_detail ? { statusDetail: row.status_detail } : {}),
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  };
}

/** A cheap first look, so a file that is plainly not what it claims is refused at the door. */
function contentProblem(mediaType: string, bytes: Buffer): string | undefined {
  if (mediaType === 'application/ld+json') {
    try {
      const parsed = JSON.parse(bytes.toString('utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null ? undefined : 'is JSON but not a JSON-LD document (object or array)';
    } catch (error) {
      return `is not valid JSON: ${(error as Error).message}`;
    }
  }
  if (mediaType === 'application/edifact') {
    return /^\s*(UNA|UNB)/.test(bytes.subarray(0, 16).toString('latin1')) ? undefined : 'is not an EDIFACT interchange (it must start with UNA or UNB)';
  }
  return undefined;
}

export class PartnerFilesService {
  async upload(tx: SqlExecutor, tenant: string, name: string, mediaType: string, bytes: Buffer): Promise<WriteResult<PartnerFile>> {
    const problem = contentProblem(mediaType, bytes);
    if (problem) throw invalidRequest([{ in: 'body', path: '/', message: problem, rule: 'content' }]);
    const row = await this.insert(tx, tenant, 'inbound', name, mediaType, bytes, 'received');
    return { body: toFile(row), headers: { location: `/v1/partner-files/${row.id}` } };
  }

  async deposit(tx: SqlExecutor, file: OutboundFile): Promise<InternalOutcome> {
    const row = await this.insert(tx, file.tenant, 'outbound', file.name, file.mediaType, Buffer.from(file.contentBase64, 'base64'), 'available');
    return { outcome: 'recorded', id: row.id };
  }

  async list(db: SqlExecutor, principal: Principal, direction: string | undefined, limit: number): Promise<PartnerFile[]> {
    const scope = readScope(principal);
    const clauses: string[] = [];
    const params: unknown[] = [limit];
    if (scope !== undefined) {
      params.push(scope);
      clauses.push(`tenant = $${params.length}`);
    }
    if (direction !== undefined) {
      params.push(direction);
      clauses.push(`direction = $${params.length}`);
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = await db.query<FileRow>(`SELECT ${COLUMNS} FROM portal_partner_files ${where} ORDER BY created_at DESC, id DESC LIMIT $1`, params);
    return rows.rows.map(toFile);
  }

  async get(db: SqlExecutor, principal: Principal, id: string): Promise<PartnerFile> {
    return toFile(await this.row(db, principal, id));
  }

  /** The bytes; an outbound file becomes downloaded the first time its partner fetches it. */
  async content(db: SqlExecutor, principal: Principal, id: string): Promise<{ file: PartnerFile; bytes: Buffer }> {
    const row = await this.row(db, principal, id);
    const content = (await db.query<{ content: Uint8Array }>('SELECT content FROM portal_partner_files WHERE id = $1', [id])).rows[0]?.content;
    if (row.direction === 'outbound' && row.status === 'available' && principal.roles.includes('partner')) {
      await db.query(`UPDATE portal_partner_files SET status = 'downloaded', updated_at = now() WHERE id = $1 AND status = 'available'`, [id]);
    }
    return { file: toFile(row), bytes: Buffer.from(content ?? new Uint8Array()) };
  }

  async setStatus(tx: SqlExecutor, id: string, status: FileStatus, detail: string | undefined): Promise<InternalOutcome> {
    const updated = await tx.query('UPDATE portal_partner_files SET status = $2, status_detail = $3, updated_at = now() WHERE id = $1 RETURNING id', [id, status, detail ?? null]);
    if (updated.rows.length === 0) throw notFound(`no partner file '${id}'`);
    return { outcome: 'recorded', id };
  }

  private async row(db: SqlExecutor, principal: Principal, id: string): Promise<FileRow> {
    const scope = readScope(principal);
    const row = (await db.query<FileRow>(`SELECT ${COLUMNS} FROM portal_partner_files WHERE id = $1${scope ? ' AND tenant = $2' : ''}`, scope ? [id, scope] : [id])).rows[0];
    if (!row) throw notFound(`no partner file '${id}' for this caller`);
    return row;
  }

  private async insert(tx: SqlExecutor, tenant: string, direction: 'inbound' | 'outbound', name: string, mediaType: string, bytes: Buffer, status: FileStatus): Promise<FileRow> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const inserted = await tx.query<FileRow>(
      `INSERT INTO portal_partner_files (id, tenant, direction, name, media_type, size_bytes, sha256, content, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [uuidv7(), tenant, direction, name, mediaType, bytes.length, sha256, bytes, status],
    );
    return inserted.rows[0] as FileRow;
  }
}
