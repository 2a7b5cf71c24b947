// `interline messages`: find messages (newest first, filtered), one message's whole story, and its
// lineage across derived messages.
import type { Command } from 'commander';
import type { MessageSummary } from '../api/types';
import { commandContext } from '../context';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import type { CliIo } from '../io';
import { wholeNumber } from '../options/parsers';
import { parseTimeBound, relativeTime } from '../options/time';
import { renderTable } from '../output/table';
import type { Column } from '../output/table';
import { renderLineage } from '../render/lineage';
import { renderMessageDetail } from '../render/message-detail';

interface ListFlags {
  type?: string;
  source?: string;
  subject?: string;
  tenant?: string;
  status?: string;
  since?: string;
  until?: string;
  limit: number;
  before?: string;
}

function timeBound(flag: string, value: string | undefined, now: number): string | undefined {
  if (value === undefined) return undefined;
  const iso = parseTimeBound(value, now);
  if (!iso) throw new CliError(`${flag} '${value}' is neither a duration (30m, 2h, 1d) nor an ISO 8601 time (2024-05-01T10:00:00Z)`);
  return iso;
}

/** "pnr-queue delivered, portal-tracking retrying×3" — where the message went. */
function deliverySummary(message: MessageSummary): string {
  if (message.deliveries.length === 0) return 'no route';
  return message.deliveries.map((d) => `${d.routeId} ${d.status}${d.attempts > 1 ? `×${d.attempts}` : ''}`).join(', ');
}

function messageColumns(ctx: CommandContext): Array<Column<MessageSummary>> {
  const now = ctx.io.now();
  return [
    { header: 'ID', value: (m) => m.id },
    { header: 'TYPE', value: (m) => m.type ?? '(unparsed)', shrink: 1, minWidth: 8 },
    { header: 'SOURCE', value: (m) => m.source ?? '-', shrink: 2, minWidth: 8 },
    { header: 'SUBJECT', value: (m) => m.subject ?? m.partitionKey ?? '-', shrink: 2, minWidth: 6 },
    { header: 'RECEIVED', value: (m) => relativeTime(m.receivedAt, now) },
    { header: 'DELIVERIES', value: deliverySummary, shrink: 3, minWidth: 10 },
  ];
}

async function list(ctx: CommandContext, flags: ListFlags): Promise<void> {
  const now = ctx.io.now();
  const page = await ctx.client().listMessages({
    type: flags.type,
    source: flags.source,
    subject: flags.subject,
    tenant: flags.tenant,
    status: flags.status,
    since: timeBound('--since', flags.since, now),
    until: timeBound('--until', flags.until, now),
    limit: flags.limit,
    before: flags.before,
  });
  if (ctx.json) return ctx.printJson(page);
  if (page.items.length > 0) ctx.print(renderTable(page.items, messageColumns(ctx), { width: ctx.width }));
  const more = page.next ? `; older: --before ${page.next}` : '';
  ctx.print(ctx.style.dim(`${page.items.length} message${page.items.length === 1 ? '' : 's'}, newest first${more}`));
}

export function registerMessagesCommands(program: Command, io: CliIo): void {
  const messages = program.command('messages').description('find and inspect messages in the journal');

  messages
    .command('list')
    .description('messages newest first, with where each was delivered; filter by type, source, subject, status and time')
    .option('--type <type>', 'event type, or a pattern: pnr.* (one segment), booking.# (any)')
    .option('--source <source>', 'CloudEvents source, e.g. interline/connector/gds')
    .option('--subject <subject>', 'CloudEvents subject, e.g. booking/<id>')
    .option('--tenant <tenant>', 'only this tenant (staff tokens; a tenant token sees its own)')
    .option('--status <status>', 'only messages with a delivery in this status: pending, retrying, delivered, filtered, dead, discarded, replayed')
    .option('--since <when>', 'received at or after: a duration ago (30m, 2h, 1d) or an ISO time')
    .option('--until <when>', 'received before: a duration ago or an ISO time')
    .option('--limit <n>', 'how many (1–500)', wholeNumber(1, 500), 50)
    .option('--before <cursor>', 'the next page: the cursor the previous page printed')
    .action((flags: ListFlags, command: Command) => list(commandContext(command, io), flags));

  messages
    .command('show')
    .description("a message's payload, deliveries, attempts with errors, revisions and audit")
    .argument('<id>', 'message id')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const ctx = commandContext(command, io);
      const detail = await ctx.client().message(id);
      if (ctx.json) return ctx.printJson(detail);
      ctx.print(renderMessageDetail(detail, { style: ctx.style, now: io.now() }));
    });

  messages
    .command('trace')
    .description('every message with the same correlation id, as a tree along causation links')
    .argument('<id>', 'message id')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const ctx = commandContext(command, io);
      const trace = await ctx.client().trace(id);
      if (ctx.json) return ctx.printJson(trace);
      ctx.print(renderLineage(trace, id, ctx.style));
    });
}
