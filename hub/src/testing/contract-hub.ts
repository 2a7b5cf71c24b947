// A real hub for the contract kit: in-memory PGlite journal, memory transport, one route per
// operation that turns a test.ping into the operation's input and calls the connector.
import type { TObject } from '@sinclair/typebox';
import { Hub } from '../runtime/hub';
import { Journal, PgliteClient, messageDetail } from '../journal';
import type { DeliveryRecord } from '../journal';
import { MemoryTransport } from '../transport';
import { RouteTable } from '../routing';
import type { Route } from '../routing';
import { MappingRegistry } from '../mapping';
import { pureStepServices } from '../runtime/pure-step-services';
import { assertKnownEventType } from '../runtime/event-types';
import { silentLogger } from '../observability/logger';
import { createEnvelope } from '../envelope';
import type { ConnectorDefinition } from '../connector/define-connector';
import type { CircuitBreakerOptions } from '../delivery/circuit-breaker';

export interface ContractHubOptions {
  definition: ConnectorDefinition<TObject, unknown>;
  config: Record<string, unknown>;
  operations: Record<string, (nonce: string) => unknown>;
  circuit: CircuitBreakerOptions;
  retryAttempts: number;
}

export const CONTRACT_INSTANCE = 'under-test';

export function contractRouteId(operation: string): string {
  return `contract-${operation.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

export class ContractHub {
  private constructor(
    readonly hub: Hub,
    private readonly sql: PgliteClient,
  ) {}

  static async start(options: ContractHubOptions): Promise<ContractHub> {
    const mappings = new MappingRegistry();
    const routes: Route[] = Object.entries(options.operations).map(([operation, inputFor]) => {
      mappings.register({ id: `contract/${operation}`, from: 'TestPing', to: `${options.definition.id}.${operation} input`, map: (ping) => inputFor((ping as { nonce: string }).nonce) });
      return {
        id: contractRouteId(operation),
        file: 'contract-kit',
        // Each operation listens to its own subject so one ping reaches one operation.
        from: { type: 'test.ping', when: `subject = '${operation}'` },
        steps: [
          { kind: 'map', mapping: `contract/${operation}` },
          { kind: 'to', connector: CONTRACT_INSTANCE, operation },
        ],
        retry: { attempts: options.retryAttempts, baseDelayMs: 20, maxDelayMs: 100, maxAgeMs: 60_000 },
        timeoutMs: 5_000,
        orderingKey: 'none',
        concurrency: 4,
      };
    });
    const sql = await PgliteClient.open();
    const hub = new Hub({
      journal: new Journal(sql),
      transport: new MemoryTransport(),
      routes,
      matcher: (list) => new RouteTable(list),
      pure: pureStepServices(mappings),
      assertKnownType: assertKnownEventType,
      connectors: { [CONTRACT_INSTANCE]: { use: options.definition.id, config: options.config, circuit: options.circuit } },
      resolveConnector: () => options.definition,
      logger: silentLogger(),
    });
    await hub.start();
    return new ContractHub(hub, sql);
  }

  /** Send a test.ping for one operation; returns the message id. */
  async send(operation: string, nonce: string): Promise<string> {
    const envelope = createEnvelope({ type: 'test.ping', source: 'interline/contract-kit', subject: operation, data: { nonce, sentAt: new Date().toISOString() } });
    const result = await this.hub.ingress.submit(envelope);
    if (result.status !== 'accepted') throw new Error(`contract kit ping was not accepted: ${JSON.stringify(result)}`);
    return envelope.id;
  }

  async delivery(messageId: string, operation: string): Promise<DeliveryRecord | undefined> {
    const detail = await messageDetail(this.hub.journal.sql, messageId);
    return detail?.deliveries.find((d) => d.routeId === contractRouteId(operation));
  }

  /** Wait until the delivery reaches a final state (delivered, filtered or dead). */
  async settled(messageId: string, operation: string, timeoutMs = 15_000): Promise<DeliveryRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const delivery = await this.delivery(messageId, operation);
      if (delivery && ['delivered', 'filtered', 'dead'].includes(delivery.status)) return delivery;
      if (Date.now() > deadline) throw new Error(`delivery of ${messageId} via ${operation} did not settle within ${timeoutMs} ms (status ${delivery?.status ?? 'none'})`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    await this.hub.stop();
    await this.sql.close();
  }
}
