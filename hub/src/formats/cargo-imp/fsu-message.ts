// The FSU (freight status update) message as data: what the parser produces and the writer consumes.
import type { Consignment, DayTime, FlightId, Quantity } from './fields';

/**
 * Status codes an FSU status line may carry (Cargo-IMP / cXML code list 1.18). OSI is not among them:
 * in an FSU it is a free-text line that accompanies the statuses, not a status of its own.
 */
export const FSU_STATUS_CODES = [
  'BKD', 'FOH', 'RCS', 'DOC', 'DPU', 'FIW', 'FOW', 'PRE', 'MAN', 'DEP', 'TFD', 'RCT', 'TRM', 'TGC',
  'ARR', 'RCF', 'NFD', 'AWR', 'AWD', 'CRC', 'CCD', 'OCI', 'DIS', 'DLV', 'DDL',
] as const;
export type FsuStatusCode = (typeof FSU_STATUS_CODES)[number];

/** Statuses that always name a flight: the second field is carrier + flight number. */
export const FLIGHT_STATUSES: ReadonlySet<FsuStatusCode> = new Set(['BKD', 'MAN', 'DEP', 'PRE', 'ARR', 'RCF', 'AWR']);
/** Statuses whose trailing field names a person or carrier (who signed, who was notified, who took over). */
export const NAMED_STATUSES: ReadonlySet<FsuStatusCode> = new Set(['DLV', 'DDL', 'NFD', 'AWD', 'TFD', 'RCT', 'TRM', 'TGC']);

export const DISCREPANCY_CODES = ['DFLD', 'FDAW', 'FDCA', 'FDMB', 'MSAW', 'MSCA', 'MSMB', 'OFLD', 'OVCD', 'SSPD'] as const;
export type FsuDiscrepancyCode = (typeof DISCREPANCY_CODES)[number];

/** A time qualifier after the quantity: A actual, E estimated, S scheduled (e.g. /A1045). */
export interface TimeIndicator {
  kind: 'A' | 'E' | 'S';
  time: string;
}

export interface FsuStatus {
  code: FsuStatusCode;
  /** 1-based line in the message text (0 for statuses built in code). */
  line: number;
  flight?: FlightId;
  when: DayTime;
  /** One airport (the station) or two (origin and destination of the flight leg). */
  airports: string[];
  discrepancy?: FsuDiscrepancyCode;
  quantity?: Quantity;
  timeIndicators?: TimeIndicator[];
  /** Who signed for, was notified of, or took over the goods. */
  name?: string;
}

export interface FsuMessage {
  /** The message version number of the header line (FSU/14 → 14). */
  version: number;
  consignment: Consignment;
  /** Quantity on the consignment line: the whole consignment the statuses belong to. */
  quantity?: Quantity;
  statuses: FsuStatus[];
  /** OSI lines: free text for the receiver. */
  otherServiceInformation: string[];
}
