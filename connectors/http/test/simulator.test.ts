// The simulator on its own, over loopback: the control plane, what it records, what it refuses.
import { SimulatorControlClient } from '@interline/hub';
import { httpSimulator, SIMULATOR_BEARER_TOKEN } from '../src/simulator';
import type { HttpSimulatorHandle, HttpSimulatorState } from '../src/simulator';

let sim: HttpSimulatorHandle;
let control: SimulatorControlClient;

beforeAll(async () => {
  sim = await httpSimulator.start({}).then((handle) => handle as HttpSimulatorHandle);
  control = new SimulatorControlClient(sim.baseUrl);
});
afterAll(() => sim.stop());
beforeEach(() => control.reset());

const auth = { authorization: `Bearer ${SIMULATOR_BEARER_TOKEN}`, 'content-type': 'application/json' };

describe('http simulator', () => {
  it('listens on 127.0.0.1 with an ephemeral port and gives a config pointing at itself', () => {
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(httpSimulator.configFor(sim)).toEqual({ baseUrl: sim.baseUrl, bearerToken: SIMULATOR_BEARER_TOKEN, webhookSecret: expect.any(String) });
  });

  it('refuses writes and reads without credentials with 401, but serves /health openly', async () => {
    const write = await fetch(`${sim.baseUrl}/events`, { method: 'POST', body: '{}' });
    expect(write.status).toBe(401);
    expect(await write.json()).toEqual({ error: 'unauthorized', message: 'missing Authorization header: send "Bearer <token>" or Basic credentials' });
    expect((await fetch(`${sim.baseUrl}/events/1`)).status).toBe(401);
    expect((await fetch(`${sim.baseUrl}/health`)).status).toBe(200);
    const state = await control.state<HttpSimulatorState>();
    expect(state.requests).toHaveLength(3);
    expect(state.effects).toHaveLength(0);
  });

  it('distinguishes requests from effects and exposes the same state in process and over /__sim/state', async () => {
    const post = (key: string) => fetch(`${sim.baseUrl}/events`, { method: 'POST', headers: { ...auth, 'idempotency-key': key }, body: '{"n":1}' });
    expect((await post('k1')).status).toBe(201);
    const replay = await post('k1');
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await post('k2')).status).toBe(201);

    const state = await control.state<HttpSimulatorState>();
    expect(state).toEqual(sim.inspect());
    expect(state.requests).toHaveLength(3);
    expect(state.effects.map((effect) => effect.idempotencyKey)).toEqual(['k1', 'k2']);
    expect(state.requests[0]).toMatchObject({ operation: 'deliver', method: 'POST', path: '/events', body: { n: 1 }, idempotencyKey: 'k1', status: 201, replayed: false, fault: null });
    expect(state.requests[0]?.headers).not.toHaveProperty('authorization');
  });

  it('supports PUT (upsert) and PATCH (merge) as effects, and refuses invalid JSON', async () => {
    const send = (method: string, body: string, key: string) => fetch(`${sim.baseUrl}/parties/p1`, { method, headers: { ...auth, 'idempotency-key': key }, body });
    expect((await send('PATCH', '{"a":1}', 'p0')).status).toBe(404);
    expect((await send('PUT', '{"a":1,"b":1}', 'p1')).status).toBe(201);
    expect((await send('PATCH', '{"b":2}', 'p2')).status).toBe(200);
    expect((await send('POST', '{not json', 'p3')).status).toBe(400);
    const read = await fetch(`${sim.baseUrl}/parties/p1`, { headers: auth });
    expect(await read.json()).toEqual({ a: 1, b: 2 });
    expect((await control.state<HttpSimulatorState>()).effects).toHaveLength(2);
  });

  it('takes faults in process too, and reset clears them with the state', async () => {
    sim.faults.add({ kind: 'permanent', operation: 'health', times: -1 });
    expect((await fetch(`${sim.baseUrl}/health`)).status).toBe(422);
    expect(sim.inspect().requests[0]?.fault).toBe('permanent');
    sim.reset();
    expect((await fetch(`${sim.baseUrl}/health`)).status).toBe(200);
    expect(sim.inspect().requests).toHaveLength(1);
  });

  it('answers unknown control endpoints with a list of the real ones', async () => {
    const response = await fetch(`${sim.baseUrl}/__sim/nope`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toContain('/__sim/faults');
  });
});
