// health: GET healthPath on the real simulator; down (not thrown) when it is unreachable or failing.
import { SimulatorControlClient } from '@interline/hub';
import { httpConnector } from '../src';
import { httpSimulator, startHttpSimulator } from '../src/simulator';
import type { HttpSimulatorState } from '../src/simulator';
import { connect, connectorContext } from './harness';

describe('health', () => {
  it('is up with latency while the simulator runs, and down once it is stopped', async () => {
    const sim = await startHttpSimulator();
    const client = await connect(httpSimulator.configFor(sim));
    try {
      const up = await httpConnector.health(client, connectorContext());
      expect(up).toMatchObject({ status: 'up', detail: 'HTTP 200' });
      expect(up.latencyMs).toEqual(expect.any(Number));
      const [request] = (await new SimulatorControlClient(sim.baseUrl).state<HttpSimulatorState>()).requests;
      expect(request).toMatchObject({ operation: 'health', method: 'GET', path: '/health' });
    } finally {
      await sim.stop();
    }
    const down = await httpConnector.health(client, connectorContext());
    expect(down.status).toBe('down');
    expect(down.detail).toContain('could not reach the server');
    expect(down.latencyMs).toEqual(expect.any(Number));
  });

  it('is down when the health endpoint answers 503, and uses healthPath when configured', async () => {
    const sim = await startHttpSimulator();
    try {
      await new SimulatorControlClient(sim.baseUrl).fault({ kind: 'transient', operation: 'health' });
      const client = await connect(httpSimulator.configFor(sim));
      await expect(httpConnector.health(client, connectorContext())).resolves.toMatchObject({ status: 'down', detail: expect.stringContaining('HTTP 503') });

      const custom = await connect({ ...httpSimulator.configFor(sim), healthPath: '/status' });
      // The simulator serves /health only; /status is an (authenticated) read that finds nothing.
      await expect(httpConnector.health(custom, connectorContext())).resolves.toMatchObject({ status: 'down', detail: expect.stringContaining('/status') });
    } finally {
      await sim.stop();
    }
  });
});
