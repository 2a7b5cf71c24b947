// Every way an HTTP exchange fails, produced by the real simulator, maps onto the hub's error classes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError, PermanentError, SimulatorControlClient, TimeoutError, TransientError } from '@interline/hub';
import type { TransientError as TransientErrorType } from '@interline/hub';
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

describe('errors', () => {
  it('401 from wrong credentials → AuthError naming the credentials, no effect', async () => {
    const client = await connect({ ...httpSimulator.configFor(sim), bearerToken: 'not-the-token' });
    const error = await failure(runOperation(client, 'deliver', { a: 1 }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain("check the connector's credentials");
    expect(error.message).toContain('the bearer token is not valid');
    expect(error.message).not.toContain('not-the-token');
    expect((await control.state<HttpSimulatorState>()).effects).toHaveLength(0);
  });

  it('401 without any credentials configured → AuthError', async () => {
    const { bearerToken: _token, ...config } = httpSimulator.configFor(sim);
    const client = await connect(config);
    const error = await failure(runOperation(client, 'get', { path: '/events' }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('missing Authorization header');
  });

  it('503 → TransientError carrying the Retry-After hint', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    await control.fault({ kind: 'transient', operation: 'deliver' });
    const error = await failure(runOperation(client, 'deliver', { a: 1 }));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toContain('failed with HTTP 503; will retry');
    // The shared fault helper always answers Retry-After: 0; the point is that the header was read.
    expect((error as TransientErrorType).retryAfterMs).toBe(0);
    expect((await control.state<HttpSimulatorState>()).effects).toHaveLength(0);
    // The fault was used up: the retry goes through.
    await expect(runOperation(client, 'deliver', { a: 1 })).resolves.toMatchObject({ status: 201 });
  });

  it('422 → PermanentError', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    await control.fault({ kind: 'permanent', operation: 'deliver' });
    const error = await failure(runOperation(client, 'deliver', { a: 1 }));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain('rejected with HTTP 422');
  });

  it('faults apply per operation: a deliver fault leaves get alone', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    await runOperation(client, 'deliver', { a: 1 });
    await control.fault({ kind: 'permanent', operation: 'deliver' });
    await expect(runOperation(client, 'get', { path: '/events/1' })).resolves.toEqual({ status: 200, body: { a: 1 } });
    expect(await failure(runOperation(client, 'deliver', { a: 2 }, operationContext({ idempotencyKey: 'other' })))).toBeInstanceOf(PermanentError);
  });

  it('no answer within timeoutMs → TimeoutError', async () => {
    const client = await connect({ ...httpSimulator.configFor(sim), timeoutMs: 100 });
    await control.fault({ kind: 'timeout', operation: 'deliver', delayMs: 800 });
    const started = Date.now();
    const error = await failure(runOperation(client, 'deliver', { a: 1 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain('timed out');
    expect(Date.now() - started).toBeLessThan(700);
    await new Promise((resolve) => setTimeout(resolve, 800)); // let the simulator's held request finish
  });

  it("the step's own signal timing out → TimeoutError; being cancelled → TransientError", async () => {
    const client = await connect(httpSimulator.configFor(sim));
    await control.fault({ kind: 'timeout', operation: 'get', delayMs: 300, times: 2 });
    const timedOut = await failure(runOperation(client, 'get', { path: '/x' }, operationContext({ signal: AbortSignal.timeout(50) })));
    expect(timedOut).toBeInstanceOf(TimeoutError);

    const controller = new AbortController();
    const pending = failure(runOperation(client, 'get', { path: '/x' }, operationContext({ signal: controller.signal })));
    setTimeout(() => controller.abort(), 50);
    const cancelled = await pending;
    expect(cancelled).toBeInstanceOf(TransientError);
    await new Promise((resolve) => setTimeout(resolve, 300));
  });

  it('connection reset → TransientError', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    await control.fault({ kind: 'reset', operation: 'deliver' });
    const error = await failure(runOperation(client, 'deliver', { a: 1 }));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toContain('could not reach the server');
    expect((await control.state<HttpSimulatorState>()).effects).toHaveLength(0);
  });

  it('connection refused → TransientError', async () => {
    const stopped = await startHttpSimulator();
    await stopped.stop();
    const client = await connect(httpSimulator.configFor(stopped));
    expect(await failure(runOperation(client, 'deliver', { a: 1 }))).toBeInstanceOf(TransientError);
  });

  it('a redirect is not followed → PermanentError naming the target, and the target sees nothing', async () => {
    let targetHits = 0;
    const target = createServer((_req, res) => {
      targetHits += 1;
      res.end('{}');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/collect`;
    const redirector = createServer((_req, res) => {
      res.writeHead(307, { location: targetUrl });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    try {
      const client = await connect({ baseUrl: `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`, headers: { 'x-api-key': 'k' } });
      const error = await failure(runOperation(client, 'deliver', { a: 1 }));
      expect(error).toBeInstanceOf(PermanentError);
      expect(error.message).toContain(`redirect (HTTP 307 to ${targetUrl})`);
      expect(targetHits).toBe(0);
    } finally {
      redirector.closeAllConnections();
      target.closeAllConnections();
      await Promise.all([new Promise((resolve) => redirector.close(resolve)), new Promise((resolve) => target.close(resolve))]);
    }
  });

  it('reusing an Idempotency-Key with a different body → PermanentError (422 from the API)', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    const ctx = operationContext({ idempotencyKey: 'reused' });
    await runOperation(client, 'deliver', { a: 1 }, ctx);
    const error = await failure(runOperation(client, 'deliver', { a: 2 }, ctx));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain('already used with a different method, path or body');
  });
});
