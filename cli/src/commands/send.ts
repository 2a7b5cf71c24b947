// `interline send`: wrap a JSON file in a CloudEvents envelope and put it through the hub's ingress.
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { ApiError } from '../api/client';
import type { EnvelopeInput, IngressResult } from '../api/types';
import { commandContext } from '../context';
import { CliError, oneLine } from '../errors';
import type { CliIo } from '../io';
import { readJsonFile } from '../options/json-file';

interface SendFlags {
  data: string;
  subject?: string;
  partitionKey?: string;
  tenant?: string;
}

export const CLI_SOURCE = 'interline/cli';

export function buildEnvelope(type: string, data: unknown, flags: Omit<SendFlags, 'data'>, now: number): EnvelopeInput {
  const envelope: EnvelopeInput = {
    specversion: '1.0',
    id: randomUUID(),
    source: CLI_SOURCE,
    type,
    time: new Date(now).toISOString(),
    datacontenttype: 'application/json',
    data,
  };
  if (flags.subject !== undefined) envelope.subject = flags.subject;
  if (flags.partitionKey !== undefined) envelope.partitionkey = flags.partitionKey;
  if (flags.tenant !== undefined) envelope.tenant = flags.tenant;
  return envelope;
}

export function registerSendCommand(program: Command, io: CliIo): void {
  program
    .command('send')
    .description('send an event to the hub (journaled, then routed)')
    .argument('<event-type>', 'canonical event type, e.g. shipment.booking-requested (see `interline events list`)')
    .requiredOption('--data <file.json>', 'the event data (JSON)')
    .option('--subject <subject>', 'CloudEvents subject')
    .option('--partition-key <key>', 'ordering key, e.g. the waybill number')
    .option('--tenant <tenant>', 'tenant the event belongs to')
    .action(async (type: string, flags: SendFlags, command: Command) => {
      const ctx = commandContext(command, io);
      const data = readJsonFile(io.cwd, flags.data, 'data file');
      const envelope = buildEnvelope(type, data, flags, io.now());
      let result: IngressResult;
      try {
        result = await ctx.client().send(envelope);
      } catch (error) {
        // A rejected event is journaled as a dead letter; the answer names it.
        const deadLetter = error instanceof ApiError && error.status === 400 ? error.problem.messageId : undefined;
        if (!(error instanceof ApiError) || typeof deadLetter !== 'string') throw error;
        const detail = oneLine(error.problem.detail ?? error.problem.title ?? 'rejected');
        const errorClass = typeof error.problem.errorClass === 'string' ? error.problem.errorClass : 'rejected';
        if (ctx.json) ctx.printJson({ status: 'rejected', id: deadLetter, sentId: envelope.id, error: { errorClass, message: detail } });
        throw new CliError(`the hub rejected the ${type} event (${errorClass}): ${detail}; inspect dead letter ${deadLetter} with \`interline dlq show ${deadLetter}\``);
      }
      if (ctx.json) return ctx.printJson(result);
      if (result.status === 'accepted') {
        ctx.print(`${ctx.style.green('accepted')} ${result.id}`);
        ctx.print(result.routes.length > 0 ? `routes: ${result.routes.join(', ')}` : ctx.style.yellow(`no route matches ${type}; the message is journaled only`));
      } else if (result.status === 'duplicate') {
        ctx.print(`${ctx.style.yellow('duplicate')} ${result.id}: accepted before, nothing new happens`);
      } else {
        // The contract answers rejections with 400, but a 202 saying "rejected" must not read as success.
        throw new CliError(`the hub rejected the ${type} event (${result.error.errorClass}): ${oneLine(result.error.message)}; inspect dead letter ${result.id} with \`interline dlq show ${result.id}\``);
      }
    });
}
