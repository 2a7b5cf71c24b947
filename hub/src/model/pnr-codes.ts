// Code tables of the passenger booking (PNR): segment status codes (AIRIMP action/advice codes)
// and passenger type codes, with what each means for the hub.
export const SEGMENT_STATUS_CODES = {
  HK: 'Holds confirmed',
  HL: 'Holds waitlisted',
  HN: 'Holds need: requested, awaiting the carrier’s reply',
  HX: 'Holding cancelled: cancelled by the carrier, remove the segment',
  KK: 'Confirmed by the carrier in reply to a request',
  KL: 'Confirmed from the waitlist',
  NN: 'Need: segment requested',
  NO: 'No action taken by the carrier',
  SS: 'Sold from availability',
  GK: 'Passive segment, confirmed outside the GDS',
  TK: 'Schedule change, confirmed on the new flight or times',
  TL: 'Schedule change, waitlisted',
  UC: 'Unable to confirm, not waitlisted (flight closed)',
  UN: 'Unable: flight does not operate',
  US: 'Unable to sell, waitlisted',
  UU: 'Unable to confirm, waitlisted',
  WK: 'Was confirmed: superseded by a schedule change',
  WL: 'Waitlist requested',
} as const satisfies Record<string, string>;

export type SegmentStatusCode = keyof typeof SEGMENT_STATUS_CODES;
export const SEGMENT_STATUS_CODE_LIST = Object.keys(SEGMENT_STATUS_CODES) as SegmentStatusCode[];

/** Segment states a ticket can be issued against; anything else needs attention before ticketing. */
export const CONFIRMED_SEGMENT_STATUSES: ReadonlySet<SegmentStatusCode> = new Set(['HK', 'KK', 'KL', 'SS', 'GK', 'TK']);

export const PASSENGER_TYPES = {
  ADT: 'Adult',
  CHD: 'Child (2–11 years)',
  INF: 'Infant without a seat (under 2, on an adult’s lap)',
  INS: 'Infant with its own seat',
  YTH: 'Youth',
  SRC: 'Senior citizen',
} as const satisfies Record<string, string>;

export type PassengerType = keyof typeof PASSENGER_TYPES;
export const PASSENGER_TYPE_LIST = Object.keys(PASSENGER_TYPES) as PassengerType[];
