// The simulated GDS operations behind soap.listen: each checks its session (via the gate result the
// header hook left for the request), consumes injected faults, and answers like the GDS.
import type { IncomingMessage } from 'node:http';
import type { FaultPlan } from '@interline/hub';
import { OPTION } from '../messages/element-codes';
import { asArray, textAt } from '../messages/xml-values';
import { shiftDdmmyy } from './inventory';
import { commitProblems, applyAdditions } from './pnr-edit';
import { pnrReply } from './pnr-wire';
import { emptyPnr } from './records';
import { soapFault } from './sessions';
import type { GateResult, SimSession } from './sessions';
import type { GdsWorld } from './world';

type Body = Record<string, unknown>;
export type ServiceMethod = (args: Body, callback: unknown, headers: unknown, req: IncomingMessage) => Promise<Body>;

const BUSY_TEXT = 'SIMULTANEOUS CHANGES TO PNR - USE WRS/ALL - PLEASE CHECK';

/** Faults injected through /__sim/faults, answered as SOAP faults (or a dropped socket). */
async function injected(faults: FaultPlan, operation: string, phase: 'before' | 'after', req: IncomingMessage): Promise<void> {
  const fault = faults.take(operation, phase);
  if (!fault) return;
  switch (fault.kind) {
    case 'transient':
      throw soapFault('Server', 'SERVICE TEMPORARILY UNAVAILABLE - SIMULATED, RETRY', fault.status ?? 500);
    case 'permanent':
      throw soapFault('Client', '1|Application|INVALID DATA - SIMULATED PERMANENT FAULT', fault.status ?? 500);
    case 'auth':
      throw soapFault('Client', '11|Session|', fault.status ?? 500);
    case 'timeout':
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 30_000));
      throw soapFault('Server', 'TIME OUT - SIMULATED', 504);
    case 'reset':
      req.socket.destroy();
      throw soapFault('Server', 'connection reset');
  }
}

export function gdsService(world: GdsWorld, faults: FaultPlan, gates: WeakMap<IncomingMessage, GateResult>, office: string): Record<string, ServiceMethod> {
  /** Wrap an operation: session gate, faults before, the work, advance the session. */
  const operation =
    (name: string, work: (args: Body, session: SimSession, req: IncomingMessage) => Promise<Body> | Body): ServiceMethod =>
    async (args, _callback, _headers, req) => {
      const gate = gates.get(req);
      if (!gate || !gate.ok) {
        const fault = gate && !gate.ok ? gate.fault : soapFault('Client', '12|Presentation|soap message header incorrect');
        world.calls.push({ operation: name, status: 'refused', fault: fault.Fault.faultstring });
        throw fault;
      }
      await injected(faults, name, 'before', req);
      const answer = await work(args ?? {}, gate.session, req);
      world.sessions.advance(gate);
      world.calls.push({ operation: name, status: gate.status });
      return answer;
    };

  return {
    PNR_Retrieve: operation('PNR_Retrieve', (args, session) => {
      const locator = textAt(args, 'retrievalFacts', 'reservationOrProfileIdentifier', 'reservation', 'controlNumber');
      const surname = textAt(args, 'retrievalFacts', 'personalFacts', 'travellerInformation', 'traveller', 'surname');
      if (locator) {
        const found = world.pnrs.get(locator);
        if (!found) return pnrReply(undefined, { errors: [{ code: '1931', text: 'NO MATCH FOR RECORD LOCATOR' }] });
        session.context = structuredClone(found);
        return pnrReply(found);
      }
      if (surname) {
        const matches = world.bySurname(office, surname);
        if (matches.length === 0) return pnrReply(undefined, { errors: [{ code: '1', text: 'NO NAME' }] });
        if (matches.length === 1 && matches[0]) {
          session.context = structuredClone(matches[0]);
          return pnrReply(matches[0]);
        }
        return { similarNameList: { item: matches.map((p) => ({ reservation: { controlNumber: p.locator }, surname: p.passengers[0]?.surname ?? '', firstName: p.passengers[0]?.firstName ?? '' })) } };
      }
      return pnrReply(undefined, { errors: [{ code: '2', text: 'INVALID RETRIEVAL - GIVE A RECORD LOCATOR OR A NAME' }] });
    }),

    PNR_AddMultiElements: operation('PNR_AddMultiElements', async (args, session, req) => {
      const option = textAt(args, 'pnrActions', 'optionCode') ?? OPTION.none;
      if (option === OPTION.ignore) {
        delete session.context;
        return pnrReply(undefined);
      }
      session.context ??= emptyPnr(office, new Date(), 'api');
      const edit = applyAdditions(session.context, args, world.inventory);
      if (option !== OPTION.endTransact && option !== OPTION.endAndRetrieve) return pnrReply(session.context, edit);
      const problems = commitProblems(session.context);
      if (problems.length > 0) return pnrReply(session.context, { ...edit, errors: [...edit.errors, ...problems] });
      if (world.busyCommits > 0) {
        world.busyCommits--;
        return pnrReply(session.context, { ...edit, errors: [...edit.errors, { code: '8111', text: BUSY_TEXT }] });
      }
      const isNew = !session.context.locator;
      const stored = world.commit(session.context);
      if (isNew && stored.locator) world.effects.push({ kind: 'pnr', locator: stored.locator, at: new Date().toISOString() });
      if (option === OPTION.endTransact) delete session.context;
      else session.context = structuredClone(stored);
      // The effect happened; a fault now loses only the answer (the contract kit's redelivery case).
      await injected(faults, 'PNR_AddMultiElements', 'after', req);
      return pnrReply(stored, edit);
    }),

    Air_MultiAvailability: operation('Air_MultiAvailability', (args) => {
      const origin = textAt(args, 'requestSection', 'availabilityProductInfo', 'departureLocationInfo', 'cityAirport') ?? '';
      const destination = textAt(args, 'requestSection', 'availabilityProductInfo', 'arrivalLocationInfo', 'cityAirport') ?? '';
      const date = textAt(args, 'requestSection', 'availabilityProductInfo', 'availabilityDetails', 'departureDate') ?? '';
      const carrier = textAt(args, 'requestSection', 'airlineOrFlightOption', 'flightIdentification', 'airlineCode');
      const flights = world.inventory.between(origin, destination, carrier);
      return {
        singleCityPairInfo: {
          locationInfo: { departureLocation: { cityAirport: origin }, arrivalLocation: { cityAirport: destination } },
          flightInfo: flights.map((f) => ({
            basicFlightInfo: {
              flightDetails: { departureDate: date, departureTime: f.departureTime, arrivalDate: shiftDdmmyy(date, f.arrivalDayOffset), arrivalTime: f.arrivalTime },
              departureLocation: { cityAirport: f.origin },
              arrivalLocation: { cityAirport: f.destination },
              marketingCompany: { identifier: f.carrier },
              flightIdentification: { number: f.flightNumber },
            },
            infoOnClasses: Object.keys(f.seats).map((c) => ({ productClassDetail: { serviceClass: c, availabilityStatus: String(Math.max(0, Math.min(9, world.inventory.left(f, date, c)))) } })),
          })),
        },
      };
    }),

    Queue_List: operation('Queue_List', (args) => {
      const number = Number(textAt(args, 'queueNumber', 'queueDetails', 'number') ?? 0);
      const items = world.queues.get(number) ?? [];
      return {
        queueView: {
          agent: { sign: { inHouseIdentification1: office } },
          queueNumber: { queueDetails: { number: String(number) } },
          pnrCount: { quantityDetails: { numberOfUnit: String(items.length) } },
          ...(items.length > 0 ? { item: items.map((locator) => ({ recLoc: { reservation: { controlNumber: locator } }, paxName: { paxDetails: { surname: world.pnrs.get(locator)?.passengers[0]?.surname ?? '' } } })) } : {}),
        },
      };
    }),

    Queue_RemoveItem: operation('Queue_RemoveItem', (args) => {
      const number = Number(textAt(args, 'targetDetails', 'targetQueue', 'queueDetails', 'number') ?? 0);
      const locator = textAt(args, 'targetDetails', 'recordLocator', 'reservation', 'controlNumber') ?? '';
      const items = world.queues.get(number) ?? [];
      world.queues.set(number, items.filter((l) => l !== locator));
      return { goodResponse: { statusCode: items.includes(locator) ? 'OK' : 'NOT FOUND' } };
    }),

    Security_SignOut: operation('Security_SignOut', () => ({ processStatus: { statusCode: 'P' } })),
  };
}

/** A PNR made "by another agent" (control plane): committed at once and queued. */
export function agentPnr(world: GdsWorld, office: string, body: Body, queueNumber: number): { locator: string } {
  const pnr = emptyPnr(office, new Date(), 'agent');
  let tattoo = 1;
  for (const p of asArray<Body>(body.passengers)) {
    pnr.passengers.push({ tattoo: tattoo++, surname: String(p.surname ?? '').toUpperCase(), firstName: String(p.firstName ?? '').toUpperCase(), type: String(p.type ?? 'ADT') });
  }
  for (const s of asArray<Body>(body.segments)) {
    const date = String(s.date ?? '');
    const depDate = `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}`;
    const flight = world.inventory.find(String(s.carrier ?? ''), String(s.flightNumber ?? ''));
    if (!flight) throw new Error(`no seeded flight ${String(s.carrier)}${String(s.flightNumber)}; use one of the simulator's inventory flights`);
    const classOfService = String(s.classOfService ?? 'Y');
    pnr.segments.push({
      tattoo: tattoo++, carrier: flight.carrier, flightNumber: flight.flightNumber, classOfService, origin: flight.origin, destination: flight.destination, depDate, depTime: flight.departureTime,
      arrDate: shiftDdmmyy(depDate, flight.arrivalDayOffset), arrTime: flight.arrivalTime, status: String(s.status ?? world.inventory.sell(flight, depDate, classOfService, pnr.passengers.length)), quantity: pnr.passengers.length,
    });
  }
  pnr.elements.push({ tattoo: tattoo++, segmentName: 'AP', freetextType: '3', text: String(body.contact ?? '+49 69 0000 AGENT'), paxRefs: [], segRefs: [] });
  pnr.nextTattoo = tattoo;
  if (pnr.passengers.length === 0) throw new Error('a PNR needs passengers: [{ surname, firstName }]');
  const stored = world.commit(pnr);
  world.queue(queueNumber, stored.locator as string);
  return { locator: stored.locator as string };
}

/** Another agent changes a PNR (segment status, a remark) and queues it. */
export function agentChange(world: GdsWorld, locator: string, body: Body, queueNumber: number): { locator: string; version: number } {
  const pnr = world.pnrs.get(locator);
  if (!pnr) throw new Error(`no PNR ${locator}`);
  if (typeof body.status === 'string') for (const s of pnr.segments) s.status = body.status;
  if (typeof body.remark === 'string') pnr.elements.push({ tattoo: pnr.nextTattoo++, segmentName: 'RM', remarkType: 'RM', text: body.remark.toUpperCase(), paxRefs: [], segRefs: [] });
  pnr.version++;
  world.queue(queueNumber, locator);
  return { locator, version: pnr.version };
}
