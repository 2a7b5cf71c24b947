// One hub instance: journal, transport, routes, mappings and connectors wired together, with
// recovery of unfinished deliveries at start and a draining stop.
import type { SeenMessages } from './seen-messages';
import type { Cache } from '../cache';
import type { Route } from '../routing/route';
import type { Journal } from '../journal';
import { bindingStore, connectorState, deadLetterCount, migrate } from '../journal';
import type { Transport, Subscription, DeliveryJob } from '../transport';
import { ConnectorHost } from '../connector/connector-host';
import type { ConnectorInstanceConfig, DefinitionResolver, TakeToken } from '../connector/connector-host';
import { secretScrubber } from '../connector/secrets';
import { DeliveryWorker } from '../delivery/delivery-worker';
import type { StepServices } from '../routing/step-runner';
import { Ingress, queueFor } from './ingress';
import type { RouteMatcher } from './ingress';
import { DeadLetterService } from '../dead-letters/dead-letter-service';
import { HubMetrics, CIRCUIT_STATE_VALUE } from '../observability/metrics';
import type { Logger } from '../observability/logger';
import type { EmitEvent } from '../connector/define-connector';
import { createEnvelope } from '../envelope';

/** How often a worker on a durable transport looks for deliveries whose job was lost. */
const SWEEP_INTERVAL_MS = 30_000;
/** An unfinished delivery untouched this long (and unclaimed) is presumed to have lost its job. */
const STALE_AFTER_MS = 5 * 60_000;

export interface HubParts {
  journal: Journal;
  transport: Transport;
  routes: Route[];
  /** Builds the matcher over the current routes (predicates included). */
  matcher: (routes: Route[]) => RouteMatcher;
  pure: Pick<StepServices, 'validate' | 'hasMapping' | 'map' | 'evaluate'>;
  assertKnownType(type: string): void;
  connectors: Record<string, ConnectorInstanceConfig>;
  resolveConnector: DefinitionResolver;
  /** The runtime's cache: partner rate limits (connectors.<name>.rateLimit) take tokens from it. */
  cache?: Cache;
  /** Hot idempotency cache for ingress (Redis); the journal de-duplicates without it. */
  seen?: SeenMessages;
  /** The ops server's URL when it is known before it listens (a fixed port): simulators that call the hub back use it. */
  hubUrl?: string;
  logger: Logger;
  metrics?: HubMetrics;
  /** Which parts run here: 'worker' consumes deliveries, 'api' only accepts; 'all' both. */
  role?: 'all' | 'api' | 'worker';
  /** Durable transports: how often to look for deliveries whose job was lost, and after how long. */
  sweep?: { intervalMs: number; staleAfterMs: number };
}

export class Hub {
  readonly journal: Journal;
  readonly transport: Transport;
  readonly metrics: HubMetrics;
  readonly logger: Logger;
  readonly ingress: Ingress;
  readonly deadLetters: DeadLetterService;
  readonly connectors: ConnectorHost;
  private routeList: Route[];
  private routeMap: Map<string, Route>;
  private currentMatcher: RouteMatcher;
  private readonly worker: DeliveryWorker;
  private subscriptions: Subscription[] = [];
  private sweeper: NodeJS.Timeout | undefined;
  private started = false;

  constructor(private readonly parts: HubParts) {
    this.journal = parts.journal;
    this.transport = parts.transport;
    this.logger = parts.logger;
    this.metrics = parts.metrics ?? new HubMetrics({ deadLetterCount: () => deadLetterCount(parts.journal.sql) });
    this.routeList = parts.routes;
    this.routeMap = new Map(parts.routes.map((r) => [r.id, r]));
    this.currentMatcher = parts.matcher(parts.routes);
    this.connectors = new ConnectorHost(
      this.logger,
      (name) => ({ logger: this.logger.child({ connector: name }), state: connectorState(this.journal.sql, name) }),
      (name, state) => this.metrics.circuitState.set({ connector: name }, CIRCUIT_STATE_VALUE[state]),
      takeTokenFrom(parts.cache),
    );
    this.ingress = new Ingress({
      journal: this.journal,
      transport: this.transport,
      matcher: () => this.currentMatcher,
      assertKnownType: parts.assertKnownType,
      metrics: this.metrics,
      logger: this.logger,
      ...(parts.seen ? { seen: parts.seen } : {}),
    });
    this.worker = new DeliveryWorker({
      journal: this.journal,
      connectors: this.connectors,
      metrics: this.metrics,
      logger: this.logger,
      route: (id) => this.routeMap.get(id),
      pure: parts.pure,
      planEmitted: (envelopes) => this.ingress.planEmitted(envelopes),
      dispatch: (jobs) => this.ingress.dispatch(jobs),
    });
    this.deadLetters = new DeadLetterService({
      journal: this.journal,
      matcher: () => this.currentMatcher,
      assertKnownType: parts.assertKnownType,
      dispatch: (jobs) => this.ingress.dispatch(jobs),
      logger: this.logger,
    });
  }

  get routes(): Route[] {
    return this.routeList;
  }

  async start(): Promise<void> {
    await migrate(this.journal.sql);
    await this.transport.connect();
    await this.connectors.start(this.parts.connectors, this.parts.resolveConnector, this.parts.hubUrl !== undefined ? { hubUrl: this.parts.hubUrl } : {});
    this.journal.setRedactor(secretScrubber(this.connectors.secretValues()));
    await this.transport.declareQueues(this.routeList.map((r) => queueFor(r.id)));
    const role = this.parts.role ?? 'all';
    if (role !== 'api') {
      for (const route of this.routeList) {
        // Prefetch well above the route's concurrency: jobs waiting for their key's turn must not
        // starve other keys; the worker's executor bounds what actually runs.
        const prefetch = Math.max(route.concurrency * 8, 64);
        this.subscriptions.push(await this.transport.subscribe(queueFor(route.id), this.worker.handle, { prefetch }));
      }
      await this.recover();
    }
    this.started = true;
    this.logger.info({ routes: this.routeList.length, transport: this.transport.name, role }, 'hub started');
  }

  /**
   * A non-durable transport lost its queues with the last process: re-dispatch from the journal.
   * A durable one keeps its jobs, but a job can still be lost between commit and publish: a
   * sweeper republishes deliveries that sat unclaimed for a while (claims make duplicates harmless).
   */
  private async recover(): Promise<void> {
    if (this.transport.durable) {
      this.sweeper = setInterval(
        () => void this.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'stale-delivery sweep failed')),
        this.parts.sweep?.intervalMs ?? SWEEP_INTERVAL_MS,
      );
      this.sweeper.unref();
      return;
    }
    await this.journal.releaseAllClaims();
    const open = await this.journal.openDeliveries();
    const jobs: DeliveryJob[] = [];
    for (const delivery of open) {
      const route = this.routeMap.get(delivery.routeId);
      const key = route?.orderingKey === 'none' ? undefined : ((route?.orderingKey === 'subject' ? delivery.subject : delivery.partitionKey) ?? undefined);
      jobs.push({ messageId: delivery.messageId, routeId: delivery.routeId, key });
    }
    if (jobs.length > 0) this.logger.info({ deliveries: jobs.length }, 'resuming deliveries left unfinished by the previous run');
    for (const job of jobs) {
      // A delivery whose route was removed still gets a job: the worker dead-letters it with a clear reason.
      if (!this.routeMap.has(job.routeId)) await this.transport.declareQueues([queueFor(job.routeId)]);
    }
    await this.ingress.dispatch(jobs);
  }

  private async sweep(): Promise<void> {
    const stale = await this.journal.staleDeliveries(this.parts.sweep?.staleAfterMs ?? STALE_AFTER_MS, 500);
    if (stale.length === 0) return;
    this.logger.warn({ deliveries: stale.length }, 'republishing deliveries that sat unclaimed (a job may have been lost)');
    await this.ingress.dispatch(
      stale.map((d) => {
        const route = this.routeMap.get(d.routeId);
        const key = route?.orderingKey === 'none' ? undefined : ((route?.orderingKey === 'subject' ? d.subject : d.partitionKey) ?? undefined);
        return { messageId: d.messageId, routeId: d.routeId, key };
      }),
    );
  }

  /** The emit function sources use: their events enter through the same ingress as everything else. */
  emitterFor(connector: string): EmitEvent {
    return async (event) => {
      const envelope = createEnvelope({
        type: event.type,
        data: event.data,
        source: `interline/connector/${connector}`,
        ...(event.id !== undefined ? { id: event.id } : {}),
        ...(event.subject !== undefined ? { subject: event.subject } : {}),
        ...(event.partitionkey !== undefined ? { partitionkey: event.partitionkey } : {}),
        ...(event.tenant !== undefined ? { tenant: event.tenant } : {}),
      });
      const result = await this.ingress.submit(envelope);
      if (result.status === 'rejected') throw new Error(result.error.message);
    };
  }

  bindingsFor(connector: string, tenant: string): ReturnType<typeof bindingStore> {
    return bindingStore(this.journal.sql, connector, tenant);
  }

  /** Stop taking work, let running deliveries finish their attempt, then close everything. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    clearInterval(this.sweeper);
    this.worker.stop();
    await Promise.all(this.subscriptions.map((s) => s.drain()));
    this.subscriptions = [];
    await this.transport.close();
    await this.connectors.stop();
    this.logger.info('hub stopped');
  }
}

function takeTokenFrom(cache: Cache | undefined): TakeToken | undefined {
  return cache ? (bucket, spec) => cache.take(bucket, spec) : undefined;
}
