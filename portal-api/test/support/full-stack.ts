// The whole embedded runtime for end-to-end tests: a hub with the repository's portal routes, the
// generic http connector's simulator standing in for the airline, ONE Record, Odoo and the payment
// provider, and the portal connector calling this portal back with a service token.
import { httpConnector } from '@interline/connector-http';
import type { HttpSimulatorHandle } from '@interline/connector-http/testing';
import type { TObject } from '@sinclair/typebox';
import type { ConnectorDefinition } from '@interline/hub';
import { portalConnector } from '../../src';
import { startHarness } from './harness';
import type { Harness } from './harness';

export const STAND_INS = ['airline', 'onerecord', 'odoo', 'payments'] as const;
export type StandIn = (typeof STAND_INS)[number];

export interface FullStack extends Harness {
  simulator(name: StandIn): HttpSimulatorHandle;
  /** Event types the stand-in received and answered with success, in order. */
  delivered(name: StandIn): string[];
}

export async function startFullStack(): Promise<FullStack> {
  const http = httpConnector as unknown as ConnectorDefinition<TObject, unknown>;
  const h = await startHarness({
    portalRoutes: true,
    connectors: (portal) => ({
      ...Object.fromEntries(STAND_INS.map((name) => [name, { definition: http, simulator: true }])),
      portal: { definition: portalConnector as unknown as ConnectorDefinition<TObject, unknown>, config: { baseUrl: portal.url, token: portal.token } },
    }),
    portal: { workers: { supervisor: { intervalMs: 100 }, relay: { intervalMs: 50 } } },
  });
  const simulator = (name: StandIn): HttpSimulatorHandle => {
    const handle = h.hub.hub.connectors.get(name)?.simulator as HttpSimulatorHandle | undefined;
    if (!handle) throw new Error(`no simulator for connector '${name}'`);
    return handle;
  };
  return {
    ...h,
    simulator,
    delivered: (name) =>
      simulator(name)
        .inspect()
        .requests.filter((r) => r.operation === 'deliver' && r.status !== null && r.status < 300 && !r.replayed)
        .map((r) => String(r.headers['ce-type'])),
  };
}
