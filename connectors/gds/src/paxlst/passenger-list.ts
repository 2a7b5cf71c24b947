// Who flies: the passengers of the given PNRs that hold a confirmed segment on the flight's leg and
// date, each with the PNR locator (RFF+AVF) and the passenger's own board and off points.
import { CONFIRMED_SEGMENT_STATUSES } from '@interline/hub';
import type { Flight, Pnr, PnrPassenger } from '@interline/hub';

export interface ListedPassenger {
  passenger: PnrPassenger;
  locator: string;
  embark: string;
  debark: string;
}

export function passengersOnFlight(flight: Flight, date: string, pnrs: Pnr[]): ListedPassenger[] {
  const listed: ListedPassenger[] = [];
  for (const pnr of pnrs) {
    const locator = pnr.recordLocators.find((l) => l.system === flight.carrier)?.locator ?? pnr.recordLocators[0]?.locator ?? '';
    for (const segment of pnr.segments) {
      const onLeg =
        (segment.carrier === flight.carrier || segment.operatingCarrier === flight.carrier) &&
        Number(segment.flightNumber) === Number(flight.flightNumber) &&
        segment.departure.slice(0, 10) === date &&
        segment.origin === flight.departure.airport;
      if (!onLeg || !CONFIRMED_SEGMENT_STATUSES.has(segment.status)) continue;
      for (const passenger of pnr.passengers) {
        if (segment.passengerIds && !segment.passengerIds.includes(passenger.id) && !(passenger.infantOf && segment.passengerIds.includes(passenger.infantOf))) continue;
        if (listed.some((l) => l.locator === locator && l.passenger.id === passenger.id)) continue;
        listed.push({ passenger, locator, embark: segment.origin, debark: segment.destination });
      }
    }
  }
  return listed;
}
