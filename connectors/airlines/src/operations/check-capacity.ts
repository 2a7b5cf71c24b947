// checkCapacity: whether a dated flight can take a weight and volume, and what is left on it.
// "Not enough" is an answer here, not an error; only a booking turns it into one.
import { Type } from '@sinclair/typebox';
import { defineOperation } from '@interline/hub';
import type { AirlinesClient } from '../client';
import { DatedFlightSchema, datedFlightXml, flightLabel, kg, m3 } from './shapes';
import type { DatedFlight } from './shapes';

export const CheckCapacityInputSchema = Type.Object(
  { flight: DatedFlightSchema, weightKg: kg('Weight to carry.'), volumeM3: m3('Volume to carry.') },
  { additionalProperties: false },
);

export interface CapacityAnswer {
  flight: DatedFlight;
  available: boolean;
  remaining: { weightKg: number; volumeM3: number };
}

export const checkCapacity = defineOperation({
  summary: 'CapacityCheck: can a dated flight take this weight and volume, and how much is left on it.',
  input: CheckCapacityInputSchema,
  async run(client: AirlinesClient, input, ctx): Promise<CapacityAnswer> {
    const reply = await client.call<{ Available: boolean | string; Remaining: { WeightKg: number; VolumeM3: number } }>(
      'CapacityCheck',
      { Flight: datedFlightXml(input.flight), WeightKg: input.weightKg, VolumeM3: input.volumeM3 },
      { what: `checkCapacity on ${flightLabel(input.flight)}`, signal: ctx.signal },
    );
    return { flight: input.flight, available: reply.Available === true || reply.Available === 'true', remaining: { weightKg: Number(reply.Remaining.WeightKg), volumeM3: Number(reply.Remaining.VolumeM3) } };
  },
});
