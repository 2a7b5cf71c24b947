// `interline events list`: the canonical event types the hub accepts.
import type { Command } from 'commander';
import type { EventTypeInfo } from '../api/types';
import { commandContext } from '../context';
import type { CliIo } from '../io';
import { renderTable } from '../output/table';

export function registerEventsCommands(program: Command, io: CliIo): void {
  const events = program.command('events').description('the event catalog');
  events
    .command('list')
    .description('event types the hub accepts, with the object each carries')
    .action(async (_flags: unknown, command: Command) => {
      const ctx = commandContext(command, io);
      const answer = await ctx.client().eventTypes();
      if (ctx.json) return ctx.printJson(answer);
      const items = [...answer.items].sort((a, b) => a.type.localeCompare(b.type));
      if (items.length > 0) {
        ctx.print(
          renderTable<EventTypeInfo>(
            items,
            [
              { header: 'TYPE', value: (e) => e.type },
              { header: 'OBJECT', value: (e) => e.object, shrink: 1 },
              { header: 'SUMMARY', value: (e) => e.summary, shrink: 2, minWidth: 10 },
            ],
            { width: ctx.width },
          ),
        );
      }
      ctx.print(ctx.style.dim(`${items.length} event type${items.length === 1 ? '' : 's'}`));
    });
}
