// deliver against the real simulator: the effect lands, the headers say what it is, and the
// Idempotency-Key makes a redelivery (including one after a lost response) a no-op.
import { PermanentError, SimulatorControlClient, TransientError } from '@interline/hub';
import { httpSimulator, SIMULATOR_BASIC, startHttpSimulator } from '../src/simulator';
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

const booking = { waybill: '020-12345675', pieces: 2, weightKg: 120.5 };

describe('deliver', () => {
  it('POSTs the current value as JSON to deliverPath and returns the status and body', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    const result = await runOperation(client, 'deliver', booking);

    expect(result).toEqual({ status: 201, body: { id: '1', resource: '/events/1' } });
    const state = await control.state<HttpSimulatorState>();
    expect(state.effects).toHaveLength(1);
    expect(state.effects[0]).toMatchObject({ method: 'POST', path: '/events', resource: '/events/1', idempotencyKey: 'msg-1:route-a:step-2', body: booking });
    // The stored resource can be read back.
    await expect(runOperation(client, 'get', { path: '/events/1' })).resolves.toEqual({ status: 200, body: booking });
  });

  it('sends the Idempotency-Key, JSON content type and CloudEvents headers, and the simulator keeps no credentials', async () => {
    const client = await connect({ ...httpSimulator.configFor(sim), headers: { 'x-partner': 'acme' } });
    await runOperation(client, 'deliver', booking, operationContext({ idempotencyKey: 'key-headers' }));

    const [request] = (await control.state<HttpSimulatorState>()).requests;
    expect(request?.idempotencyKey).toBe('key-headers');
    expect(request?.headers).toMatchObject({
      'idempotency-key': 'key-headers',
      'content-type': 'application/json',
      'x-partner': 'acme',
      'ce-specversion': '1.0',
      'ce-id': '0190a4b2-0000-7000-8000-000000000001',
      'ce-type': 'shipment.status-changed',
      'ce-source': 'interline/test',
      'ce-subject': '020-12345675',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
    expect(request?.headers).not.toHaveProperty('authorization');
    expect(JSON.stringify(await control.state())).not.toContain('sim-http-bearer-token');
  });

  it('percent-encodes CloudEvents header values that are not printable ASCII', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    const ctx = operationContext();
    await runOperation(client, 'deliver', booking, { ...ctx, envelope: { ...ctx.envelope, subject: 'Zürich hub "A"' } });
    const [request] = (await control.state<HttpSimulatorState>()).requests;
    expect(request?.headers['ce-subject']).toBe('Z%C3%BCrich%20hub%20%22A%22');
  });

  it('posts to a configured deliverPath under a baseUrl with a path prefix', async () => {
    const client = await connect({ ...httpSimulator.configFor(sim), baseUrl: `${sim.baseUrl}/api/v1/`, deliverPath: '/bookings' });
    await runOperation(client, 'deliver', booking);
    const [effect] = (await control.state<HttpSimulatorState>()).effects;
    expect(effect?.path).toBe('/api/v1/bookings');
  });

  it('delivers any JSON value, including arrays and null', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    await runOperation(client, 'deliver', [1, 2, 3], operationContext({ idempotencyKey: 'k-array' }));
    await runOperation(client, 'deliver', null, operationContext({ idempotencyKey: 'k-null' }));
    const state = await control.state<HttpSimulatorState>();
    expect(state.effects.map((effect) => effect.body)).toEqual([[1, 2, 3], null]);
  });

  it('authenticates with basic credentials', async () => {
    const { bearerToken: _token, ...config } = httpSimulator.configFor(sim);
    const client = await connect({ ...config, basic: { ...SIMULATOR_BASIC } });
    await expect(runOperation(client, 'deliver', booking)).resolves.toMatchObject({ status: 201 });
  });

  it('makes one effect when the same Idempotency-Key is delivered twice, and replays the first answer', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    const ctx = operationContext({ idempotencyKey: 'msg-7:route-a:step-2' });
    const first = await runOperation(client, 'deliver', booking, ctx);
    const second = await runOperation(client, 'deliver', booking, { ...ctx, attempt: 2 });

    expect(second).toEqual(first);
    const state = await control.state<HttpSimulatorState>();
    expect(state.requests).toHaveLength(2);
    expect(state.requests.map((request) => request.replayed)).toEqual([false, true]);
    expect(state.effects).toHaveLength(1);
  });

  it('keeps one effect when the response to the first attempt is lost (afterEffect reset) and the retry uses the same key', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    await control.fault({ kind: 'reset', operation: 'deliver', afterEffect: true });
    const ctx = operationContext({ idempotencyKey: 'msg-8:route-a:step-2' });

    const lost = await failure(runOperation(client, 'deliver', booking, ctx));
    expect(lost).toBeInstanceOf(TransientError);
    expect((await control.state<HttpSimulatorState>()).effects).toHaveLength(1);

    await expect(runOperation(client, 'deliver', booking, { ...ctx, attempt: 2 })).resolves.toEqual({ status: 201, body: { id: '1', resource: '/events/1' } });
    const state = await control.state<HttpSimulatorState>();
    expect(state.requests).toHaveLength(2);
    expect(state.requests[0]?.fault).toBe('reset (after effect)');
    expect(state.effects).toHaveLength(1);
  });

  it('keeps one effect when an afterEffect 503 replaces the answer', async () => {
    const client = await connect(httpSimulator.configFor(sim));
    await control.fault({ kind: 'transient', operation: 'deliver', afterEffect: true });
    const ctx = operationContext({ idempotencyKey: 'msg-9:route-a:step-2' });
    expect(await failure(runOperation(client, 'deliver', booking, ctx))).toBeInstanceOf(TransientError);
    await runOperation(client, 'deliver', booking, ctx);
    expect((await control.state<HttpSimulatorState>()).effects).toHaveLength(1);
  });

  it('refuses a path that would leave baseUrl, before any request is made', async () => {
    const client = await connect({ ...httpSimulator.configFor(sim), baseUrl: `${sim.baseUrl}/api`, deliverPath: '/../admin' });
    const error = await failure(runOperation(client, 'deliver', booking));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain('resolves outside baseUrl');
    expect((await control.state<HttpSimulatorState>()).requests).toHaveLength(0);
  });
});
