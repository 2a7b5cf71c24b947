// The schedule the simulator starts with: freighters and belly legs of a fictional cargo carrier (IL)
// and the Lufthansa flights of the canonical model's examples, each with cargo capacity.
import type { Flight } from '@interline/hub';

const PERIOD = { from: '2025-01-01', to: '2027-12-31' };
const AT = '2025-01-01T00:00:00Z';

function leg(id: string, carrier: string, flightNumber: string, dep: [string, string, string], arr: [string, string, string], days: number[], arrivalDayOffset: number, aircraftType: string, kg: number, m3: number, serviceType: Flight['serviceType'] = 'F'): Flight {
  return {
    id,
    carrier,
    flightNumber,
    departure: { airport: dep[0], scheduledTime: dep[1], utcOffset: dep[2] },
    arrival: { airport: arr[0], scheduledTime: arr[1], utcOffset: arr[2] },
    arrivalDayOffset,
    period: PERIOD,
    daysOfOperation: days,
    aircraftType,
    serviceType,
    capacity: { cargoWeightKg: kg, cargoVolumeM3: m3 },
    state: 'active',
    updatedAt: AT,
  };
}

export function seedSchedule(): Flight[] {
  return [
    leg('sim-il8001', 'IL', '8001', ['FRA', '10:35', '+01:00'], ['ORD', '12:40', '-06:00'], [1, 2, 3, 4, 5, 6, 7], 0, '77F', 100_000, 600),
    leg('sim-il8002', 'IL', '8002', ['FRA', '21:40', '+01:00'], ['NBO', '06:25', '+03:00'], [2, 4, 6], 1, '77F', 95_000, 580),
    leg('sim-il8003', 'IL', '8003', ['FRA', '13:05', '+01:00'], ['JFK', '15:55', '-05:00'], [1, 3, 5], 0, '74Y', 1_000, 8),
    leg('sim-lh400', 'LH', '400', ['FRA', '10:35', '+01:00'], ['JFK', '14:25', '-04:00'], [1, 2, 3, 4, 5, 6, 7], 0, '748', 18_000, 110, 'J'),
    leg('sim-lh8160', 'LH', '8160', ['FRA', '21:40', '+01:00'], ['ORD', '00:25', '-05:00'], [1, 3, 6], 1, '77F', 102_000, 650),
    leg('sim-lh8304', 'LH', '8304', ['FRA', '22:10', '+01:00'], ['NBO', '06:50', '+03:00'], [2, 5], 1, '77F', 100_000, 640),
  ];
}

/** Space given to a flight the simulator does not know, when its schedule is open. */
export const OPEN_SCHEDULE_CAPACITY = { weightKg: 20_000, volumeM3: 120 };
