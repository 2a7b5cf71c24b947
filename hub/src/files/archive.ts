// The archive: every file's raw bytes, kept under a name that carries its checksum, written before
// the file is processed so nothing a partner sent can be lost, whatever happens next.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import type { PartnerFolders } from './partner-folders';

export type Direction = 'in' | 'out';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** <archive>/<in|out>/<YYYY-MM-DD>/<first 16 hex of sha256>-<name>: unique per content and name, sorted by day. */
export function archivePathFor(folders: PartnerFolders, direction: Direction, name: string, sha256: string, at: Date): string {
  const day = at.toISOString().slice(0, 10);
  return path.join(folders.archive, direction, day, `${sha256.slice(0, 16)}-${name}`);
}

/** Archive the bytes (idempotent for the same bytes) and return where they are. */
export async function archiveBytes(folders: PartnerFolders, direction: Direction, name: string, bytes: Uint8Array, at: Date): Promise<{ path: string; sha256: string }> {
  const sha256 = sha256Hex(bytes);
  const target = archivePathFor(folders, direction, name, sha256, at);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFileAtomic(target, bytes);
  return { path: target, sha256 };
}

/** Read archived bytes back, refusing them when they no longer match the recorded checksum. */
export async function readArchived(file: string, sha256: string): Promise<Buffer> {
  const bytes = await readFile(file);
  const actual = sha256Hex(bytes);
  if (actual !== sha256) throw new Error(`archived file ${file} has sha256 ${actual}, but ${sha256} was recorded; it was changed after archiving`);
  return bytes;
}
