// How replay and discard outcomes are counted and shown, for single and bulk runs alike.
import type { DiscardResult, ReplayResult } from '../api/types';
import type { Style } from '../output/style';

export interface ReplaySummary {
  replayed: number;
  skipped: number;
  failed: number;
}

export function summarizeReplays(results: readonly ReplayResult[]): ReplaySummary {
  const summary: ReplaySummary = { replayed: 0, skipped: 0, failed: 0 };
  for (const r of results) {
    if (r.error !== undefined) summary.failed++;
    else if (r.replayed.length > 0) summary.replayed++;
    else summary.skipped++;
  }
  return summary;
}

export function replayLines(result: ReplayResult, dryRun: boolean, style: Style): string[] {
  const lines: string[] = [];
  if (result.error !== undefined) lines.push(style.red(`✖ ${result.messageId}  ${result.error}`));
  else if (result.replayed.length > 0) lines.push(`${style.green('✔')} ${result.messageId}  ${dryRun ? 'would replay' : 'replayed'} on ${result.replayed.join(', ')}`);
  else lines.push(`${style.yellow('-')} ${result.messageId}  nothing to replay`);
  for (const s of result.skipped) lines.push(style.dim(`    skipped ${s.routeId}: ${s.why}`));
  return lines;
}

export function summaryLine(summary: ReplaySummary, dryRun: boolean): string {
  const verb = dryRun ? 'would replay' : 'replayed';
  return `${verb} ${summary.replayed}, skipped ${summary.skipped}, failed ${summary.failed}${dryRun ? ' (dry run: nothing changed)' : ''}`;
}

export function discardLines(result: DiscardResult, style: Style): string[] {
  if (result.error !== undefined) return [style.red(`✖ ${result.messageId}  ${result.error}`)];
  return [`${style.green('✔')} ${result.messageId}  discarded on ${result.discarded.join(', ')}`];
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The admin API takes at most this many ids per replay or discard request. */
export const MAX_IDS_PER_REQUEST = 500;
