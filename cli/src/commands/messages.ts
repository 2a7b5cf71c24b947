// `interline messages`: one message's whole story, and its lineage across derived messages.
import type { Command } from 'commander';
import { commandContext } from '../context';
import type { CliIo } from '../io';
import { renderLineage } from '../render/lineage';
import { renderMessageDetail } from '../render/message-detail';

export function registerMessagesCommands(program: Command, io: CliIo): void {
  const messages = program.command('messages').description('inspect messages in the journal');

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
