// Everything the simulated GDS holds: committed PNRs by locator, queues of locators, the inventory,
// sessions, effects (PNRs the API committed) and the switches tests turn on (busy commits).
import { Inventory } from './inventory';
import { emptyPnr, newLocator } from './records';
import type { SimPnr } from './records';
import { SessionStore } from './sessions';
import { SIMULATOR_OFFICE, SIMULATOR_PASSWORD, SIMULATOR_USERNAME } from './credentials';

export const SESSION_IDLE_TIMEOUT_MS = 15 * 60_000;

export class GdsWorld {
  readonly pnrs = new Map<string, SimPnr>();
  readonly queues = new Map<number, string[]>();
  readonly inventory = new Inventory();
  readonly sessions = new SessionStore({ username: SIMULATOR_USERNAME, password: SIMULATOR_PASSWORD, office: SIMULATOR_OFFICE }, SESSION_IDLE_TIMEOUT_MS);
  effects: Array<{ kind: 'pnr'; locator: string; at: string }> = [];
  /** Commits that answer "simultaneous changes" before one goes through. */
  busyCommits = 0;
  calls: Array<{ operation: string; status: string; fault?: string }> = [];

  constructor() {
    this.seed();
  }

  /** Commit a draft: locator, airline locators per carrier, stored (a copy, so the session cannot edit it behind our back). */
  commit(draft: SimPnr): SimPnr {
    const pnr = structuredClone(draft);
    if (!pnr.locator) pnr.locator = newLocator((l) => this.pnrs.has(l));
    for (const segment of pnr.segments) {
      pnr.airlineLocators[segment.carrier] ??= newLocator((l) => l === pnr.locator);
    }
    pnr.version++;
    this.pnrs.set(pnr.locator, pnr);
    return structuredClone(pnr);
  }

  queue(number: number, locator: string): void {
    const items = this.queues.get(number) ?? [];
    if (!items.includes(locator)) items.push(locator);
    this.queues.set(number, items);
  }

  bySurname(office: string, surname: string): SimPnr[] {
    return [...this.pnrs.values()].filter((p) => p.office === office && p.passengers.some((n) => n.surname === surname || n.infant?.surname === surname));
  }

  /** One PNR that is always there (retrieve examples, the contract kit). */
  private seed(): void {
    const pnr = emptyPnr(SIMULATOR_OFFICE, new Date('2025-01-30T18:22:00Z'), 'agent');
    pnr.locator = 'XK7P2Q';
    pnr.airlineLocators.LH = 'LH4Z8M';
    pnr.passengers.push({ tattoo: 1, surname: 'MUSTERMANN', firstName: 'ERIKA MRS', type: 'ADT', birthDate: '12081982' });
    pnr.segments.push({ tattoo: 2, carrier: 'LH', flightNumber: '400', classOfService: 'K', origin: 'FRA', destination: 'JFK', depDate: '140325', depTime: '1035', arrDate: '140325', arrTime: '1325', status: 'HK', quantity: 1 });
    pnr.elements.push(
      { tattoo: 3, segmentName: 'AP', freetextType: 'P02', text: 'erika.mustermann@example.com', paxRefs: [1], segRefs: [] },
      { tattoo: 4, segmentName: 'SSR', ssr: { type: 'DOCS', status: 'HK', companyId: 'YY', freetext: 'P/DE/C01X00T47/DE/12AUG82/F/11AUG30/MUSTERMANN/ERIKA' }, paxRefs: [1], segRefs: [] },
      { tattoo: 5, segmentName: 'FA', freetextType: 'P06', text: 'PAX 220-1234567890/ETLH/EUR1234.56/01FEB25/FRALH28AA/12345678', paxRefs: [1], segRefs: [2] },
    );
    pnr.nextTattoo = 6;
    pnr.version = 1;
    this.pnrs.set(pnr.locator, pnr);
  }

  reset(): void {
    this.pnrs.clear();
    this.queues.clear();
    this.inventory.reset();
    this.sessions.reset();
    this.effects = [];
    this.busyCommits = 0;
    this.calls = [];
    this.seed();
  }
}
