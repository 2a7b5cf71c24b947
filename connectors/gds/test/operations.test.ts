// The operations against the simulator over real SOAP: booking (with infant, DOCS, AP, TK TL), reading
// back, availability, waitlists and failed sells as results, idempotency after a lost answer and a
// session that expired mid-flow, busy commits, and sign-in refusal.
import { PnrSchema, check, silentLogger } from '@interline/hub';
import type { Pnr } from '@interline/hub';
import { gdsConnector } from '../src';
import type { AvailableFlight, CreatePnrResult } from '../src';
import { SimulatorControlClient } from '@interline/hub';
import { bookingInput, failure, operationContext, runOperation, startRig, uniqueSurname } from './harness';
import type { Rig } from './harness';

let rig: Rig;
let control: SimulatorControlClient;
beforeAll(async () => {
  rig = await startRig();
  control = new SimulatorControlClient(rig.sim.baseUrl);
});
afterAll(() => rig.stop());
beforeEach(() => control.clearFaults());

const apiPnrs = () => rig.sim.world.effects.length;

describe('createPnr', () => {
  it('books passengers with type codes, an infant, DOCS, AP, TK TL and remarks, and returns a valid canonical Pnr', async () => {
    const surname = uniqueSurname('book1');
    const result = await runOperation<CreatePnrResult>(rig.client, 'createPnr', bookingInput('pnr-book-1', surname));
    expect(check(PnrSchema, result.pnr)).toMatchObject({ ok: true });
    expect(result.replayed).toBe(false);
    expect(result.pnr.id).toBe('pnr-book-1');
    expect(result.pnr.recordLocators).toEqual([
      { locator: result.locator, system: '1A', kind: 'gds' },
      { locator: expect.stringMatching(/^[A-Z0-9]{6}$/), system: 'LH', kind: 'airline' },
    ]);
    expect(result.pnr.passengers.map((p) => [p.type, p.givenNames, p.title, p.infantOf])).toEqual([
      ['ADT', 'ERIKA', 'MRS', undefined],
      ['INF', 'LINA', undefined, 'P1'],
      ['ADT', 'MAX', 'MR', undefined],
    ]);
    expect(result.pnr.passengers[0]?.documents).toEqual([{ type: 'passport', number: 'C01X00T47', issuingCountry: 'DE', nationality: 'DE', expiryDate: '2030-08-11' }]);
    expect(result.pnr.segments).toEqual([expect.objectContaining({ carrier: 'LH', flightNumber: '400', status: 'HK', departure: '2026-03-14T10:35', arrival: '2026-03-14T13:25' })]);
    expect(result.pnr.contacts).toEqual([{ type: 'email', value: 'erika@example.com', passengerId: 'P1' }]);
    expect(result.pnr.remarks).toEqual([{ type: 'general', text: 'BASSINET REQUESTED' }]);
    expect(result.pnr.ticketingTimeLimit).toBe('2026-03-12T22:59:00Z');
    expect(result.pnr.warnings).toEqual([]);
    const stored = rig.sim.world.pnrs.get(result.locator);
    expect(stored?.createdBy).toBe('api');
  });

  it('keeps a waitlisted segment (HL) and a segment the carrier could not sell (UNS) in the Pnr, with warnings', async () => {
    const surname = uniqueSurname('wait1');
    const result = await runOperation<CreatePnrResult>(
      rig.client,
      'createPnr',
      bookingInput('pnr-wait-1', surname, [
        { id: 'S1', carrier: 'LH', flightNumber: '590', classOfService: 'J', origin: 'FRA', destination: 'NBO', departure: '2026-03-18T10:20' },
        { id: 'S2', carrier: 'XX', flightNumber: '9999', classOfService: 'Y', origin: 'NBO', destination: 'LHR', departure: '2026-03-21T23:55' },
      ]),
    );
    expect(check(PnrSchema, result.pnr)).toMatchObject({ ok: true });
    expect(result.pnr.segments.map((s) => [`${s.carrier}${s.flightNumber}`, s.status])).toEqual([
      ['LH590', 'HL'],
      ['XX9999', 'UN'],
    ]);
    expect(result.pnr.warnings).toEqual([
      expect.objectContaining({ kind: 'waitlisted', code: 'HL', segmentId: result.pnr.segments[0]?.id }),
      expect.objectContaining({ kind: 'sell-failed', code: 'UNS', segmentId: result.pnr.segments[1]?.id, text: expect.stringContaining('DOES NOT OPERATE') }),
    ]);
  });

  it('a redelivery after a lost answer finds the PNR it created instead of booking again', async () => {
    const surname = uniqueSurname('lost1');
    const before = apiPnrs();
    await control.fault({ kind: 'transient', operation: 'PNR_AddMultiElements', afterEffect: true, times: 1 });
    const ctx = operationContext();
    const lost = await failure(runOperation(rig.client, 'createPnr', bookingInput('pnr-lost-1', surname), ctx));
    expect(lost).toMatchObject({ errorClass: 'transient' });
    expect(apiPnrs() - before).toBe(1);
    // The hub redelivers with the same key and a fresh binding store view (nothing was bound).
    const again = await runOperation<CreatePnrResult>(rig.client, 'createPnr', bookingInput('pnr-lost-1', surname), operationContext({ idempotencyKey: ctx.idempotencyKey }));
    expect(again.replayed).toBe(true);
    expect(apiPnrs() - before).toBe(1);
    expect(rig.sim.world.pnrs.get(again.locator)?.passengers.map((p) => p.surname)).toEqual([surname, surname]);
  });

  it('a session that expires mid-flow is replaced and the flow redone: one PNR', async () => {
    const surname = uniqueSurname('exp1');
    const before = apiPnrs();
    // The session dies on its third call: after the search, before the end of transaction.
    await fetch(`${rig.sim.baseUrl}/__sim/session-faults`, { method: 'POST', body: JSON.stringify({ kind: 'expired', operation: 'PNR_AddMultiElements', afterCalls: 2 }) });
    const result = await runOperation<CreatePnrResult>(rig.client, 'createPnr', bookingInput('pnr-exp-1', surname));
    expect(result.replayed).toBe(false);
    expect(apiPnrs() - before).toBe(1);
    expect(rig.sim.world.calls.some((c) => c.fault === '95|Session|Inactive conversation')).toBe(true);
    expect([...rig.sim.world.pnrs.values()].filter((p) => p.passengers.some((n) => n.surname === surname))).toHaveLength(1);
  });

  it('an out-of-sequence session is replaced as well', async () => {
    const surname = uniqueSurname('seq1');
    const before = apiPnrs();
    await fetch(`${rig.sim.baseUrl}/__sim/session-faults`, { method: 'POST', body: JSON.stringify({ kind: 'out-of-sequence', afterCalls: 1 }) });
    await runOperation<CreatePnrResult>(rig.client, 'createPnr', bookingInput('pnr-seq-1', surname));
    expect(apiPnrs() - before).toBe(1);
    expect(rig.sim.world.calls.some((c) => c.fault === '93|Session|Illogical conversation')).toBe(true);
  });

  it('a busy PNR (simultaneous changes) is committed by a second end of transaction and reported as a warning', async () => {
    const surname = uniqueSurname('busy1');
    await fetch(`${rig.sim.baseUrl}/__sim/busy`, { method: 'POST', body: JSON.stringify({ times: 1 }) });
    const segments = [{ id: 'S1', carrier: 'LH', flightNumber: '902', classOfService: 'Y', origin: 'FRA', destination: 'LHR', departure: '2026-04-02T09:00' }];
    const result = await runOperation<CreatePnrResult>(rig.client, 'createPnr', bookingInput('pnr-busy-1', surname, segments));
    expect(result.pnr.warnings).toEqual([expect.objectContaining({ kind: 'busy', code: '8111', text: expect.stringContaining('SIMULTANEOUS CHANGES') })]);
  });

  it('a PNR that stays busy is not booked and the step is retried later (transient)', async () => {
    const before = apiPnrs();
    await fetch(`${rig.sim.baseUrl}/__sim/busy`, { method: 'POST', body: JSON.stringify({ times: 2 }) });
    const error = await failure(runOperation(rig.client, 'createPnr', bookingInput('pnr-busy-2', uniqueSurname('busy2'))));
    expect(error).toMatchObject({ errorClass: 'transient', message: expect.stringContaining('SIMULTANEOUS CHANGES') });
    expect(apiPnrs() - before).toBe(0);
  });

  it('the second createPnr of a bound canonical id reads the PNR back instead of booking', async () => {
    const ctx = operationContext();
    const first = await runOperation<CreatePnrResult>(rig.client, 'createPnr', bookingInput('pnr-bound-1', uniqueSurname('bound1')), ctx);
    const before = apiPnrs();
    const second = await runOperation<CreatePnrResult>(rig.client, 'createPnr', bookingInput('pnr-bound-1', uniqueSurname('bound1')), operationContext({ bindings: ctx.bindings }));
    expect(second).toMatchObject({ locator: first.locator, replayed: true });
    expect(apiPnrs()).toBe(before);
  });
});

describe('retrievePnr and availability', () => {
  it('reads the seeded PNR with both locators, the ticket and the DOCS document', async () => {
    const pnr = await runOperation<Pnr>(rig.client, 'retrievePnr', { locator: 'XK7P2Q' });
    expect(check(PnrSchema, pnr)).toMatchObject({ ok: true });
    expect(pnr.recordLocators).toEqual([
      { locator: 'XK7P2Q', system: '1A', kind: 'gds' },
      { locator: 'LH4Z8M', system: 'LH', kind: 'airline' },
    ]);
    expect(pnr.tickets).toEqual([{ number: '2201234567890', kind: 'ticket', passengerId: 'P1', status: 'issued', issuedAt: '2025-02-01T00:00:00Z' }]);
    expect(pnr.passengers[0]).toMatchObject({ surname: 'MUSTERMANN', givenNames: 'ERIKA', title: 'MRS', gender: 'F', dateOfBirth: '1982-08-12' });
    expect(pnr.createdAt).toBe('2025-01-30T18:22:00Z');
  });

  it('an unknown locator is a permanent error that names it', async () => {
    const error = await failure(runOperation(rig.client, 'retrievePnr', { locator: 'NOSUCH' }));
    expect(error).toMatchObject({ errorClass: 'permanent', message: expect.stringContaining('PNR NOSUCH was not found') });
  });

  it('lists flights with seats per class; a full class shows 0', async () => {
    const { flights } = await runOperation<{ flights: AvailableFlight[] }>(rig.client, 'availability', { origin: 'FRA', destination: 'NBO', date: '2026-05-01' });
    expect(flights).toEqual([
      { carrier: 'LH', flightNumber: '590', origin: 'FRA', destination: 'NBO', departure: '2026-05-01T10:20', arrival: '2026-05-01T19:30', classes: [{ classOfService: 'J', seats: 0 }, { classOfService: 'Y', seats: 9 }] },
    ]);
  });
});

describe('sign-in', () => {
  it('a wrong password is refused by the simulator\'s digest check and reported as an auth error', async () => {
    const bad = await startRig();
    try {
      const client = await gdsConnector.connect({ ...bad.config, password: 'not-the-password' }, { logger: silentLogger(), state: bad.state });
      const error = await failure(runOperation(client, 'availability', { origin: 'FRA', destination: 'JFK', date: '2026-05-01' }));
      expect(error).toMatchObject({ errorClass: 'auth', message: expect.stringMatching(/credentials/) });
    } finally {
      await bad.stop();
    }
  });
});
