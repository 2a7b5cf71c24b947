// `interline dlq`: list, show, replay (by id or by filter) and discard dead letters.
import { Option } from 'commander';
import type { Command } from 'commander';
import type { DeadLetter, ReplayRequest, ReplayResult, DiscardResult } from '../api/types';
import { commandContext } from '../context';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import type { CliIo } from '../io';
import { checkJsonPatch, readJsonFile } from '../options/json-file';
import { positiveNumber, wholeNumber } from '../options/parsers';
import { relativeTime } from '../options/time';
import { renderTable } from '../output/table';
import type { Column } from '../output/table';
import { renderMessageDetail } from '../render/message-detail';
import { bulkReplay } from './bulk-replay';
import { addFilterOptions, filterQuery, givenFilterFlags } from './dead-letter-filters';
import type { FilterFlags } from './dead-letter-filters';
import { MAX_IDS_PER_REQUEST, chunks, discardLines, replayLines, summarizeReplays, summaryLine } from './replay-report';

interface ListFlags extends FilterFlags {
  limit: number;
  offset: number;
}

interface ReplayFlags extends FilterFlags {
  edit?: string;
  reason?: string;
  dryRun?: boolean;
  filter?: boolean;
  rate: number;
  yes?: boolean;
}

function deadLetterColumns(ctx: CommandContext): Array<Column<DeadLetter>> {
  const now = ctx.io.now();
  return [
    { header: 'ID', value: (d) => d.messageId },
    { header: 'ROUTE', value: (d) => d.routeId, shrink: 1, minWidth: 8 },
    { header: 'TYPE', value: (d) => d.type ?? '-', shrink: 1, minWidth: 8 },
    { header: 'ERROR CLASS', value: (d) => d.error?.errorClass ?? '-', style: (cell) => ctx.style.red(cell) },
    { header: 'ATTEMPTS', value: (d) => String(d.attempts), align: 'right' },
    { header: 'DEAD AT', value: (d) => relativeTime(d.deadAt, now) },
    { header: 'ERROR', value: (d) => d.error?.message ?? '-', shrink: 2, minWidth: 10 },
  ];
}

async function list(ctx: CommandContext, flags: ListFlags): Promise<void> {
  const page = await ctx.client().listDeadLetters({ ...filterQuery(flags, ctx.io.now()), limit: flags.limit, offset: flags.offset });
  if (ctx.json) return ctx.printJson(page);
  if (page.items.length > 0) ctx.print(renderTable(page.items, deadLetterColumns(ctx), { width: ctx.width }));
  const shown = page.items.length;
  const from = shown > 0 && flags.offset > 0 ? ` (from ${flags.offset + 1})` : '';
  const more = flags.offset + shown < page.total ? `; next page: --offset ${flags.offset + shown}` : '';
  ctx.print(ctx.style.dim(`${shown} of ${page.total} dead letter${page.total === 1 ? '' : 's'}${from}${more}`));
}

async function show(ctx: CommandContext, id: string): Promise<void> {
  const detail = await ctx.client().deadLetter(id);
  if (ctx.json) return ctx.printJson(detail);
  ctx.print(renderMessageDetail(detail, { style: ctx.style, now: ctx.io.now() }));
}

function finishReplays(ctx: CommandContext, results: ReplayResult[], dryRun: boolean): void {
  const summary = summarizeReplays(results);
  if (ctx.json) {
    ctx.printJson({ dryRun, summary, results });
  } else {
    for (const result of results) ctx.print(replayLines(result, dryRun, ctx.style).join('\n'));
    if (results.length > 1) ctx.print(summaryLine(summary, dryRun));
  }
  if (summary.failed > 0) throw new CliError(`${summary.failed} of ${results.length} replay${results.length === 1 ? '' : 's'} failed; see ${ctx.json ? 'the results' : 'above'}`);
}

async function replay(ctx: CommandContext, ids: string[], flags: ReplayFlags): Promise<void> {
  const filters = givenFilterFlags(flags);
  if (flags.filter) {
    if (ids.length > 0) throw new CliError('give either message ids or --filter, not both (dlq replay <id…> | dlq replay --filter [--route …])');
    if (flags.edit !== undefined) throw new CliError('--edit works on one dead letter at a time, not with --filter; replay by id: dlq replay <id> --edit patch.json');
    return bulkReplay(ctx, flags);
  }
  if (filters.length > 0) throw new CliError(`${filters.join(', ')} only select dead letters together with --filter (dlq replay --filter ${filters[0]} …)`);
  if (flags.yes) throw new CliError('--yes confirms a bulk replay and only goes with --filter');
  if (ids.length === 0) throw new CliError('name the dead letters to replay (dlq replay <id…>) or select them with --filter; list them with `interline dlq list`');
  const dryRun = flags.dryRun === true;
  const request: Omit<ReplayRequest, 'ids'> = { dryRun };
  if (flags.reason !== undefined) request.reason = flags.reason;
  if (flags.edit !== undefined) {
    if (ids.length !== 1) throw new CliError(`--edit applies one patch to exactly one dead letter (got ${ids.length} ids); replay the others separately`);
    request.patch = checkJsonPatch(readJsonFile(ctx.io.cwd, flags.edit, 'patch file'), flags.edit);
  }
  const results: ReplayResult[] = [];
  for (const batch of chunks([...new Set(ids)], MAX_IDS_PER_REQUEST)) results.push(...(await ctx.client().replay({ ids: batch, ...request })).results);
  finishReplays(ctx, results, dryRun);
}

async function discard(ctx: CommandContext, ids: string[], reason: string): Promise<void> {
  if (!reason.trim()) throw new CliError('--reason must say why the dead letters are discarded (it goes into the audit log)');
  const results: DiscardResult[] = [];
  for (const batch of chunks([...new Set(ids)], MAX_IDS_PER_REQUEST)) results.push(...(await ctx.client().discard({ ids: batch, reason })).results);
  const failed = results.filter((r) => r.error !== undefined).length;
  if (ctx.json) ctx.printJson({ results });
  else for (const result of results) ctx.print(discardLines(result, ctx.style).join('\n'));
  if (failed > 0) throw new CliError(`${failed} of ${results.length} discard${results.length === 1 ? '' : 's'} failed; see ${ctx.json ? 'the results' : 'above'}`);
}

export function registerDlqCommands(program: Command, io: CliIo): void {
  const dlq = program.command('dlq').description('inspect, replay and discard dead letters');

  addFilterOptions(dlq.command('list').description('list dead letters, newest first'))
    .option('--limit <n>', 'how many to show (1-1000)', wholeNumber(1, 1000), 50)
    .option('--offset <n>', 'skip this many (paging)', wholeNumber(0, Number.MAX_SAFE_INTEGER), 0)
    .action((flags: ListFlags, command: Command) => list(commandContext(command, io), flags));

  dlq
    .command('show')
    .description("a dead letter's payload, deliveries, attempts with errors, revisions and audit")
    .argument('<id>', 'message id')
    .action((id: string, _flags: unknown, command: Command) => show(commandContext(command, io), id));

  addFilterOptions(
    dlq
      .command('replay')
      .description('replay dead letters by id, or every one matching --filter (paced, with a progress bar)')
      .argument('[ids...]', 'message ids')
      .option('--edit <patch.json>', 'apply this RFC 6902 JSON Patch to the envelope first (one id only)')
      .option('--reason <text>', 'why (kept in the audit log)')
      .option('--dry-run', 'show what would be replayed; change nothing')
      .option('--filter', 'replay every dead letter matching the filter options below'),
  )
    .addOption(new Option('--rate <n>', 'bulk: messages per second').argParser(positiveNumber).default(10))
    .option('--yes', 'bulk: confirm replaying everything that matches')
    .action((ids: string[], flags: ReplayFlags, command: Command) => replay(commandContext(command, io), ids, flags));

  dlq
    .command('discard')
    .description('give up on dead letters for good (admin role; audited)')
    .argument('<ids...>', 'message ids')
    .requiredOption('--reason <text>', 'why (kept in the audit log)')
    .action((ids: string[], flags: { reason: string }, command: Command) => discard(commandContext(command, io), ids, flags.reason));
}
