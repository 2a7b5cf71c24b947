// Which names in a partner folder are files to take, and which are work in progress or not ours.
import { ValidationError } from '../errors';

/** Suffixes that writers and transfer tools use while a file is still being written. */
export const IN_PROGRESS_SUFFIXES = ['.tmp', '.part', '.filepart', '.crdownload', '.partial'] as const;

/**
 * True for names the watcher must never pick up: dot files (editors, our own temp files, partners'
 * temp files) and in-progress suffixes. Completion is signalled by the rename to the final name.
 */
export function isIgnoredName(name: string): boolean {
  if (name.startsWith('.') || name.startsWith('~')) return true;
  const lower = name.toLowerCase();
  return IN_PROGRESS_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** A file name we write: one path segment, printable, not hidden, not an in-progress name. */
export function assertFileName(name: string, where: string): void {
  const problem =
    name.length === 0 || name.length > 200
      ? 'must be 1–200 characters'
      : /[/\\\0]/.test(name) || name === '.' || name === '..'
        ? 'must be a plain file name without path separators'
        : [...name].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
          ? 'must not contain control characters'
          : isIgnoredName(name)
            ? `must not start with "." or "~" or end in ${IN_PROGRESS_SUFFIXES.join(', ')} (the watcher would ignore it)`
            : undefined;
  if (problem) throw new ValidationError(where, [{ path: '/name', rule: 'fileName', message: `"${name}" ${problem}` }]);
}
