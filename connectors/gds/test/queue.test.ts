// Queue polling: a PNR another agent makes lands on the queue and comes out as pnr.created (a valid
// canonical Pnr), a later change as pnr.changed, each queue item removed only after its event was
// accepted; and in a real hub the poller journals the pnr.created event.
import { PnrSchema, Pollers, check } from '@interline/hub';
import { ContractHub } from '@interline/hub/testing';
import { gdsConnector, pollQueue, simulatorConfigFor } from './queue-support';
import type { Emitted } from './harness';
import { startRig } from './harness';
import type { Rig } from './harness';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(() => rig.stop());

async function agentPnr(baseUrl: string, surname: string): Promise<string> {
  const response = await fetch(`${baseUrl}/__sim/pnrs`, {
    method: 'POST',
    body: JSON.stringify({ passengers: [{ surname, firstName: 'OLA', type: 'ADT' }], segments: [{ carrier: 'LH', flightNumber: '902', classOfService: 'Y', date: '2026-05-05' }], contact: '+47 22 00 00 00' }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { locator: string }).locator;
}

function collector(): { events: Emitted[]; emit: (event: Emitted) => Promise<void> } {
  const events: Emitted[] = [];
  return { events, emit: async (event) => void events.push(event) };
}

describe('queue source', () => {
  it('emits pnr.created, then pnr.changed after another agent changes the PNR, and empties the queue', async () => {
    const locator = await agentPnr(rig.sim.baseUrl, 'NORDMANN');
    const { events, emit } = collector();
    const ctx = { logger: rig.client.logger, state: rig.state, emit };
    expect(await pollQueue(rig.client, ctx)).toMatchObject({ read: 1, created: 1 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'pnr.created', subject: (events[0]?.data as { id: string }).id });
    expect(check(PnrSchema, events[0]?.data)).toMatchObject({ ok: true });
    expect(events[0]?.data).toMatchObject({ recordLocators: [{ locator, system: '1A', kind: 'gds' }, { system: 'LH', kind: 'airline' }], passengers: [{ surname: 'NORDMANN', givenNames: 'OLA' }] });
    expect(rig.sim.world.queues.get(50)).toEqual([]);

    expect(await pollQueue(rig.client, ctx)).toMatchObject({ read: 0 });
    await fetch(`${rig.sim.baseUrl}/__sim/pnrs/${locator}/changes`, { method: 'POST', body: JSON.stringify({ status: 'HX', remark: 'flight cancelled by carrier' }) });
    expect(await pollQueue(rig.client, ctx)).toMatchObject({ read: 1, changed: 1 });
    expect(events[1]).toMatchObject({ type: 'pnr.changed', data: { segments: [{ status: 'HX' }], remarks: [{ type: 'general', text: 'FLIGHT CANCELLED BY CARRIER' }] } });
    expect(events[1]?.id).not.toBe(events[0]?.id);
  });

  it('keeps the item on the queue when the event is not accepted, and emits the same id next time', async () => {
    const locator = await agentPnr(rig.sim.baseUrl, 'REDELIVERY');
    const failing = { logger: rig.client.logger, state: rig.state, emit: async () => Promise.reject(new Error('journal unavailable')) };
    await expect(pollQueue(rig.client, failing)).rejects.toThrow('journal unavailable');
    expect(rig.sim.world.queues.get(50)).toContain(locator);
    const { events, emit } = collector();
    await pollQueue(rig.client, { logger: rig.client.logger, state: rig.state, emit });
    expect(events.map((e) => e.type)).toEqual(['pnr.created']);
    expect(rig.sim.world.queues.get(50)).not.toContain(locator);
  });
});

describe('queue source in a hub', () => {
  it('a PNR created on the simulator surfaces as a journaled pnr.created event', async () => {
    const hub = await ContractHub.start({ definition: gdsConnector, config: simulatorConfigFor(rig), operations: {}, circuit: { failureThreshold: 3, cooldownMs: 400 }, retryAttempts: 1 });
    const pollers = new Pollers(hub.hub);
    try {
      pollers.start();
      const locator = await agentPnr(rig.sim.baseUrl, 'JOURNALED');
      const deadline = Date.now() + 8_000;
      let rows: Array<{ type: string; envelope: { data: { recordLocators: Array<{ locator: string }> } } }> = [];
      while (Date.now() < deadline) {
        rows = (await hub.hub.journal.sql.query<(typeof rows)[number]>("select type, envelope from messages where type = 'pnr.created'")).rows;
        if (rows.some((r) => r.envelope.data.recordLocators[0]?.locator === locator)) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(rows.map((r) => r.envelope.data.recordLocators[0]?.locator)).toContain(locator);
    } finally {
      await pollers.stop();
      await hub.stop();
    }
  });
});
