// Where each field sits in a 200-character SSIM chapter 7 record (1-based, inclusive columns).
export const RECORD_LENGTH = 200;

export type Columns = readonly [number, number];

export const SERIAL: Columns = [195, 200];

export const HEADER = {
  title: [2, 35],
  numberOfSeasons: [41, 41],
  dataSetSerial: [192, 194],
} as const satisfies Record<string, Columns>;

export const CARRIER = {
  timeMode: [2, 2],
  airline: [3, 5],
  season: [11, 13],
  validFrom: [15, 21],
  validTo: [22, 28],
  creationDate: [29, 35],
  title: [36, 64],
  releaseDate: [65, 71],
  scheduleStatus: [72, 72],
  creatorReference: [73, 107],
  creationTime: [191, 194],
} as const satisfies Record<string, Columns>;

/** Flight identification shared by records 3 and 4. */
export const FLIGHT_ID = {
  suffix: [2, 2],
  airline: [3, 5],
  flightNumber: [6, 9],
  itineraryVariation: [10, 11],
  legSequence: [12, 13],
  serviceType: [14, 14],
} as const satisfies Record<string, Columns>;

export const LEG = {
  ...FLIGHT_ID,
  periodFrom: [15, 21],
  periodTo: [22, 28],
  days: [29, 35],
  frequencyRate: [36, 36],
  departureStation: [37, 39],
  passengerStd: [40, 43],
  aircraftStd: [44, 47],
  departureVariation: [48, 52],
  departureTerminal: [53, 54],
  arrivalStation: [55, 57],
  aircraftSta: [58, 61],
  passengerSta: [62, 65],
  arrivalVariation: [66, 70],
  arrivalTerminal: [71, 72],
  aircraftType: [73, 75],
  aircraftConfiguration: [173, 192],
  departureDateVariation: [193, 193],
  arrivalDateVariation: [194, 194],
} as const satisfies Record<string, Columns>;

export const SEGMENT = {
  ...FLIGHT_ID,
  boardPointIndicator: [29, 29],
  offPointIndicator: [30, 30],
  dataElementIdentifier: [31, 33],
  boardPoint: [34, 36],
  offPoint: [37, 39],
  data: [40, 194],
} as const satisfies Record<string, Columns>;

export const TRAILER = {
  airline: [3, 5],
  releaseDate: [6, 12],
  serialCheckReference: [188, 193],
  endCode: [194, 194],
} as const satisfies Record<string, Columns>;

/** The text of a field (untrimmed). */
export function slice(record: string, [from, to]: Columns): string {
  return record.slice(from - 1, to);
}
