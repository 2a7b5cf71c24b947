// Canonical Flight legs → an SSIM chapter 7 data set in local time mode (header, carrier, one flight
// leg record per Flight, trailer, zero padding to whole blocks of five records), for round trips and
// for simulators that publish schedules.
import type { Flight } from '../../model/flight';
import { writeDateVariation, writeDaysOfOperation, writeSsimDate } from './fields';
import { CARRIER, HEADER, LEG, RECORD_LENGTH, SERIAL, TRAILER } from './layout';
import type { Columns } from './layout';

export interface SsimWriteInput {
  airline: string;
  /** IATA season, e.g. S25 or W25. */
  season?: string;
  validity: { from: string; to: string };
  creationDate: string;
  title?: string;
  flights: Flight[];
}

const FILLER = '0'.repeat(RECORD_LENGTH);

function record(type: string, fields: Array<[Columns, string]>, serial: number): string {
  const chars = `${type}${' '.repeat(RECORD_LENGTH - 1)}`.split('');
  for (const [[from, to], value] of fields) {
    const width = to - from + 1;
    const text = value.padEnd(width).slice(0, width);
    for (let i = 0; i < width; i += 1) chars[from - 1 + i] = text[i] as string;
  }
  const serialText = String(serial).padStart(6, '0');
  for (let i = 0; i < 6; i += 1) chars[SERIAL[0] - 1 + i] = serialText[i] as string;
  return chars.join('');
}

function hhmm(time: string): string {
  return time.replace(':', '');
}

function variation(offset: string): string {
  return offset.replace(':', '');
}

function legRecord(flight: Flight, serial: number): string {
  return record(
    '3',
    [
      [LEG.suffix, flight.operationalSuffix ?? ' '],
      [LEG.airline, flight.carrier],
      [LEG.flightNumber, flight.flightNumber.padStart(4, '0')],
      [LEG.itineraryVariation, String(flight.itineraryVariation ?? 1).padStart(2, '0')],
      [LEG.legSequence, String(flight.legSequence ?? 1).padStart(2, '0')],
      [LEG.serviceType, flight.serviceType],
      [LEG.periodFrom, writeSsimDate(flight.period.from)],
      [LEG.periodTo, writeSsimDate(flight.period.to)],
      [LEG.days, writeDaysOfOperation(flight.daysOfOperation)],
      [LEG.departureStation, flight.departure.airport],
      [LEG.passengerStd, hhmm(flight.departure.scheduledTime)],
      [LEG.aircraftStd, hhmm(flight.departure.scheduledTime)],
      [LEG.departureVariation, variation(flight.departure.utcOffset)],
      [LEG.departureTerminal, flight.departure.terminal ?? ''],
      [LEG.arrivalStation, flight.arrival.airport],
      [LEG.aircraftSta, hhmm(flight.arrival.scheduledTime)],
      [LEG.passengerSta, hhmm(flight.arrival.scheduledTime)],
      [LEG.arrivalVariation, variation(flight.arrival.utcOffset)],
      [LEG.arrivalTerminal, flight.arrival.terminal ?? ''],
      [LEG.aircraftType, flight.aircraftType],
      [LEG.departureDateVariation, '0'],
      [LEG.arrivalDateVariation, writeDateVariation(flight.arrivalDayOffset)],
    ],
    serial,
  );
}

/** Pad the records written so far to a whole block of five with zero records. */
function padBlock(lines: string[]): void {
  while (lines.length % 5 !== 0) lines.push(FILLER);
}

export function writeSsim(input: SsimWriteInput): string {
  const lines: string[] = [];
  let serial = 0;
  lines.push(record('1', [[HEADER.title, 'AIRLINE STANDARD SCHEDULE DATA SET'], [HEADER.numberOfSeasons, '1'], [HEADER.dataSetSerial, '001']], (serial += 1)));
  padBlock(lines);
  lines.push(
    record(
      '2',
      [
        [CARRIER.timeMode, 'L'],
        [CARRIER.airline, input.airline],
        [CARRIER.season, input.season ?? ''],
        [CARRIER.validFrom, writeSsimDate(input.validity.from)],
        [CARRIER.validTo, writeSsimDate(input.validity.to)],
        [CARRIER.creationDate, writeSsimDate(input.creationDate)],
        [CARRIER.title, input.title ?? ''],
        [CARRIER.scheduleStatus, 'C'],
      ],
      (serial += 1),
    ),
  );
  padBlock(lines);
  for (const flight of input.flights) lines.push(legRecord(flight, (serial += 1)));
  lines.push(record('5', [[TRAILER.airline, input.airline], [TRAILER.serialCheckReference, String(serial).padStart(6, '0')], [TRAILER.endCode, 'E']], serial + 1));
  padBlock(lines);
  return `${lines.join('\n')}\n`;
}
