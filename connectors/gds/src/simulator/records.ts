// The simulator's PNR records: what a GDS keeps per booking (names, air segments with status,
// data elements with their passenger/segment associations), numbered by tattoo.
import { randomInt } from 'node:crypto';

export interface SimName {
  surname: string;
  firstName: string;
  type: string;
  /** DDMMYYYY */
  birthDate?: string;
}

export interface SimPassenger extends SimName {
  tattoo: number;
  infant?: SimName;
}

export interface SimSegment {
  tattoo: number;
  carrier: string;
  flightNumber: string;
  classOfService: string;
  origin: string;
  destination: string;
  depDate: string;
  depTime: string;
  arrDate: string;
  arrTime: string;
  status: string;
  quantity: number;
}

export interface SimElement {
  tattoo: number;
  segmentName: string;
  freetextType?: string;
  text?: string;
  remarkType?: string;
  ssr?: { type: string; status: string; companyId: string; freetext?: string };
  ticket?: { date: string; time: string };
  paxRefs: number[];
  segRefs: number[];
}

export interface SimPnr {
  locator?: string;
  airlineLocators: Record<string, string>;
  office: string;
  /** DDMMYY and HHMM (UTC) of creation. */
  createdDate: string;
  createdTime: string;
  passengers: SimPassenger[];
  segments: SimSegment[];
  elements: SimElement[];
  nextTattoo: number;
  version: number;
  /** Who made it: the API user, or another agent (control plane). */
  createdBy: 'api' | 'agent';
}

const LOCATOR_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newLocator(taken: (locator: string) => boolean): string {
  for (;;) {
    let locator = '';
    for (let i = 0; i < 6; i++) locator += LOCATOR_CHARS[randomInt(LOCATOR_CHARS.length)];
    if (!taken(locator) && /[A-Z]/.test(locator)) return locator;
  }
}

export function emptyPnr(office: string, now: Date, createdBy: SimPnr['createdBy']): SimPnr {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    airlineLocators: {},
    office,
    createdDate: `${pad(now.getUTCDate())}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCFullYear() % 100)}`,
    createdTime: `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}`,
    passengers: [],
    segments: [],
    elements: [],
    nextTattoo: 1,
    version: 0,
    createdBy,
  };
}
