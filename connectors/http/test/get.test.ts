// get against the real simulator: reads stored resources, sends the query, has no side effect.
import { PermanentError, SimulatorControlClient } from '@interline/hub';
import { httpConnector } from '../src';
import { httpSimulator, startHttpSimulator } from '../src/simulator';
import type { HttpSimulatorHandle, HttpSimulatorState } from '../src/simulator';
import { connect, failure, operationContext, runOperation } from './harness';

let sim: HttpSimulatorHandle;
let control: SimulatorControlClient;

beforeAll(async () => {
  sim = await startHttpSimulator();
  control = new SimulatorControlClient(sim.baseUrl);
});
afterAll(() => sim.stop());
beforeEach(() => control.reset());

describe('get', () => {
  it('is declared without a side effect, deliver with one', () => {
    expect(httpConnector.operations.get?.sideEffect).toBe(false);
    expect(httpConnector.operations.deliver?.sideEffect).toBe(true);
  });

  it('returns the stored resource and a collection of what was posted', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    await runOperation(client, 'deliver', { n: 1 }, operationContext({ idempotencyKey: 'a' }));
    await runOperation(client, 'deliver', { n: 2 }, operationContext({ idempotencyKey: 'b' }));

    await expect(runOperation(client, 'get', { path: '/events/2' })).resolves.toEqual({ status: 200, body: { n: 2 } });
    await expect(runOperation(client, 'get', { path: '/events' })).resolves.toEqual({
      status: 200,
      body: { items: [{ path: '/events/1', body: { n: 1 } }, { path: '/events/2', body: { n: 2 } }] },
    });
    const state = await control.state<HttpSimulatorState>();
    expect(state.requests.filter((request) => request.operation === 'get')).toHaveLength(2);
    expect(state.effects).toHaveLength(2);
  });

  it('appends query parameters, URL-encoded', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    await runOperation(client, 'deliver', { n: 1 });
    await runOperation(client, 'get', { path: '/events/1', query: { status: 'in transit', limit: 5, full: true } });
    const request = (await control.state<HttpSimulatorState>()).requests.find((r) => r.operation === 'get');
    expect(request?.query).toBe('?status=in+transit&limit=5&full=true');
    expect(request?.headers['idempotency-key']).toBe('msg-1:route-a:step-2');
  });

  it('turns 404 into a PermanentError that names the request', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    const error = await failure(runOperation(client, 'get', { path: '/events/404' }));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain(`HTTP GET ${sim.baseUrl}/events/404 was rejected with HTTP 404`);
  });
});
