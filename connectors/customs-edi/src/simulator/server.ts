// The simulator's process side: a folder of its own holding the partner's inbox/outbox, a loop that
// collects from the outbox, and a node:http server on loopback for the shared /__sim control plane
// (the authority itself speaks files, not HTTP). GET /__sim/state collects first, so what it shows
// includes every file already in the outbox.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensurePartnerFolders, handleControlRequest, sendJson } from '@interline/hub';
import type { SimulatorHandle } from '@interline/hub';
import { CustomsAuthority } from './authority';
import type { AuthorityState } from './authority-state';
import { SIMULATED_PARTNER } from './identity';

export interface CustomsSimulatorHandle extends SimulatorHandle {
  /** The exchange root the simulator serves; point the connector (and the file exchange) at it. */
  root: string;
  partner: string;
  authority: CustomsAuthority;
  inspect(): Promise<AuthorityState>;
}

export interface CustomsSimulatorOptions {
  host?: string;
  port?: number;
  /** Serve this root instead of a new temporary folder (which is removed on stop). */
  root?: string;
  partner?: string;
  /** How often the outbox is collected; 100 ms by default. */
  pollIntervalMs?: number;
}

export async function startCustomsSimulator(options: CustomsSimulatorOptions = {}): Promise<CustomsSimulatorHandle> {
  const ownRoot = options.root === undefined;
  const root = options.root ?? (await mkdtemp(path.join(tmpdir(), 'interline-customs-sim-')));
  const partner = options.partner ?? SIMULATED_PARTNER;
  const authority = new CustomsAuthority(await ensurePartnerFolders(root, partner));
  const control = { faults: authority.faults, inspect: () => authority.inspect(), reset: () => authority.reset() };

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulator');
    if (request.method === 'GET' && url.pathname === '/__sim/state') {
      await authority.collect();
      sendJson(response, 200, authority.inspect());
      return;
    }
    if (await handleControlRequest(control, request, response)) return;
    sendJson(response, 404, { error: 'not_found', message: `the customs simulator speaks files under ${root}/${partner}; HTTP serves only /__sim (faults, state, reset)` });
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: 'simulator_failure', message: error instanceof Error ? error.message : String(error) });
      else response.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let stopped = false;
  let loop: NodeJS.Timeout | undefined;
  const tick = (): void => {
    loop = setTimeout(() => {
      void authority.collect().finally(() => {
        if (!stopped) tick();
      });
    }, options.pollIntervalMs ?? 100);
  };
  tick();

  return {
    baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    root,
    partner,
    fileExchange: { root, partner },
    authority,
    inspect: async () => {
      await authority.collect();
      return authority.inspect();
    },
    stop: async () => {
      stopped = true;
      clearTimeout(loop);
      authority.stop();
      await authority.collect().catch(() => undefined);
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      if (ownRoot) await rm(root, { recursive: true, force: true });
    },
  };
}
