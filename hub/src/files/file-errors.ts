// Filesystem failures as the hub's error classes: a missing share or a full disk may pass (retry),
// a permission problem needs a person (auth), a name clash is a bug to look at (permanent).
import { AuthError, HubError, PermanentError, TransientError } from '../errors';
import { FileConflictError } from './atomic-write';

const TRANSIENT_CODES = new Set(['ENOENT', 'ENOSPC', 'EIO', 'EBUSY', 'EAGAIN', 'EMFILE', 'ENFILE', 'ETIMEDOUT', 'ESTALE', 'ECONNRESET']);
const PERMISSION_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Classify a failed write or read of `what` (e.g. "writing CUSDEC_0001.edi to /x/outbox"). */
export function fileErrorFor(error: unknown, what: string, folder: string): HubError {
  if (error instanceof HubError) return error;
  if (error instanceof FileConflictError) {
    return new PermanentError(`${what} failed: ${error.message}; an outbound name must be unique — check the control reference counter or remove the stale file`, { file: error.target });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT') {
    return new TransientError(`${what} failed: folder ${folder} does not exist (is the partner share mounted?); will retry`, { code }, { cause: error });
  }
  if (code !== undefined && TRANSIENT_CODES.has(code)) return new TransientError(`${what} failed (${reason}); will retry`, { code }, { cause: error });
  if (code !== undefined && PERMISSION_CODES.has(code)) {
    return new AuthError(`${what} was refused (${code}): give the hub's user write access to ${folder}`, { code }, { cause: error });
  }
  return new PermanentError(`${what} failed: ${reason}`, code ? { code } : {}, { cause: error });
}
