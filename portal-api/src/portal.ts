// The portal's services over one database and one hub, built without Nest so they can be used and
// tested directly; controllers receive this object and only translate HTTP to calls on it.
import type { Hub, Logger, SqlClient } from '@interline/hub';
import type { Cache } from './cache/cache';
import { CustomersService } from './customers/customers.service';
import { CustomsService } from './customs/customs.service';
import { PartnerFilesService } from './files/partner-files.service';
import { FlightsService } from './flights/flights.service';
import { HoldSweeper } from './flights/hold-sweeper';
import type { ScheduleDefaults } from './flights/schedule-recorder';
import type { SweeperOptions } from './flights/hold-sweeper';
import type { PortalMetrics } from './http/http-metrics';
import { WriteRunner } from './http/write-runner';
import { OutboxRelay } from './outbox/outbox-relay';
import type { OutboxRelayOptions } from './outbox/outbox-relay';
import { MessagesService } from './messages/messages.service';
import { PaymentsService } from './payments/payments.service';
import { TrackingService } from './tracking/tracking.service';
import { BookingSaga } from './saga/booking-saga';
import { SagaSupervisor } from './saga/saga-supervisor';
import type { SupervisorOptions } from './saga/saga-supervisor';
import { BookingBatcher } from './shipments/booking-batcher';
import type { BookingBatcherOptions } from './shipments/booking-batcher';
import { ShipmentsService } from './shipments/shipments.service';

export interface PortalDeps {
  hub: Hub;
  sql: SqlClient;
  logger: Logger;
  metrics: PortalMetrics;
  cache: Cache;
  relay?: OutboxRelayOptions;
  /** How long a booking's capacity hold lasts before the airline must have confirmed it. */
  holdMs?: number;
  sweeper?: SweeperOptions;
  supervisor?: SupervisorOptions;
  bookingBatches?: BookingBatcherOptions;
  /** How flights first seen in a flight.schedule-updated event are sold. */
  schedules?: ScheduleDefaults;
}

/** An outbox row older than this means events are not reaching the hub: not ready. */
const OUTBOX_STALL_MS = 60_000;

export class Portal {
  readonly hub: Hub;
  readonly sql: SqlClient;
  readonly logger: Logger;
  readonly metrics: PortalMetrics;
  readonly cache: Cache;
  readonly relay: OutboxRelay;
  readonly writes: WriteRunner;
  readonly customers = new CustomersService();
  readonly messages = new MessagesService();
  readonly flights = new FlightsService();
  readonly customs = new CustomsService();
  readonly payments = new PaymentsService();
  readonly files = new PartnerFilesService();
  readonly tracking: TrackingService;
  readonly saga: BookingSaga;
  readonly shipments: ShipmentsService;
  /** Booking writes, group-committed. */
  readonly bookings: BookingBatcher;
  readonly sweeper: HoldSweeper;
  readonly supervisor: SagaSupervisor;
  readonly scheduleDefaults: ScheduleDefaults;
  private document: unknown;

  constructor(deps: PortalDeps) {
    this.hub = deps.hub;
    this.sql = deps.sql;
    this.logger = deps.logger;
    this.metrics = deps.metrics;
    this.cache = deps.cache;
    this.scheduleDefaults = deps.schedules ?? {};
    this.relay = new OutboxRelay(deps.sql, deps.hub.ingress, deps.logger, deps.metrics, deps.relay);
    this.writes = new WriteRunner(deps.sql, () => this.relay.nudge());
    this.saga = new BookingSaga(deps.metrics);
    this.tracking = new TrackingService(deps.cache);
    this.shipments = new ShipmentsService(this.saga, deps.holdMs);
    this.bookings = new BookingBatcher(deps.sql, this.shipments, this.writes, this.relay, deps.logger, deps.metrics, deps.bookingBatches);
    this.sweeper = new HoldSweeper(deps.sql, this.saga, deps.logger, deps.sweeper);
    this.supervisor = new SagaSupervisor(deps.sql, this.saga, deps.logger, deps.supervisor);
  }

  setOpenApiDocument(document: unknown): void {
    this.document = document;
  }

  openApiDocument(): unknown {
    return this.document;
  }

  /** Each dependency: 'ok' or what is wrong. */
  async readiness(): Promise<Record<string, string>> {
    const checks: Record<string, string> = {};
    const run = async (name: string, probe: () => Promise<string | undefined>): Promise<void> => {
      try {
        checks[name] = (await probe()) ?? 'ok';
      } catch (error) {
        checks[name] = error instanceof Error ? error.message : String(error);
      }
    };
    await run('journal', async () => {
      await this.sql.query('SELECT 1');
      return undefined;
    });
    await run('transport', async () => {
      // The portal reaches the transport through the hub's ingress; a stalled outbox is what breaks.
      const oldest = await this.sql.query<{ age_ms: string | number | null }>(
        `SELECT EXTRACT(EPOCH FROM (now() - min(created_at))) * 1000 AS age_ms FROM portal_outbox WHERE published_at IS NULL`,
      );
      const age = Number(oldest.rows[0]?.age_ms ?? 0);
      return age > OUTBOX_STALL_MS ? `outbox events wait ${Math.round(age / 1000)} s for the hub (${this.hub.transport.name} transport)` : undefined;
    });
    await run('cache', async () => {
      await this.cache.set('readyz:probe', 1, 1000);
      return (await this.cache.get('readyz:probe')) === 1 ? undefined : 'cache did not return what was stored';
    });
    return checks;
  }

  start(): void {
    this.relay.start();
    this.sweeper.start();
    this.supervisor.start();
  }

  async stop(): Promise<void> {
    await this.supervisor.stop();
    await this.sweeper.stop();
    await this.relay.stop();
  }
}
