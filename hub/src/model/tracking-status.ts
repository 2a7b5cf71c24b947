// Cargo status codes (IATA Cargo-IMP FSU / ONE Record StatusCode list) and discrepancy codes,
// with what each one means: the table is documentation for people and mapping help for connectors.
export const TRACKING_STATUS_CODES = {
  BKD: 'Booked: the consignment is booked on a flight.',
  FOH: 'Freight on hand: received by the carrier or handler, not yet accepted for carriage.',
  RCS: 'Received from shipper: accepted for carriage, goods and documents checked (ready for carriage).',
  DOC: 'Documents received by the handling party.',
  DPU: 'Picked up at the shipper’s door.',
  FIW: 'Freight into warehouse.',
  FOW: 'Freight out of warehouse, handed over for loading.',
  PRE: 'Prepared for loading on a flight.',
  MAN: 'Manifested on a flight.',
  DEP: 'Departed on a flight.',
  TFD: 'Transferred to another airline.',
  RCT: 'Received from another airline (transfer in).',
  TRM: 'To be transferred to another airline (transfer manifest issued).',
  TGC: 'Transferred to customs or other government control.',
  ARR: 'Arrived: the flight carrying the consignment has arrived.',
  RCF: 'Received from flight: the consignment is physically received at the arrival station.',
  NFD: 'Notified for delivery: consignee or agent told the consignment is ready for collection.',
  AWR: 'Arrival documents received.',
  AWD: 'Arrival documents delivered to the consignee or agent.',
  CRC: 'Reported to customs.',
  CCD: 'Cleared by customs.',
  OCI: 'Other customs, security and regulatory control information (updates customs data, not a movement).',
  OSI: 'Other service information.',
  DIS: 'Discrepancy: something does not match (see discrepancyCode).',
  DLV: 'Delivered to the consignee or agent.',
  DDL: 'Delivered to the consignee’s door.',
} as const satisfies Record<string, string>;

export type TrackingStatusCode = keyof typeof TRACKING_STATUS_CODES;
export const TRACKING_STATUS_CODE_LIST = Object.keys(TRACKING_STATUS_CODES) as TrackingStatusCode[];

/** Discrepancy codes that qualify a DIS status (ONE Record writes them as DIS_OFLD, …). */
export const DISCREPANCY_CODES = {
  DFLD: 'Definitely loaded',
  FDAW: 'Found air waybill',
  FDCA: 'Found cargo',
  FDMB: 'Found mail bag',
  MSAW: 'Missing air waybill',
  MSCA: 'Missing cargo',
  MSMB: 'Missing mail bag',
  OFLD: 'Offloaded',
  OVCD: 'Overcarried',
  SSPD: 'Shortshipped',
} as const satisfies Record<string, string>;

export type DiscrepancyCode = keyof typeof DISCREPANCY_CODES;
export const DISCREPANCY_CODE_LIST = Object.keys(DISCREPANCY_CODES) as DiscrepancyCode[];

export function describeTrackingStatus(code: string): string | undefined {
  return Object.hasOwn(TRACKING_STATUS_CODES, code) ? TRACKING_STATUS_CODES[code as TrackingStatusCode] : undefined;
}
