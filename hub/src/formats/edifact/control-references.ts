// Interchange control references (UNB 0020): unique per partner and persistent across restarts.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Hands out the next control reference for a partner; the hub's journal can implement it later. */
export interface ControlReferenceStore {
  next(partnerKey: string): Promise<string>;
}

export interface CounterOptions {
  /** First reference handed out; 1 by default. */
  start?: number;
  /** Zero-pad to this many digits (at most 14, the length of 0020). */
  width?: number;
}

/** 0020 is an..14: counters wrap to `start` after fourteen nines. */
const MAX_REFERENCE = 99_999_999_999_999;

function format(value: number, width: number | undefined): string {
  return width ? String(value).padStart(Math.min(width, 14), '0') : String(value);
}

function advance(last: number | undefined, start: number): number {
  if (last === undefined || last >= MAX_REFERENCE) return start;
  return last + 1;
}

export class InMemoryControlReferenceStore implements ControlReferenceStore {
  private readonly last = new Map<string, number>();
  constructor(private readonly options: CounterOptions = {}) {}

  async next(partnerKey: string): Promise<string> {
    const value = advance(this.last.get(partnerKey), this.options.start ?? 1);
    this.last.set(partnerKey, value);
    return format(value, this.options.width);
  }
}

/**
 * Counters in a JSON file, rewritten atomically (temporary file, fsync, rename) on every reference so a
 * crash never loses or repeats one. Calls are serialised inside the process; one process owns the file.
 */
export class FileControlReferenceStore implements ControlReferenceStore {
  private state: Record<string, number> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly options: CounterOptions = {},
  ) {}

  next(partnerKey: string): Promise<string> {
    const result = this.queue.then(() => this.advance(partnerKey));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async advance(partnerKey: string): Promise<string> {
    const state = (this.state ??= await this.load());
    const value = advance(state[partnerKey], this.options.start ?? 1);
    const next = { ...state, [partnerKey]: value };
    await this.save(next);
    this.state = next;
    return format(value, this.options.width);
  }

  private async load(): Promise<Record<string, number>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`control reference file ${this.file} does not hold an object of counters`);
    }
    return parsed as Record<string, number>;
  }

  private async save(state: Record<string, number>): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(`${JSON.stringify(state, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temporary, this.file);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }
}
