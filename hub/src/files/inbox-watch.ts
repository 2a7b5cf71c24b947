// Finds complete files in an inbox. Writers should use temp-then-rename (hidden or *.tmp names are
// never taken); for those that do not, a file is taken only once its size and modification time
// have stood still for `settleMs` across scans — a file still growing is left alone.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isIgnoredName } from './file-names';

export interface ReadyFile {
  name: string;
  path: string;
  size: number;
  mtimeMs: number;
}

interface Sighting {
  size: number;
  mtimeMs: number;
  /** When this size and mtime were first seen. */
  since: number;
}

export class InboxWatch {
  private readonly sightings = new Map<string, Sighting>();

  constructor(
    readonly inbox: string,
    private readonly settleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Files that look complete, oldest first; a missing inbox yields none (it may be created later). */
  async ready(): Promise<ReadyFile[]> {
    let entries;
    try {
      entries = await readdir(this.inbox, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const now = this.now();
    const present = new Set<string>();
    const ready: ReadyFile[] = [];
    for (const entry of entries) {
      if (!entry.isFile() || isIgnoredName(entry.name)) continue;
      present.add(entry.name);
      const file = path.join(this.inbox, entry.name);
      let info;
      try {
        info = await stat(file);
      } catch {
        continue; // renamed or taken away between readdir and stat
      }
      const previous = this.sightings.get(entry.name);
      if (!previous || previous.size !== info.size || previous.mtimeMs !== info.mtimeMs) {
        this.sightings.set(entry.name, { size: info.size, mtimeMs: info.mtimeMs, since: now });
        continue;
      }
      // Both: unchanged across our scans, and not touched recently by the writer's own clock.
      if (now - previous.since >= this.settleMs && now - info.mtimeMs >= this.settleMs) {
        ready.push({ name: entry.name, path: file, size: info.size, mtimeMs: info.mtimeMs });
      }
    }
    for (const name of this.sightings.keys()) if (!present.has(name)) this.sightings.delete(name);
    return ready.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Stop tracking a name (it was taken). */
  forget(name: string): void {
    this.sightings.delete(name);
  }
}
