// Parses FSU text (header, consignment line, status lines, OSI lines) into an FsuMessage. Strict
// where a wrong value would change meaning (AWB check digit, codes, dates); every error has a position.
import { CargoImpError } from './errors';
import { isFlight, readAirports, readConsignment, readDayTime, readFlight, readQuantity } from './fields';
import type { Field, Line } from './lines';
import { MAX_LINE_LENGTH, splitLines } from './lines';
import { DISCREPANCY_CODES, FLIGHT_STATUSES, FSU_STATUS_CODES, NAMED_STATUSES } from './fsu-message';
import type { FsuDiscrepancyCode, FsuMessage, FsuStatus, FsuStatusCode, TimeIndicator } from './fsu-message';

export function parseFsu(text: string): FsuMessage {
  const lines = splitLines(text);
  const header = lines[0];
  if (header === undefined) throw new CargoImpError('EMPTY_MESSAGE', 'the message is empty; an FSU starts with a header line such as FSU/14');
  for (const line of lines) {
    if (line.text.length > MAX_LINE_LENGTH) {
      throw new CargoImpError('LINE_TOO_LONG', `the line has ${line.text.length} characters; at most ${MAX_LINE_LENGTH} are read`, { line: line.number, column: 1 });
    }
  }
  const version = readHeader(header);
  const consignmentLine = lines[1];
  if (consignmentLine === undefined) {
    throw new CargoImpError('BAD_CONSIGNMENT', 'the consignment line is missing after the header; add e.g. 020-12345675FRAJFK/T6K358.5', { line: header.number + 1, column: 1 });
  }
  const [awbField, quantityField, ...extra] = consignmentLine.fields as [Field, ...Field[]];
  const consignment = readConsignment(awbField, consignmentLine.number);
  const message: FsuMessage = { version, consignment, statuses: [], otherServiceInformation: [] };
  if (quantityField !== undefined) message.quantity = readQuantity(quantityField, consignmentLine.number);
  const surplus = extra[0];
  if (surplus !== undefined) {
    throw new CargoImpError('UNEXPECTED_FIELD', `unexpected field "${surplus.value}" after the consignment quantity`, { line: consignmentLine.number, column: surplus.column });
  }
  for (const line of lines.slice(2)) {
    const tag = line.fields[0]?.value ?? '';
    if (tag === 'OSI') {
      message.otherServiceInformation.push(line.text.slice(4));
      continue;
    }
    message.statuses.push(readStatus(line));
  }
  if (message.statuses.length === 0) {
    throw new CargoImpError('NO_STATUS', 'the message has no status line; add one such as DEP/LH400/14MAR0947/FRAJFK/T6K358.5', { line: consignmentLine.number + 1, column: 1 });
  }
  return message;
}

function readHeader(line: Line): number {
  const match = /^FSU\/([0-9]{1,2})$/.exec(line.text);
  if (line.fields[0]?.value !== 'FSU') {
    throw new CargoImpError('NOT_FSU', `the header "${line.text.slice(0, 20)}" is not an FSU header; this codec reads FSU/<version> messages only`, { line: line.number, column: 1 });
  }
  if (!match) throw new CargoImpError('BAD_VERSION', `the header "${line.text}" must be FSU/ and a 1–2 digit version, e.g. FSU/14`, { line: line.number, column: 5 });
  return Number(match[1]);
}

function readStatus(line: Line): FsuStatus {
  const fields = [...line.fields];
  const codeField = fields.shift() as Field;
  const code = codeField.value as FsuStatusCode;
  if (!(FSU_STATUS_CODES as readonly string[]).includes(code)) {
    throw new CargoImpError('UNKNOWN_STATUS', `status code "${codeField.value}" is not an FSU status (known: ${FSU_STATUS_CODES.join(', ')})`, { line: line.number, column: codeField.column });
  }
  const take = (what: string): Field => {
    const field = fields.shift();
    if (field === undefined || field.value === '') {
      const column = field?.column ?? line.text.length + 1;
      throw new CargoImpError('MISSING_FIELD', `${code} status needs ${what} here`, { line: line.number, column });
    }
    return field;
  };
  const status = { code, line: line.number } as FsuStatus;
  const first = fields[0];
  if (FLIGHT_STATUSES.has(code) || (code === 'DIS' && first !== undefined && isFlight(first.value))) {
    status.flight = readFlight(take('the flight (e.g. LH400)'), line.number);
  }
  status.when = readDayTime(take('the day and optional time (e.g. 14MAR0947)'), line.number);
  status.airports = readAirports(take('the airport (FRA) or airport pair (FRAJFK)'), line.number);
  if (code === 'DIS') status.discrepancy = readDiscrepancy(take('the discrepancy code (e.g. OFLD)'), line.number);
  const quantity = fields[0];
  if (quantity !== undefined && /^[TP][0-9]/.test(quantity.value)) status.quantity = readQuantity(fields.shift() as Field, line.number);
  readTrailing(status, fields, line);
  return status;
}

function readDiscrepancy(field: Field, line: number): FsuDiscrepancyCode {
  if (!(DISCREPANCY_CODES as readonly string[]).includes(field.value)) {
    throw new CargoImpError('BAD_DISCREPANCY', `discrepancy code "${field.value}" is not known (known: ${DISCREPANCY_CODES.join(', ')})`, { line, column: field.column });
  }
  return field.value as FsuDiscrepancyCode;
}

/** Time indicators (/A1045, /E1030, /S1015) and, for delivery-type statuses, the name field. */
function readTrailing(status: FsuStatus, fields: Field[], line: Line): void {
  const indicators: TimeIndicator[] = [];
  for (const field of fields) {
    const indicator = /^([AES])((?:[01][0-9]|2[0-3])[0-5][0-9])$/.exec(field.value);
    if (indicator && status.name === undefined) {
      indicators.push({ kind: indicator[1] as TimeIndicator['kind'], time: indicator[2] as string });
    } else if (NAMED_STATUSES.has(status.code) && status.name === undefined && field.value.trim() !== '') {
      status.name = field.value.trim();
    } else {
      throw new CargoImpError('UNEXPECTED_FIELD', `unexpected field "${field.value}" in ${status.code} status; expected a time indicator such as A1045${NAMED_STATUSES.has(status.code) ? ' or a name' : ''}`, {
        line: line.number,
        column: field.column,
      });
    }
  }
  if (indicators.length > 0) status.timeIndicators = indicators;
}
