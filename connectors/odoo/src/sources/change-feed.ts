// Incremental reading of one model by write_date: pages of search_read ordered "write_date asc, id
// asc", continued by keyset (write_date, id) rather than offset, because records changed during a scan
// move to the end of the order and would make an offset skip others.
import type { Domain, OdooClient } from '../client';
import { shiftOdooDatetime } from '../odoo-dates';

export interface ChangeRow {
  id: number;
  write_date: string;
  write_uid: unknown;
  [field: string]: unknown;
}

export interface Cursor {
  /** write_date of the last record read (Odoo UTC, whole seconds). */
  writeDate: string;
  id: number;
}

export interface FeedOptions {
  model: string;
  baseDomain: Domain;
  fields: readonly string[];
  pageSize: number;
  /** Read from here, inclusive: the stored cursor minus the overlap window. */
  from: string;
  signal: AbortSignal;
}

/** Pages of changed records from `from` on; the caller stores the cursor after each page. */
export async function* changedPages(client: OdooClient, options: FeedOptions): AsyncGenerator<ChangeRow[]> {
  let after: Cursor = { writeDate: options.from, id: 0 };
  for (;;) {
    if (options.signal.aborted) return;
    // (write_date, id) > (after.writeDate, after.id); id > 0 makes the first page include `from` itself.
    const keyset: Domain = ['|', ['write_date', '>', after.writeDate], '&', ['write_date', '=', after.writeDate], ['id', '>', after.id]];
    const rows = await client.searchRead<ChangeRow>(options.model, [...options.baseDomain, ...keyset], ['write_date', 'write_uid', ...options.fields], {
      limit: options.pageSize,
      order: 'write_date asc, id asc',
      context: { active_test: false },
      signal: options.signal,
    });
    if (rows.length > 0) yield rows;
    const last = rows[rows.length - 1];
    if (!last || rows.length < options.pageSize) return;
    after = { writeDate: last.write_date, id: last.id };
  }
}

/** Where the next poll starts reading: the cursor minus the overlap (slow commits land behind it). */
export function readFrom(cursor: Cursor | undefined, overlapSeconds: number, since: string | undefined, now: Date): string {
  if (cursor) return shiftOdooDatetime(cursor.writeDate, -overlapSeconds);
  if (since) return since;
  return shiftOdooDatetime(now.toISOString().slice(0, 19).replace('T', ' '), -overlapSeconds);
}
