// The shared connector contract, run against the http connector's simulator through a real hub.
import { describeConnectorContract } from '@interline/hub/testing';
import { httpConnector } from '../src';
import type { HttpSimulatorState } from '../src/testing';

describeConnectorContract<HttpSimulatorState>({
  definition: httpConnector,
  operations: {
    deliver: { input: (nonce) => ({ nonce, kind: 'contract-kit' }) },
    get: { input: () => ({ path: '/health' }) },
  },
  faultOperation: 'deliver',
  countEffects: (state) => state.effects.length,
  invalidConfigs: [
    { config: { baseUrl: 'not a url' }, path: '/baseUrl' },
    { config: {}, path: '/baseUrl' },
    { config: { baseUrl: 'http://127.0.0.1:1', timeoutMs: -5 }, path: '/timeoutMs' },
  ],
});
