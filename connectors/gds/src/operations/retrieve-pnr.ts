// retrievePnr: read one PNR (by record locator, or by the canonical id bound to one) as a canonical Pnr.
import { Type } from '@sinclair/typebox';
import { PermanentError, defineOperation } from '@interline/hub';
import type { Pnr } from '@interline/hub';
import type { GdsClient } from '../client';
import { PNR_ENTITY, retrievePnrIn } from './pnr-lookup';

export const RetrievePnrInputSchema = Type.Object(
  {
    locator: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{5,8}$', description: 'GDS record locator.' })),
    pnrId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Canonical PNR id bound to a locator by createPnr.' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const retrievePnr = defineOperation({
  summary: 'Read a PNR (PNR_Retrieve) by record locator or canonical id and return it as a canonical Pnr with all locators, status codes and warnings.',
  input: RetrievePnrInputSchema,
  async run(client: GdsClient, input, ctx): Promise<Pnr> {
    let locator = input.locator;
    if (!locator && input.pnrId) locator = (await ctx.bindings.get(PNR_ENTITY, input.pnrId))?.externalId;
    if (!locator) throw new PermanentError(`retrievePnr: PNR ${input.pnrId ?? '(none)'} has no record locator bound to it; pass locator, or create it with createPnr first`);
    const found = locator;
    return client.inSession(`retrievePnr ${found}`, { signal: ctx.signal, logger: ctx.logger }, (session) => retrievePnrIn(client, session, found, { signal: ctx.signal }, input.pnrId));
  },
});
