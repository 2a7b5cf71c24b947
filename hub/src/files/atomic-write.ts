// Atomic writes: bytes go to a hidden temporary name in the same folder, are flushed, then renamed,
// so a reader (a partner, the watcher) never sees half a file.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

export type AtomicWriteOutcome = 'written' | 'unchanged';

export class FileConflictError extends Error {
  constructor(readonly target: string) {
    super(`${target} already exists with different content`);
    this.name = 'FileConflictError';
  }
}

async function existing(target: string): Promise<Buffer | undefined> {
  try {
    return await readFile(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Write `bytes` to `target` atomically. The same bytes already there are left alone ('unchanged'), so a
 * retried write is harmless; different bytes under the same name throw FileConflictError, because
 * silently replacing a file a partner may already be reading is worse than stopping.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: { replace?: boolean } = {}): Promise<AtomicWriteOutcome> {
  // replace: for our own bookkeeping files, where the newest content simply wins.
  const current = options.replace ? undefined : await existing(target);
  if (current !== undefined) {
    if (Buffer.compare(current, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) === 0) return 'unchanged';
    throw new FileConflictError(target);
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return 'written';
}
