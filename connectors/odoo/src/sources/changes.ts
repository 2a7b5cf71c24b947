// The change poller (source "changes"): reads res.partner, sale.order and account.move changed since
// the stored cursor (write_date, with an overlap window), skips the connector's own writes (write_uid
// is the integration user), and emits party.updated, order.updated and invoice.paid with ids derived
// from the record state, so re-reading the overlap emits nothing new.
import type { ConnectorContext, EmitEvent, SourceDefinition } from '@interline/hub';
import type { Domain, OdooClient } from '../client';
import { POLLED_MODELS } from '../config';
import type { PolledModel } from '../config';
import { changedPages, readFrom } from './change-feed';
import type { ChangeRow, Cursor } from './change-feed';
import { PARTNER_FEED_FIELDS, partnerEvents } from './collect-partners';
import { orderEvents } from './collect-orders';
import { PAID_INVOICES, invoiceEvents } from './collect-invoices';
import { isOwnWrite } from './identity';
import type { Identity } from './identity';
import type { PendingEvent } from './pending-event';

/** How often the hub calls the source; the configured poll.intervalSeconds decides when it really reads. */
export const POLL_TICK_MS = 5_000;
const DEFAULTS = { intervalSeconds: 60, pageSize: 200, overlapSeconds: 30 };

type Collect = (client: OdooClient, ctx: ConnectorContext, identity: Identity, rows: readonly ChangeRow[], signal: AbortSignal) => Promise<PendingEvent[]>;

const FEEDS: Record<PolledModel, { baseDomain: Domain; fields: readonly string[]; collect: Collect }> = {
  'res.partner': { baseDomain: [], fields: PARTNER_FEED_FIELDS, collect: partnerEvents },
  'sale.order': { baseDomain: [], fields: [], collect: orderEvents },
  'account.move': { baseDomain: PAID_INVOICES, fields: [], collect: invoiceEvents },
};

export type PollContext = ConnectorContext & { emit: EmitEvent; signal: AbortSignal };

export interface PollReport {
  /** Per model: records read, of which the connector's own writes, and events emitted. */
  [model: string]: { read: number; own: number; emitted: number; cursor: Cursor | undefined };
}

export function cursorKey(model: PolledModel): string {
  return `changes:cursor:${model}`;
}

/** One full poll of every configured model, regardless of the interval. */
export async function pollChanges(client: OdooClient, ctx: PollContext, now: Date = new Date()): Promise<PollReport> {
  const { signal } = ctx;
  const identity: Identity = { origin: `${client.baseUrl.host}/${client.database}`, uid: await client.uid({ signal }) };
  const report: PollReport = {};
  for (const model of client.poll.models ?? POLLED_MODELS) {
    const feed = FEEDS[model];
    const stored = await ctx.state.get<Cursor>(cursorKey(model));
    const from = readFrom(stored, client.poll.overlapSeconds ?? DEFAULTS.overlapSeconds, client.poll.since, now);
    let cursor = stored;
    const counts = { read: 0, own: 0, emitted: 0 };
    const pages = changedPages(client, { model, baseDomain: feed.baseDomain, fields: feed.fields, pageSize: client.poll.pageSize ?? DEFAULTS.pageSize, from, signal });
    for await (const page of pages) {
      const theirs = page.filter((row) => !isOwnWrite(identity, row));
      const events = await feed.collect(client, ctx, identity, theirs, signal);
      for (const event of events) await ctx.emit({ type: event.type, id: event.id, data: event.data, subject: event.subject, partitionkey: event.partitionkey });
      const last = page[page.length - 1] as ChangeRow;
      if (!cursor || last.write_date > cursor.writeDate || (last.write_date === cursor.writeDate && last.id > cursor.id)) cursor = { writeDate: last.write_date, id: last.id };
      // Saved after every page: a crash re-reads at most one page, whose events the hub drops as duplicates.
      await ctx.state.set(cursorKey(model), cursor);
      Object.assign(counts, { read: counts.read + page.length, own: counts.own + page.length - theirs.length, emitted: counts.emitted + events.length });
    }
    if (!stored && !cursor) {
      cursor = { writeDate: from, id: 0 };
      await ctx.state.set(cursorKey(model), cursor);
    }
    report[model] = { ...counts, cursor };
  }
  return report;
}

const lastRun = new WeakMap<OdooClient, number>();

export const changes: SourceDefinition<OdooClient> = {
  kind: 'poll',
  summary: 'Polls res.partner, sale.order and account.move by write_date (paged, with a cursor in connector state) and emits party.updated, order.updated and invoice.paid; skips the connector’s own writes.',
  intervalMs: POLL_TICK_MS,
  async poll(client, ctx) {
    if ((client.poll.models ?? POLLED_MODELS).length === 0) return;
    const intervalMs = (client.poll.intervalSeconds ?? DEFAULTS.intervalSeconds) * 1000;
    if (Date.now() - (lastRun.get(client) ?? 0) < intervalMs) return;
    lastRun.set(client, Date.now());
    const report = await pollChanges(client, ctx);
    ctx.logger.debug({ report }, 'odoo change poll done');
  },
};
