// `dlq replay --filter`: snapshot the matching dead letters page by page, then replay them in
// small batches paced to a rate, so a backlog does not hit a recovering system all at once.
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, HubUnreachableError } from '../api/client';
import type { ReplayResult } from '../api/types';
import type { CommandContext } from '../context';
import { CliError, messageOf } from '../errors';
import { describeFilters, filterQuery } from './dead-letter-filters';
import type { FilterFlags } from './dead-letter-filters';
import { MAX_IDS_PER_REQUEST, chunks, replayLines, summarizeReplays, summaryLine } from './replay-report';

export interface BulkReplayOptions extends FilterFlags {
  rate: number;
  dryRun?: boolean;
  yes?: boolean;
  reason?: string;
}

const PAGE_SIZE = 500;

/** About four requests a second at any rate, and never more ids than one request takes. */
export function batchSize(rate: number): number {
  return Math.max(1, Math.min(MAX_IDS_PER_REQUEST, Math.ceil(rate / 4)));
}

/** Every matching message id, once, even when a message is dead on several routes. */
async function matchingIds(ctx: CommandContext, flags: FilterFlags): Promise<string[]> {
  const query = filterQuery(flags, ctx.io.now());
  const ids = new Set<string>();
  for (let offset = 0; ; ) {
    const page = await ctx.client().listDeadLetters({ ...query, limit: PAGE_SIZE, offset });
    for (const item of page.items) ids.add(item.messageId);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) break;
  }
  return [...ids];
}

/** Errors after which no further batch can succeed. */
function isFatal(error: unknown): boolean {
  return error instanceof HubUnreachableError || (error instanceof ApiError && (error.status === 401 || error.status === 403));
}

export async function bulkReplay(ctx: CommandContext, options: BulkReplayOptions): Promise<void> {
  const dryRun = options.dryRun === true;
  const scope = describeFilters(options);
  const nothing = (): void => {
    if (ctx.json) ctx.printJson({ dryRun, matched: 0, summary: summarizeReplays([]), results: [] });
    else ctx.print(`no dead letters ${scope}`);
  };
  if (!dryRun && !options.yes) {
    const { total } = await ctx.client().listDeadLetters({ ...filterQuery(options, ctx.io.now()), limit: 1 });
    if (total === 0) return nothing();
    throw new CliError(`refusing to replay ${total} dead letter${total === 1 ? '' : 's'} ${scope} without --yes; preview with --dry-run, then rerun with --yes`);
  }
  const ids = await matchingIds(ctx, options);
  if (ids.length === 0) return nothing();

  const results: ReplayResult[] = [];
  const progress = ctx.progress(ids.length, dryRun ? 'dry run' : 'replaying');
  const started = Date.now();
  let sent = 0;
  let stopped: unknown;
  for (const batch of chunks(ids, batchSize(options.rate))) {
    // Batch k may start once the earlier messages have had their share of time at the rate.
    const due = started + (sent / options.rate) * 1000;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    try {
      const body = { ids: batch, dryRun, ...(options.reason !== undefined ? { reason: options.reason } : {}) };
      const answer = await ctx.client().replay(body);
      results.push(...answer.results);
    } catch (error) {
      if (isFatal(error)) {
        stopped = error;
        break;
      }
      if (!(error instanceof CliError)) throw error;
      // The batch as a whole failed (a 4xx/5xx answer): count each of its messages as failed.
      for (const id of batch) results.push({ messageId: id, replayed: [], skipped: [], error: messageOf(error) });
    }
    sent += batch.length;
    progress.advance(batch.length);
  }
  progress.done();

  const summary = summarizeReplays(results);
  if (ctx.json) {
    ctx.printJson({ dryRun, matched: ids.length, summary, results });
  } else {
    for (const result of results) if (dryRun || result.error !== undefined) ctx.print(replayLines(result, dryRun, ctx.style).join('\n'));
    ctx.print(`${summaryLine(summary, dryRun)} of ${ids.length} dead letter${ids.length === 1 ? '' : 's'} ${scope}`);
  }
  if (stopped !== undefined) {
    throw new CliError(`${messageOf(stopped)} — stopped after ${sent} of ${ids.length} (replayed ${summary.replayed}, skipped ${summary.skipped}, failed ${summary.failed})`);
  }
  if (summary.failed > 0) throw new CliError(`${summary.failed} of ${ids.length} replays failed; see ${ctx.json ? 'the results' : 'the lines above'}`);
}
