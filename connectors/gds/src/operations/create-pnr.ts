// createPnr: book a PNR in one session — search for one this canonical id already made, else sell
// (names, segments NN, AP, TK TL, SSRs, remarks) and commit (RF + ER) — and return the canonical Pnr.
// Waitlisted and unsold segments come back in the Pnr with warnings; they are results, not errors.
// Idempotent: the PNR carries an INTERLINE ID remark, so a redelivery after a lost answer (or a flow
// redone after the session expired) finds the PNR instead of booking a second one.
import { TransientError, defineOperation } from '@interline/hub';
import type { OperationContext, Pnr, PnrWarning } from '@interline/hub';
import type { GdsClient } from '../client';
import { gdsLocatorOf, generalWarnings, pnrFromReply } from '../canonical/pnr-from-reply';
import { readSegments } from '../canonical/pnr-elements';
import { addElementsBody, commitBody, ignoreBody } from '../messages/add-elements';
import type { GdsSession } from '../soap/session';
import { CreatePnrInputSchema } from './create-pnr-input';
import type { CreatePnrInput } from './create-pnr-input';
import { PNR_ENTITY, findByCanonicalId, retrievePnrIn } from './pnr-lookup';

export interface CreatePnrResult {
  pnrId: string;
  locator: string;
  pnr: Pnr;
  /** True when the PNR already existed (an earlier attempt made it); nothing was booked now. */
  replayed: boolean;
}

const DEFAULT_RECEIVED_FROM = 'INTERLINE';

async function book(client: GdsClient, session: GdsSession, input: CreatePnrInput, ctx: OperationContext): Promise<CreatePnrResult> {
  const what = `createPnr ${input.pnrId}`;
  const flow = { signal: ctx.signal };
  const surname = (input.passengers.find((p) => p.type !== 'INF') ?? input.passengers[0])?.surname ?? '';
  const existing = await findByCanonicalId(client, session, input.pnrId, surname, flow);
  if (existing) {
    const locator = existing.recordLocators[0]?.locator ?? '';
    ctx.logger.info({ pnrId: input.pnrId, locator }, `${what}: the GDS already holds ${locator} for this PNR; not booking again`);
    await ctx.bindings.put(PNR_ENTITY, input.pnrId, locator);
    return { pnrId: input.pnrId, locator, pnr: existing, replayed: true };
  }

  const sold = await client.call<unknown>(session, 'PNR_AddMultiElements', addElementsBody(input), { ...flow, what: `${what}: sell` });
  const sale = readSegments(sold);
  const receivedFrom = input.receivedFrom ?? DEFAULT_RECEIVED_FROM;
  let committed = await client.call<unknown>(session, 'PNR_AddMultiElements', commitBody(receivedFrom), { ...flow, what: `${what}: end transact` });
  const busy: PnrWarning[] = [];
  if (!gdsLocatorOf(committed)) {
    // "Simultaneous changes" (the airline answered while we held the PNR) clear with a second ER.
    busy.push(...generalWarnings(committed));
    committed = await client.call<unknown>(session, 'PNR_AddMultiElements', commitBody(receivedFrom), { ...flow, what: `${what}: end transact (second try)` });
  }
  const locator = gdsLocatorOf(committed);
  if (!locator) {
    const problems = [...busy, ...generalWarnings(committed)].map((w) => w.text).join('; ') || 'no record locator in the answer';
    await client.call(session, 'PNR_AddMultiElements', ignoreBody(), { ...flow, what: `${what}: ignore` });
    throw new TransientError(`${what}: the GDS did not commit the PNR (${problems}); nothing was booked, will retry`, { problems });
  }
  const pnr = pnrFromReply(committed, { pnrId: input.pnrId });
  // Segments the carrier refused are not in the committed PNR; the sell answer still tells about them.
  const refused = sale.segments.filter((s) => !['HK', 'HL', 'HN', 'KK', 'KL', 'SS', 'TK', 'GK'].includes(s.status));
  for (const segment of refused) {
    const clash = pnr.segments.some((s) => s.id === segment.id);
    pnr.segments.push(clash ? { ...segment, id: `${segment.id}X` } : segment);
  }
  const seen = new Set(pnr.warnings.map((w) => `${w.code}|${w.segmentId}`));
  const fromSale = sale.warnings.filter((w) => !seen.has(`${w.code}|${w.segmentId}`) && w.kind === 'sell-failed');
  pnr.warnings = [...pnr.warnings, ...fromSale, ...busy.map((w) => ({ ...w, text: `${w.text} (cleared by a second end transact)` }))];
  await ctx.bindings.put(PNR_ENTITY, input.pnrId, locator, { office: client.config.officeId });
  return { pnrId: input.pnrId, locator, pnr, replayed: false };
}

export const createPnr = defineOperation({
  summary: 'Book a PNR (PNR_AddMultiElements: names with ADT/CHD/INF, segments, AP, TK TL, SSR DOCS, remarks; then RF + ER) and return the locator and canonical Pnr; waitlists and failed sells are warnings in the result. Idempotent per canonical pnrId.',
  input: CreatePnrInputSchema,
  sideEffect: true,
  async run(client: GdsClient, input, ctx): Promise<CreatePnrResult> {
    const bound = await ctx.bindings.get(PNR_ENTITY, input.pnrId);
    if (bound) {
      const pnr = await client.inSession(`createPnr ${input.pnrId} (bound)`, { signal: ctx.signal, logger: ctx.logger }, (session) => retrievePnrIn(client, session, bound.externalId, { signal: ctx.signal }, input.pnrId));
      return { pnrId: input.pnrId, locator: bound.externalId, pnr, replayed: true };
    }
    // A lost session redoes the whole flow; the search at its start keeps that from booking twice.
    return client.inSession(`createPnr ${input.pnrId}`, { signal: ctx.signal, logger: ctx.logger }, (session) => book(client, session, input, ctx));
  },
});
