// The queue source: reads the office queue (Queue_List), reads each queued PNR (PNR_Retrieve) and
// emits pnr.created the first time a PNR is seen and pnr.changed when it comes back different, then
// takes the item off the queue (Queue_RemoveItem) — only after the event is accepted, so a crash
// re-emits rather than loses (at-least-once); event ids derive from locator and content, so the hub
// drops the repeats.
import { createHash } from 'node:crypto';
import { deterministicId } from '@interline/hub';
import type { ConnectorContext, EmitEvent, Pnr, SourceDefinition } from '@interline/hub';
import { queueListBody } from '../client';
import type { GdsClient } from '../client';
import { asArray, textAt } from '../messages/xml-values';
import { retrievePnrIn } from '../operations/pnr-lookup';

/** How often the hub calls the source; pollIntervalMs decides when it really reads. */
export const QUEUE_TICK_MS = 200;

export interface QueuePollReport {
  read: number;
  created: number;
  changed: number;
  unchanged: number;
  failed: number;
}

interface Seen {
  hash: string;
  at: string;
}

export function seenKey(locator: string): string {
  return `queue:seen:${locator}`;
}

/** What identifies a version of a PNR: its content without the warnings of the last operation. */
function contentHash(pnr: Pnr): string {
  const { warnings: _warnings, ...content } = pnr;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export function removeItemBody(queueNumber: number, locator: string): unknown {
  return {
    removalOption: { selectionDetails: { option: 'QR' } },
    targetDetails: { targetQueue: { queueDetails: { number: String(queueNumber) } }, recordLocator: { reservation: { controlNumber: locator } } },
  };
}

/** One pass over the queue, whatever the interval. */
export async function pollQueue(client: GdsClient, ctx: ConnectorContext & { emit: EmitEvent; signal?: AbortSignal }): Promise<QueuePollReport> {
  const report: QueuePollReport = { read: 0, created: 0, changed: 0, unchanged: 0, failed: 0 };
  const queue = client.queueNumber;
  const flow = ctx.signal ? { signal: ctx.signal } : {};
  await client.inSession(`queue ${queue} poll`, { ...flow, logger: ctx.logger }, async (session) => {
    const list = await client.call<Record<string, unknown>>(session, 'Queue_List', queueListBody(queue), { ...flow, what: `Queue_List ${queue}` });
    const locators = asArray((list.queueView as Record<string, unknown> | undefined)?.item).flatMap((item) => textAt(item, 'recLoc', 'reservation', 'controlNumber') ?? []);
    for (const locator of locators) {
      report.read++;
      let pnr: Pnr;
      try {
        pnr = await retrievePnrIn(client, session, locator, flow);
      } catch (error) {
        // One unreadable PNR must not block the queue behind it; it stays queued for the next pass.
        report.failed++;
        ctx.logger.warn({ locator, err: error }, `queue ${queue}: PNR ${locator} could not be read; left on the queue`);
        continue;
      }
      const hash = contentHash(pnr);
      const seen = await ctx.state.get<Seen>(seenKey(locator));
      if (seen?.hash === hash) {
        report.unchanged++;
      } else {
        const type = seen ? 'pnr.changed' : 'pnr.created';
        await ctx.emit({ type, id: deterministicId('gds', 'queue', locator, type, hash), data: pnr, subject: pnr.id, partitionkey: pnr.id });
        await ctx.state.set<Seen>(seenKey(locator), { hash, at: new Date().toISOString() });
        if (seen) report.changed++;
        else report.created++;
      }
      await client.call(session, 'Queue_RemoveItem', removeItemBody(queue, locator), { ...flow, what: `Queue_RemoveItem ${locator}` });
    }
  });
  return report;
}

const lastRun = new WeakMap<GdsClient, number>();

export const queueChanges: SourceDefinition<GdsClient> = {
  kind: 'poll',
  summary: 'Polls the office queue (queueNumber) every pollIntervalMs: emits pnr.created for PNRs not seen before and pnr.changed for later versions (canonical Pnr), then removes the queue item.',
  intervalMs: QUEUE_TICK_MS,
  async poll(client, ctx) {
    if (Date.now() - (lastRun.get(client) ?? 0) < client.pollIntervalMs) return;
    lastRun.set(client, Date.now());
    const report = await pollQueue(client, ctx);
    if (report.read > 0) ctx.logger.debug({ report }, 'GDS queue poll done');
  },
};
