// Replay and discard of dead letters — what support staff do all day. Every action is audited;
// a replay goes through the current routes and never repeats a step the journal records as done.
import { normalizeEnvelope } from '../envelope';
import type { Envelope } from '../envelope';
import { describeError } from '../errors';
import { INGRESS_ROUTE, jsonb, messageDetail } from '../journal';
import type { Journal, MessageDetail, MessageRecord, SqlExecutor } from '../journal';
import type { DeliveryJob } from '../transport';
import type { RouteMatcher } from '../runtime/ingress';
import { firstConnector, orderingKey } from '../runtime/ingress';
import { applyJsonPatch } from './json-patch';
import type { Logger } from '../observability/logger';

export interface ReplayOptions {
  actor: string;
  reason?: string | undefined;
  /** RFC 6902 patch applied to the envelope before replay; the original is kept as a revision. */
  patch?: unknown[] | undefined;
  dryRun?: boolean | undefined;
}

export interface ReplayResult {
  messageId: string;
  /** Routes the message is (or would be, in a dry run) delivered on again. */
  replayed: string[];
  skipped: Array<{ routeId: string; why: string }>;
  error?: string;
}

export interface DiscardResult {
  messageId: string;
  discarded: string[];
  error?: string;
}

export interface DeadLetterDeps {
  journal: Journal;
  matcher: () => RouteMatcher;
  assertKnownType(type: string): void;
  dispatch(jobs: DeliveryJob[]): Promise<void>;
  logger: Logger;
}

export class DeadLetterService {
  constructor(private readonly deps: DeadLetterDeps) {}

  async replay(messageId: string, options: ReplayOptions): Promise<ReplayResult> {
    const { journal } = this.deps;
    const detail = await messageDetail(journal.sql, messageId);
    if (!detail) return { messageId, replayed: [], skipped: [], error: `no message '${messageId}' in the journal; check the id with \`interline dlq list\`` };
    const dead = detail.deliveries.filter((d) => d.status === 'dead');
    if (dead.length === 0) {
      return { messageId, replayed: [], skipped: [], error: `message '${messageId}' has no dead deliveries (statuses: ${detail.deliveries.map((d) => `${d.routeId}=${d.status}`).join(', ') || 'none'})` };
    }
    let next: { envelope: Envelope | null; raw: string | null };
    try {
      next = this.patched(detail.message, options.patch);
    } catch (error) {
      return { messageId, replayed: [], skipped: [], error: describeError(error).message };
    }
    const ingressDead = dead.some((d) => d.routeId === INGRESS_ROUTE);
    let envelope: Envelope;
    try {
      envelope = this.checkEnvelope(messageId, next, ingressDead);
    } catch (error) {
      const message = describeError(error).message;
      if (!options.dryRun && options.patch) {
        // The edit is kept even though the message still fails: support sees what was tried.
        await journal.sql.transaction(async (tx) => {
          await journal.reviseMessage(tx, detail.message, next, options.patch, options.actor, options.reason);
          await journal.audit(tx, { actor: options.actor, action: 'edit', messageId, reason: options.reason, detail: { patch: options.patch, outcome: message } });
        });
      }
      return { messageId, replayed: [], skipped: [], error: `still invalid after ${options.patch ? 'the edit' : 'replay'}: ${message}` };
    }
    const { routes } = await this.deps.matcher().match(envelope);
    const plan = this.plan(detail, routes.map((r) => r.id));
    if (options.dryRun) return { messageId, replayed: plan.replay, skipped: plan.skipped };
    const jobs: DeliveryJob[] = [];
    await journal.sql.transaction(async (tx) => {
      if (options.patch) await journal.reviseMessage(tx, detail.message, { envelope, raw: null }, options.patch, options.actor, options.reason);
      else if (ingressDead) await this.storeEnvelope(tx, messageId, envelope);
      if (ingressDead) await journal.setDeliveryStatus(tx, messageId, INGRESS_ROUTE, 'replayed', { state: 'replayed', detail: { actor: options.actor } });
      const existing = new Set(detail.deliveries.map((d) => d.routeId));
      await journal.insertDeliveries(
        tx,
        messageId,
        routes.filter((r) => !existing.has(r.id)).map((r) => ({ routeId: r.id, connector: firstConnector(r) })),
      );
      for (const routeId of plan.replay) {
        if (existing.has(routeId)) await journal.setDeliveryStatus(tx, messageId, routeId, 'pending', { state: 'replayed', detail: { actor: options.actor, reason: options.reason ?? null } }, true);
      }
      if (ingressDead) await tx.query(`INSERT INTO transitions (message_id, state, detail) VALUES ($1, 'routed', $2)`, [messageId, jsonb({ routes: routes.map((r) => r.id) })]);
      await journal.audit(tx, { actor: options.actor, action: 'replay', messageId, reason: options.reason, detail: { routes: plan.replay, skipped: plan.skipped, edited: Boolean(options.patch) } });
      for (const route of routes) if (plan.replay.includes(route.id)) jobs.push({ messageId, routeId: route.id, key: orderingKey(route, envelope) });
    });
    await this.deps.dispatch(jobs);
    this.deps.logger.info({ messageId, actor: options.actor, routes: plan.replay }, 'dead letter replayed');
    return { messageId, replayed: plan.replay, skipped: plan.skipped };
  }

  async discard(messageId: string, options: { actor: string; reason: string }): Promise<DiscardResult> {
    const { journal } = this.deps;
    if (!options.reason.trim()) return { messageId, discarded: [], error: 'a reason is required to discard a dead letter (--reason "…")' };
    const detail = await messageDetail(journal.sql, messageId);
    if (!detail) return { messageId, discarded: [], error: `no message '${messageId}' in the journal` };
    const dead = detail.deliveries.filter((d) => d.status === 'dead').map((d) => d.routeId);
    if (dead.length === 0) return { messageId, discarded: [], error: `message '${messageId}' has no dead deliveries to discard` };
    await journal.sql.transaction(async (tx) => {
      for (const routeId of dead) await journal.setDeliveryStatus(tx, messageId, routeId, 'discarded', { state: 'discarded', detail: { actor: options.actor, reason: options.reason } });
      await journal.audit(tx, { actor: options.actor, action: 'discard', messageId, reason: options.reason, detail: { routes: dead } });
    });
    this.deps.logger.info({ messageId, actor: options.actor, routes: dead }, 'dead letter discarded');
    return { messageId, discarded: dead };
  }

  /** The envelope as it will be replayed: the current one, or the edit applied to it. */
  private patched(message: MessageRecord, patch: unknown[] | undefined): { envelope: Envelope | null; raw: string | null } {
    if (!patch) return { envelope: message.envelope, raw: message.raw };
    const document = message.envelope ?? parseOrNull(message.raw);
    const result = applyJsonPatch(document, patch);
    return { envelope: result as Envelope, raw: null };
  }

  private checkEnvelope(messageId: string, next: { envelope: Envelope | null; raw: string | null }, fromIngress: boolean): Envelope {
    if (!next.envelope) {
      throw new Error('the message is not valid JSON; replay it with an edit that replaces the whole document (JSON Patch [{"op":"replace","path":"","value":{…}}])');
    }
    if (!fromIngress) return next.envelope;
    const envelope = normalizeEnvelope(next.envelope);
    this.deps.assertKnownType(envelope.type);
    // The journal's id is the message's identity from here on (idempotency keys, lineage).
    return { ...envelope, id: messageId, correlationid: envelope.correlationid === next.envelope.id ? messageId : envelope.correlationid };
  }

  private async storeEnvelope(tx: SqlExecutor, messageId: string, envelope: Envelope): Promise<void> {
    await tx.query(
      `UPDATE messages SET envelope = $2, raw = NULL, type = $3, source = $4, subject = $5, tenant = $6, correlation_id = $7,
         causation_id = $8, partition_key = $9, updated_at = now() WHERE id = $1`,
      [messageId, jsonb(envelope), envelope.type, envelope.source, envelope.subject ?? null, envelope.tenant, envelope.correlationid, envelope.causationid ?? null, envelope.partitionkey ?? null],
    );
  }

  private plan(detail: MessageDetail, matching: string[]): { replay: string[]; skipped: Array<{ routeId: string; why: string }> } {
    const byRoute = new Map(detail.deliveries.map((d) => [d.routeId, d]));
    const replay: string[] = [];
    const skipped: Array<{ routeId: string; why: string }> = [];
    for (const routeId of matching) {
      const delivery = byRoute.get(routeId);
      if (!delivery || delivery.status === 'dead') replay.push(routeId);
      else skipped.push({ routeId, why: `already ${delivery.status}` });
    }
    for (const delivery of detail.deliveries) {
      if (delivery.status === 'dead' && delivery.routeId !== INGRESS_ROUTE && !matching.includes(delivery.routeId)) {
        skipped.push({ routeId: delivery.routeId, why: 'route no longer exists or no longer matches this message; left dead' });
      }
    }
    return { replay, skipped };
  }
}

function parseOrNull(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

