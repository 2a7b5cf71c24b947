// The portal's saga and updates through a real hub: the repository's portal routes, with the generic
// http connector's simulator standing in for the airline, ONE Record, Odoo and the payment provider
// (every step becomes `<stand-in>.deliver` of the event itself), and the portal connector calling this
// portal back with a service token. The same routes against the real connectors and their simulators
// run in cli/test/e2e/embedded-runtime.test.ts.
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
    portalRoutes: { rewrite: toStandIns },
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

/** `- to: odoo.createSaleOrder` + `with: odoo/order-to-sale-order` → `- to: odoo.deliver` for the stand-ins. */
function toStandIns(text: string): string {
  const names = STAND_INS.join('|');
  return text
    .replace(new RegExp(`^(\\s*)- to: (${names})\\.[A-Za-z]+\\n\\s*with: \\S+$`, 'gm'), '$1- to: $2.deliver')
    .replace(new RegExp(`^(\\s*)- to: (${names})\\.[A-Za-z]+$`, 'gm'), '$1- to: $2.deliver');
}
