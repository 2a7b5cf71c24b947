// Takes one inbound file through its life: recorded once by partner + name + sha256, archived with
// its checksum before anything reads it, handed to the connector, and its outcome recorded — a
// rejected file keeps its error and its archived bytes, never silently dropped.
import { mkdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from '../errors';
import type { SqlExecutor } from '../journal/sql-client';
import type { Logger } from '../observability/logger';
import { archiveBytes, readArchived, sha256Hex } from './archive';
import { recordPartnerFile, updatePartnerFile } from './file-ledger';
import type { PartnerFileRecord } from './file-ledger';
import type { ReadyFile } from './inbox-watch';
import type { PartnerFolders } from './partner-folders';

export interface InboundFile {
  name: string;
  bytes: Buffer;
  partner: string;
}

export interface InboundDeps {
  db: SqlExecutor;
  folders: PartnerFolders;
  connector: string;
  /** Hand the file to the connector; `emitted` collects the ids of the events it produced. */
  deliver(file: InboundFile, emitted: string[]): Promise<void>;
  logger: Logger;
  /** Attempts for failures a retry may cure (transient, timeout) before the file is rejected. */
  maxAttempts: number;
  now(): Date;
}

export type InboundOutcome = 'accepted' | 'rejected' | 'retry' | 'duplicate' | 'gone' | 'waiting';

/** A complete file found in the inbox. */
export async function takeInboxFile(deps: InboundDeps, file: ReadyFile): Promise<InboundOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  const sha256 = sha256Hex(bytes);
  const { record, inserted } = await recordPartnerFile(deps.db, {
    partner: deps.folders.partner,
    connector: deps.connector,
    direction: 'in',
    name: file.name,
    sha256,
    size: bytes.length,
    status: 'received',
  });
  if (!inserted && (record.status === 'accepted' || record.status === 'rejected')) {
    // The same name and bytes again: processed once already. Kept aside, not processed, not lost.
    const aside = path.join(deps.folders.archive, 'in', 'duplicates', `${deps.now().toISOString().replace(/[:.]/g, '-')}-${file.name}`);
    await mkdir(path.dirname(aside), { recursive: true });
    await rename(file.path, aside);
    await updatePartnerFile(deps.db, record.id, { seenAgain: true });
    deps.logger.info({ partner: deps.folders.partner, file: file.name, fileId: record.id, status: record.status }, `file ${file.name} was dropped again with the same content; it was ${record.status} before and is not processed twice (kept at ${aside})`);
    return 'duplicate';
  }
  // Archive before processing: from here on the inbox copy may go, the bytes are safe.
  const archived = await archiveBytes(deps.folders, 'in', file.name, bytes, new Date(record.createdAt));
  await updatePartnerFile(deps.db, record.id, { archivedPath: archived.path });
  await unlink(file.path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  return run(deps, { ...record, archivedPath: archived.path }, bytes);
}

/** A file recorded earlier but not finished (crash, or a retryable failure): try again from the archive. */
export async function resumeInboundFile(deps: InboundDeps, record: PartnerFileRecord): Promise<InboundOutcome> {
  // Not archived yet: the inbox copy is still there and the inbox scan takes it.
  if (record.archivedPath === null) return 'waiting';
  const backoffMs = Math.min(60_000, 250 * 2 ** Math.max(0, record.attempts - 1));
  if (record.attempts > 0 && deps.now().getTime() - Date.parse(record.updatedAt) < backoffMs) return 'waiting';
  let bytes: Buffer;
  try {
    bytes = await readArchived(record.archivedPath, record.sha256);
  } catch (error) {
    const message = `archived copy cannot be read (${error instanceof Error ? error.message : String(error)}); restore ${record.archivedPath} from backup`;
    await updatePartnerFile(deps.db, record.id, { status: 'rejected', error: message });
    deps.logger.error({ partner: record.partner, file: record.name, fileId: record.id }, `file ${record.name} rejected: ${message}`);
    return 'rejected';
  }
  return run(deps, record, bytes);
}

async function run(deps: InboundDeps, record: PartnerFileRecord, bytes: Buffer): Promise<InboundOutcome> {
  const attempts = record.attempts + 1;
  await updatePartnerFile(deps.db, record.id, { status: 'processing', attempts });
  const emitted: string[] = [];
  const log = { partner: record.partner, file: record.name, fileId: record.id, attempt: attempts };
  try {
    await deps.deliver({ name: record.name, bytes, partner: record.partner }, emitted);
  } catch (error) {
    const described = describeError(error);
    const messageIds = [...new Set([...record.messageIds, ...emitted])];
    const retryable = ['transient', 'timeout', 'circuit-open'].includes(described.errorClass);
    if (retryable && attempts < deps.maxAttempts) {
      await updatePartnerFile(deps.db, record.id, { status: 'received', error: described.message, messageIds });
      deps.logger.warn(log, `file ${record.name} from partner ${record.partner} failed (${described.message}); will try again (attempt ${attempts} of ${deps.maxAttempts})`);
      return 'retry';
    }
    const message = retryable ? `gave up after ${attempts} attempts: ${described.message}` : described.message;
    await updatePartnerFile(deps.db, record.id, { status: 'rejected', error: message, messageIds });
    deps.logger.warn(log, `file ${record.name} from partner ${record.partner} rejected: ${message} (archived at ${record.archivedPath})`);
    return 'rejected';
  }
  await updatePartnerFile(deps.db, record.id, { status: 'accepted', error: null, messageIds: [...new Set([...record.messageIds, ...emitted])] });
  deps.logger.info({ ...log, messages: emitted.length }, `file ${record.name} from partner ${record.partner} accepted`);
  return 'accepted';
}
