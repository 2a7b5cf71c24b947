// PAXLST to the authority: generated from a canonical Flight and the passengers of its PNRs, split
// into parts when long, written once per step into the authority's outbox, and valid by the same
// check `interline edi validate` runs (called here through the CLI's own command as well).
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { edifact } from '@interline/hub';
import type { Flight, Pnr } from '@interline/hub';
import type { SendPassengerListResult } from '../src';
import { registerEdiCommands } from '../../../cli/src/commands/edi';
import { runCaptured } from '../../../cli/src/testing';
import { failure, operationContext, runOperation, startRig } from './harness';
import type { Rig } from './harness';

const flight: Flight = {
  id: 'flight-lh400', carrier: 'LH', flightNumber: '400',
  departure: { airport: 'FRA', scheduledTime: '10:35', utcOffset: '+01:00' },
  arrival: { airport: 'JFK', scheduledTime: '13:25', utcOffset: '-04:00' },
  arrivalDayOffset: 0, period: { from: '2026-01-01', to: '2026-12-31' }, daysOfOperation: [1, 2, 3, 4, 5, 6, 7],
  aircraftType: '359', serviceType: 'J', state: 'active', updatedAt: '2026-01-01T00:00:00Z',
};

function pnr(locator: string, names: string[], status: Pnr['segments'][number]['status'] = 'HK'): Pnr {
  return {
    id: `pnr-${locator}`,
    recordLocators: [{ locator, system: '1A', kind: 'gds' }],
    passengers: names.map((name, i) => ({
      id: `P${i + 1}`, type: 'ADT', surname: name, givenNames: 'ALEX', gender: i % 2 ? 'M' : 'F', dateOfBirth: '1985-04-0' + String(i + 1),
      documents: [{ type: 'passport', number: `P${locator}${i}`, issuingCountry: 'DE', nationality: i === 0 ? 'FR' : 'DE', expiryDate: '2031-05-06' }],
    })),
    segments: [{ id: 'S1', carrier: 'LH', flightNumber: '400', classOfService: 'Y', origin: 'FRA', destination: 'JFK', departure: '2026-06-01T10:35', arrival: '2026-06-01T13:25', status }],
    ssrs: [], remarks: [], contacts: [{ type: 'email', value: 'a@example.com' }], tickets: [], warnings: [], createdAt: '2026-01-01T00:00:00Z',
  };
}

let rig: Rig;
beforeAll(async () => {
  rig = await startRig({ paxlst: { maxPassengersPerMessage: 2, sender: 'LHAPI', recipient: 'USCBP' } });
});
afterAll(() => rig.stop());

const outboxFile = (name: string) => path.join(rig.sim.authorityRoot, rig.sim.partner, 'outbox', name);

describe('sendPassengerList', () => {
  it('writes a single-part PAXLST D.05B that the engine validates', async () => {
    const result = await runOperation<SendPassengerListResult>(rig.client, 'sendPassengerList', { flight, date: '2026-06-01', pnrs: [pnr('AAA111', ['MEIER'])] });
    expect(result).toMatchObject({ parts: 1, passengers: 1, redelivered: false });
    const bytes = await readFile(outboxFile(result.file));
    const validation = edifact.validateInterchange(edifact.parseInterchange(bytes));
    expect({ valid: validation.valid, errors: validation.errors.map((e) => e.message) }).toEqual({ valid: true, errors: [] });
    const text = bytes.toString('latin1');
    expect(text).toContain("UNB+UNOA:4+LHAPI+USCBP+");
    expect(text).toMatch(/UNH\+\d{12}\+PAXLST:D:05B:UN:IATA'/);
    for (const segment of ["BGM+745'", "TDT+20+LH400+++LH'", "LOC+125+FRA'", "DTM+189:2606011035:201'", "LOC+87+JFK'", "DTM+232:2606011325:201'", "NAD+FL+++MEIER:ALEX'", "ATT+2++F'", "DTM+329:850401'", "LOC+178+FRA'", "LOC+179+JFK'", "NAT+2+FRA'", "RFF+AVF:AAA111'", "DOC+P:110:111+PAAA1110'", "DTM+36:310506'", "LOC+91+DEU'", "CNT+42:1'"]) {
      expect(text).toContain(segment);
    }
  });

  it('splits a long list into parts with one common access reference and 01:C … nn:F, each valid', async () => {
    const result = await runOperation<SendPassengerListResult>(rig.client, 'sendPassengerList', {
      flight, date: '2026-06-01',
      pnrs: [pnr('BBB111', ['ALPHA', 'BRAVO']), pnr('BBB222', ['CHARLIE', 'DELTA']), pnr('BBB333', ['ECHO']), pnr('BBB444', ['FOXTROT'], 'HL')],
    });
    expect(result).toMatchObject({ parts: 3, passengers: 5 });
    const interchange = edifact.parseInterchange(await readFile(outboxFile(result.file)));
    expect(edifact.validateInterchange(interchange).valid).toBe(true);
    const headers = interchange.messages.map((m) => m.segments[0]?.elements.slice(2));
    expect(headers).toEqual([
      [['LH400/260601/1035'], ['01', 'C']],
      [['LH400/260601/1035'], ['02']],
      [['LH400/260601/1035'], ['03', 'F']],
    ]);
    const counts = interchange.messages.map((m) => m.segments.find((s) => s.tag === 'CNT')?.elements[0]);
    expect(counts).toEqual([['42', '2'], ['42', '2'], ['42', '1']]);
    // The waitlisted passenger is not on the flight.
    expect(interchange.messages.flatMap((m) => m.segments).some((s) => s.tag === 'NAD' && s.elements[3]?.[0] === 'FOXTROT')).toBe(false);
  });

  it('passes `interline edi validate` on the written file', async () => {
    const result = await runOperation<SendPassengerListResult>(rig.client, 'sendPassengerList', { flight, date: '2026-06-01', pnrs: [pnr('CCC111', ['GOLF', 'HOTEL', 'INDIA'])] });
    const run = await runCaptured(['edi', 'validate', outboxFile(result.file)], { cwd: rig.sim.authorityRoot, env: { NO_COLOR: '1' }, now: () => Date.now(), registrars: [registerEdiCommands] });
    expect(run).toMatchObject({ code: 0, stdout: `${outboxFile(result.file)}: valid\n` });
  });

  it('a redelivered step writes nothing new', async () => {
    const ctx = operationContext();
    const input = { flight, date: '2026-06-01', pnrs: [pnr('DDD111', ['JULIET'])] };
    const first = await runOperation<SendPassengerListResult>(rig.client, 'sendPassengerList', input, ctx);
    const files = readdirSync(path.dirname(outboxFile(first.file))).length;
    const again = await runOperation<SendPassengerListResult>(rig.client, 'sendPassengerList', input, operationContext({ idempotencyKey: ctx.idempotencyKey }));
    expect(again).toMatchObject({ file: first.file, redelivered: true });
    expect(readdirSync(path.dirname(outboxFile(first.file))).length).toBe(files);
  });

  it('refuses a list with nobody confirmed on the flight, naming the flight', async () => {
    const error = await failure(runOperation(rig.client, 'sendPassengerList', { flight, date: '2026-06-02', pnrs: [pnr('EEE111', ['KILO'])] }));
    expect(error).toMatchObject({ errorClass: 'permanent', message: expect.stringContaining('LH400 FRA-JFK 2026-06-02') });
  });
});
