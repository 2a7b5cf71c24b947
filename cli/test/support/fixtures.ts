// Journal records for the fake admin API, built relative to a fixed "now" so relative times
// and --since/--until durations are deterministic.
import type { DeliveryStatus, ErrorClass, HealthResult, MessageDetail } from '../../src/api/types';
import type { FakeState } from './fake-admin-api';

export const NOW = Date.parse('2025-03-01T12:00:00.000Z');

export function minutesAgo(minutes: number): string {
  return new Date(NOW - minutes * 60_000).toISOString();
}

export interface DeadLetterSeed {
  id: string;
  type?: string;
  route?: string;
  connector?: string;
  errorClass?: ErrorClass;
  error?: string;
  step?: string;
  attempts?: number;
  /** When it died, in minutes before NOW. */
  deadMinutesAgo?: number;
  tenant?: string;
  data?: unknown;
  correlationId?: string;
  causationId?: string;
  /** Extra deliveries on other routes, e.g. one already delivered. */
  others?: Array<{ route: string; status: DeliveryStatus; attempts?: number }>;
}

export function deadLetterMessage(seed: DeadLetterSeed): MessageDetail {
  const type = seed.type ?? 'shipment.booking-requested';
  const route = seed.route ?? 'odoo-booking';
  const connector = seed.connector ?? 'odoo';
  const deadAt = minutesAgo(seed.deadMinutesAgo ?? 60);
  const receivedAt = minutesAgo((seed.deadMinutesAgo ?? 60) + 5);
  const attempts = seed.attempts ?? 3;
  const error = { errorClass: seed.errorClass ?? 'permanent', message: seed.error ?? 'Odoo rejected the partner: VAT number is missing', connector, step: seed.step ?? `to:${connector}.create-booking` };
  const envelope = {
    specversion: '1.0',
    id: seed.id,
    source: 'portal-api',
    type,
    time: receivedAt,
    datacontenttype: 'application/json',
    data: seed.data ?? { awb: '020-12345675', pieces: 2, weightKg: 120.5 },
    correlationid: seed.correlationId ?? seed.id,
    tenant: seed.tenant ?? 'default',
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  };
  return {
    message: {
      id: seed.id,
      type,
      source: 'portal-api',
      subject: null,
      tenant: seed.tenant ?? 'default',
      correlationId: seed.correlationId ?? seed.id,
      causationId: seed.causationId ?? null,
      partitionKey: '020-12345675',
      envelope: envelope as never,
      raw: null,
      receivedAt,
      updatedAt: deadAt,
    },
    deliveries: [
      { messageId: seed.id, routeId: route, connector, status: 'dead', attempts, nextAttemptAt: null, lastError: error, createdAt: receivedAt, updatedAt: deadAt },
      ...(seed.others ?? []).map((o) => ({
        messageId: seed.id,
        routeId: o.route,
        connector: null,
        status: o.status,
        attempts: o.attempts ?? 1,
        nextAttemptAt: null,
        lastError: null,
        createdAt: receivedAt,
        updatedAt: receivedAt,
      })),
    ],
    transitions: [
      { id: 1, messageId: seed.id, routeId: null, state: 'received', at: receivedAt, attempt: null, error: null, detail: null },
      { id: 2, messageId: seed.id, routeId: null, state: 'routed', at: receivedAt, attempt: null, error: null, detail: { routes: [route] } },
      { id: 3, messageId: seed.id, routeId: route, state: 'retrying', at: receivedAt, attempt: 1, error: { ...error, errorClass: 'transient', message: 'Odoo answered 503 Service Unavailable' }, detail: null },
      { id: 4, messageId: seed.id, routeId: route, state: 'dead', at: deadAt, attempt: attempts, error, detail: null },
    ],
    revisions: [],
    audit: [],
  };
}

export function messagesOf(...details: MessageDetail[]): FakeState['messages'] {
  return new Map(details.map((d) => [d.message.id, d]));
}

export function connector(name: string, health: HealthResult, extra: Partial<FakeState['connectors'][number]> = {}): FakeState['connectors'][number] {
  return { name, id: name, version: '1.0.0', summary: `${name} connector`, health, simulator: null, circuit: 'closed', ...extra };
}
