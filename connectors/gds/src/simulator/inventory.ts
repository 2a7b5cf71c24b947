// Seeded flights the simulator sells: they operate every day; seats per booking class are counted per
// date. A class with no seats left waitlists (HL); a flight that is not here cannot be sold (UNS).
export interface SimFlight {
  carrier: string;
  flightNumber: string;
  origin: string;
  destination: string;
  departureTime: string;
  arrivalTime: string;
  arrivalDayOffset: number;
  seats: Record<string, number>;
}

export const SEEDED_FLIGHTS: SimFlight[] = [
  { carrier: 'LH', flightNumber: '400', origin: 'FRA', destination: 'JFK', departureTime: '1035', arrivalTime: '1325', arrivalDayOffset: 0, seats: { J: 4, C: 4, Y: 9, K: 9, M: 9 } },
  { carrier: 'LH', flightNumber: '401', origin: 'JFK', destination: 'FRA', departureTime: '1645', arrivalTime: '0620', arrivalDayOffset: 1, seats: { J: 4, Y: 9, K: 9 } },
  { carrier: 'LH', flightNumber: '590', origin: 'FRA', destination: 'NBO', departureTime: '1020', arrivalTime: '1930', arrivalDayOffset: 0, seats: { J: 0, Y: 9 } },
  { carrier: 'LH', flightNumber: '902', origin: 'FRA', destination: 'LHR', departureTime: '0900', arrivalTime: '0945', arrivalDayOffset: 0, seats: { Y: 9, K: 9 } },
  { carrier: 'KQ', flightNumber: '100', origin: 'NBO', destination: 'LHR', departureTime: '2355', arrivalTime: '0550', arrivalDayOffset: 1, seats: { Y: 9 } },
];

/** DDMMYY plus days → DDMMYY */
export function shiftDdmmyy(ddmmyy: string, days: number): string {
  const d = new Date(Date.UTC(2000 + Number(ddmmyy.slice(4, 6)), Number(ddmmyy.slice(2, 4)) - 1, Number(ddmmyy.slice(0, 2)) + days));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCFullYear() % 100)}`;
}

export class Inventory {
  private sold = new Map<string, number>();

  find(carrier: string, flightNumber: string, origin?: string, destination?: string): SimFlight | undefined {
    return SEEDED_FLIGHTS.find(
      (f) => f.carrier === carrier && Number(f.flightNumber) === Number(flightNumber) && (origin === undefined || f.origin === origin) && (destination === undefined || f.destination === destination),
    );
  }

  between(origin: string, destination: string, carrier?: string): SimFlight[] {
    return SEEDED_FLIGHTS.filter((f) => f.origin === origin && f.destination === destination && (carrier === undefined || f.carrier === carrier));
  }

  /** Seats left in a class on a date (0 when the class does not exist). */
  left(flight: SimFlight, date: string, classOfService: string): number {
    const total = flight.seats[classOfService] ?? 0;
    return total - (this.sold.get(`${flight.carrier}${flight.flightNumber}|${date}|${classOfService}`) ?? 0);
  }

  /** HK when the seats are there (and taken), HL otherwise. */
  sell(flight: SimFlight, date: string, classOfService: string, quantity: number): 'HK' | 'HL' {
    if (this.left(flight, date, classOfService) < quantity) return 'HL';
    const key = `${flight.carrier}${flight.flightNumber}|${date}|${classOfService}`;
    this.sold.set(key, (this.sold.get(key) ?? 0) + quantity);
    return 'HK';
  }

  reset(): void {
    this.sold.clear();
  }
}
