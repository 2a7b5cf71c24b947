// Outbound files: archived first, then written into the partner's outbox with temp-then-rename, with a
// spool note that the exchange runner turns into a ledger row (status 'sent').
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { SqlExecutor } from '../journal/sql-client';
import type { Logger } from '../observability/logger';
import { archiveBytes } from './archive';
import { writeFileAtomic } from './atomic-write';
import type { AtomicWriteOutcome } from './atomic-write';
import { fileErrorFor } from './file-errors';
import { recordPartnerFile } from './file-ledger';
import { assertFileName } from './file-names';
import { partnerFolders } from './partner-folders';
import type { PartnerFolders } from './partner-folders';

export interface OutboundFile {
  /** The exchange root and the partner folder name under it. */
  root: string;
  partner: string;
  name: string;
  bytes: Uint8Array;
  /** The connector instance that wrote it, for the ledger. */
  connector?: string;
  /** Journal ids of the messages the file carries, for tracing. */
  messageIds?: string[];
  /** When it was written; now by default (chooses the archive's day folder). */
  at?: Date;
}

export interface WrittenFile {
  path: string;
  name: string;
  sha256: string;
  size: number;
  archivedPath: string;
  /** 'unchanged' when the same bytes were already in the outbox under that name (a retried write). */
  outcome: AtomicWriteOutcome;
}

interface SpoolNote {
  partner: string;
  connector: string | null;
  name: string;
  sha256: string;
  size: number;
  archivedPath: string;
  messageIds: string[];
  writtenAt: string;
}

/**
 * Write a file for a partner. The outbox folder is never created here: when it is missing the share is
 * probably not mounted, and a local folder in its place would swallow files (a TransientError instead).
 * Errors come back as hub errors (transient, auth, permanent) that name the file and the folder.
 */
export async function writeOutboundFile(file: OutboundFile): Promise<WrittenFile> {
  assertFileName(file.name, `outbound file for partner ${file.partner}`);
  const folders = partnerFolders(file.root, file.partner);
  const at = file.at ?? new Date();
  const target = path.join(folders.outbox, file.name);
  const what = `writing ${file.name} to ${folders.outbox}`;
  try {
    // First, so nothing is archived or spooled for a share that is not there.
    if (!(await stat(folders.outbox)).isDirectory()) throw Object.assign(new Error(`${folders.outbox} is not a folder`), { code: 'ENOTDIR' });
    const archived = await archiveBytes(folders, 'out', file.name, file.bytes, at);
    const outcome = await writeFileAtomic(target, file.bytes);
    const note: SpoolNote = {
      partner: file.partner,
      connector: file.connector ?? null,
      name: file.name,
      sha256: archived.sha256,
      size: file.bytes.byteLength,
      archivedPath: archived.path,
      messageIds: file.messageIds ?? [],
      writtenAt: at.toISOString(),
    };
    await mkdir(folders.spool, { recursive: true });
    await writeFileAtomic(path.join(folders.spool, `${archived.sha256.slice(0, 16)}-${file.name}.json`), Buffer.from(JSON.stringify(note)), { replace: true });
    return { path: target, name: file.name, sha256: archived.sha256, size: file.bytes.byteLength, archivedPath: archived.path, outcome };
  } catch (error) {
    throw fileErrorFor(error, what, folders.outbox);
  }
}

/** Record the spooled outbound notes of one partner in the ledger and remove them. */
export async function recordSpooledOutbound(db: SqlExecutor, folders: PartnerFolders, logger: Logger): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(folders.spool)).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let recorded = 0;
  for (const name of names.sort()) {
    const file = path.join(folders.spool, name);
    let note: SpoolNote;
    try {
      note = JSON.parse(await readFile(file, 'utf8')) as SpoolNote;
      if (typeof note.name !== 'string' || typeof note.sha256 !== 'string') throw new Error('name or sha256 missing');
    } catch (error) {
      // Set aside so it is looked at once, not re-read on every tick.
      await rename(file, `${file}.invalid`).catch(() => undefined);
      logger.warn({ partner: folders.partner, file, err: error }, `outbound spool note ${file} is unreadable; renamed to ${name}.invalid`);
      continue;
    }
    await recordPartnerFile(db, {
      partner: folders.partner,
      connector: note.connector,
      direction: 'out',
      name: note.name,
      sha256: note.sha256,
      size: note.size,
      status: 'sent',
      archivedPath: note.archivedPath,
      messageIds: note.messageIds,
    });
    await unlink(file);
    recorded++;
  }
  return recorded;
}
