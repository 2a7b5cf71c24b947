// The records of an SSIM chapter 7 file as read: header (1), carrier (2), flight leg (3) with its
// segment data (4), trailer (5). Values are decoded (ISO dates, HH:MM, ±HH:MM); `line` points back.
export interface SsimHeader {
  line: number;
  title: string;
  numberOfSeasons?: number;
  dataSetSerial: string;
  serial: number;
}

export interface SsimCarrier {
  line: number;
  /** L = times are local, U = times are UTC. */
  timeMode: 'L' | 'U';
  airline: string;
  season: string;
  validity: { from: string; to: string };
  creationDate: string;
  /** HH:MM, when given. */
  creationTime?: string;
  title: string;
  /** P = provisional, C = confirmed. */
  scheduleStatus: string;
  serial: number;
}

export interface SsimStation {
  station: string;
  passengerTime: string;
  aircraftTime: string;
  utcVariation: string;
  terminal?: string;
}

export interface SsimSegment {
  line: number;
  boardPoint: string;
  offPoint: string;
  dataElementIdentifier: number;
  data: string;
  serial: number;
}

export interface SsimLeg {
  line: number;
  airline: string;
  flightNumber: string;
  suffix?: string;
  itineraryVariation: number;
  legSequence: number;
  serviceType: string;
  period: { from: string; to: string };
  daysOfOperation: number[];
  departure: SsimStation;
  arrival: SsimStation;
  aircraftType: string;
  departureDateVariation: number;
  arrivalDateVariation: number;
  segments: SsimSegment[];
  serial: number;
}

export interface SsimTrailer {
  line: number;
  airline: string;
  serialCheckReference: number;
  /** E = end of the data set, C = continued in another data set. */
  endCode: 'E' | 'C';
  serial: number;
}

export interface SsimCarrierBlock {
  carrier: SsimCarrier;
  legs: SsimLeg[];
  trailer?: SsimTrailer;
}

export interface SsimFile {
  header: SsimHeader;
  carriers: SsimCarrierBlock[];
}
