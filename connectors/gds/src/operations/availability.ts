// availability: seats per booking class on a city pair and date (Air_MultiAvailability), read only.
import { Type } from '@sinclair/typebox';
import { defineOperation } from '@interline/hub';
import type { GdsClient } from '../client';
import { asArray, at, fromAmadeusDate, fromHhmm, textAt, toDdmmyy } from '../messages/xml-values';

export const AvailabilityInputSchema = Type.Object(
  {
    origin: Type.String({ pattern: '^[A-Z]{3}$' }),
    destination: Type.String({ pattern: '^[A-Z]{3}$' }),
    date: Type.String({ format: 'date', description: 'Departure date (local).' }),
    carrier: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{2}$', description: 'Only this carrier\'s flights.' })),
  },
  { additionalProperties: false },
);

export interface AvailableFlight {
  carrier: string;
  flightNumber: string;
  origin: string;
  destination: string;
  departure: string;
  arrival: string;
  /** Seats per booking class as the GDS shows them (0–9; 9 means nine or more). */
  classes: Array<{ classOfService: string; seats: number }>;
}

export const availability = defineOperation({
  summary: 'Flights and seats per booking class for a city pair and date (Air_MultiAvailability, action 44).',
  input: AvailabilityInputSchema,
  async run(client: GdsClient, input, ctx): Promise<{ flights: AvailableFlight[] }> {
    const body = {
      messageActionDetails: { functionDetails: { actionCode: '44' } },
      requestSection: {
        availabilityProductInfo: {
          availabilityDetails: { departureDate: toDdmmyy(input.date) },
          departureLocationInfo: { cityAirport: input.origin },
          arrivalLocationInfo: { cityAirport: input.destination },
        },
        ...(input.carrier ? { airlineOrFlightOption: { flightIdentification: { airlineCode: input.carrier } } } : {}),
      },
    };
    const what = `availability ${input.origin}-${input.destination} ${input.date}`;
    const reply = await client.inSession(what, { signal: ctx.signal, logger: ctx.logger }, (session) => client.call<unknown>(session, 'Air_MultiAvailability', body, { signal: ctx.signal, what }));
    const flights = asArray((at(reply, 'singleCityPairInfo') as Record<string, unknown> | undefined)?.flightInfo).map((info): AvailableFlight => {
      const basic = at(info, 'basicFlightInfo');
      const day = (d: string | undefined, t: string | undefined) => `${fromAmadeusDate(d) ?? input.date}T${fromHhmm(t) ?? '00:00'}`;
      return {
        carrier: textAt(basic, 'marketingCompany', 'identifier') ?? '',
        flightNumber: textAt(basic, 'flightIdentification', 'number') ?? '',
        origin: textAt(basic, 'departureLocation', 'cityAirport') ?? input.origin,
        destination: textAt(basic, 'arrivalLocation', 'cityAirport') ?? input.destination,
        departure: day(textAt(basic, 'flightDetails', 'departureDate'), textAt(basic, 'flightDetails', 'departureTime')),
        arrival: day(textAt(basic, 'flightDetails', 'arrivalDate'), textAt(basic, 'flightDetails', 'arrivalTime')),
        classes: asArray((info as Record<string, unknown>).infoOnClasses).map((c) => ({ classOfService: textAt(c, 'productClassDetail', 'serviceClass') ?? '', seats: Number(textAt(c, 'productClassDetail', 'availabilityStatus') ?? 0) })),
      };
    });
    return { flights };
  },
});
