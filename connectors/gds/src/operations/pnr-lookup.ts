// Reading PNRs inside a session: by record locator, and the search createPnr runs before booking —
// the office's PNRs under the first passenger's surname, each read to find the INTERLINE ID remark.
import { PermanentError } from '@interline/hub';
import type { Pnr } from '@interline/hub';
import type { FlowContext, GdsClient } from '../client';
import { gdsLocatorOf, generalWarnings, pnrFromReply } from '../canonical/pnr-from-reply';
import { ignoreBody } from '../messages/add-elements';
import { asArray, textAt } from '../messages/xml-values';
import type { GdsSession } from '../soap/session';

/** Binding entity: canonical PNR id ↔ GDS record locator. */
export const PNR_ENTITY = 'pnr';

export function retrieveBody(locator: string): unknown {
  return { retrievalFacts: { retrieve: { type: '2' }, reservationOrProfileIdentifier: { reservation: { controlNumber: locator } } } };
}

export async function retrieveReply(client: GdsClient, session: GdsSession, locator: string, ctx: FlowContext): Promise<unknown> {
  const reply = await client.call<unknown>(session, 'PNR_Retrieve', retrieveBody(locator), { ...ctx, what: `PNR_Retrieve ${locator}` });
  if (!gdsLocatorOf(reply)) {
    const problem = generalWarnings(reply)[0]?.text ?? 'no PNR in the answer';
    throw new PermanentError(`PNR ${locator} was not found in office ${client.config.officeId} (${problem}); check the record locator`, { locator });
  }
  return reply;
}

export async function retrievePnrIn(client: GdsClient, session: GdsSession, locator: string, ctx: FlowContext, pnrId?: string): Promise<Pnr> {
  return pnrFromReply(await retrieveReply(client, session, locator, ctx), pnrId !== undefined ? { pnrId } : {});
}

/** Locators of the office's PNRs with a passenger of this surname (a name search, like RT/SURNAME). */
async function locatorsBySurname(client: GdsClient, session: GdsSession, surname: string, ctx: FlowContext): Promise<string[]> {
  const reply = await client.call<unknown>(session, 'PNR_Retrieve', { retrievalFacts: { retrieve: { type: '2' }, personalFacts: { travellerInformation: { traveller: { surname: surname.toUpperCase() } } } } }, { ...ctx, what: `PNR_Retrieve name search ${surname}` });
  const single = gdsLocatorOf(reply);
  if (single) return [single];
  return asArray((reply as Record<string, unknown>).similarNameList).flatMap((list) => asArray((list as Record<string, unknown>).item)).flatMap((item) => {
    const locator = textAt(item, 'reservation', 'controlNumber');
    return locator ? [locator] : [];
  });
}

/**
 * The PNR an earlier attempt created for this canonical id, if any. Leaves the session with no PNR in
 * context (IG), so the booking that may follow starts clean.
 */
export async function findByCanonicalId(client: GdsClient, session: GdsSession, pnrId: string, surname: string, ctx: FlowContext): Promise<Pnr | undefined> {
  const candidates = await locatorsBySurname(client, session, surname, ctx);
  let found: Pnr | undefined;
  for (const locator of candidates) {
    const pnr = pnrFromReply(await retrieveReply(client, session, locator, ctx));
    if (pnr.id === pnrId) {
      found = pnr;
      break;
    }
  }
  if (candidates.length > 0) await client.call(session, 'PNR_AddMultiElements', ignoreBody(), { ...ctx, what: 'PNR_AddMultiElements IG (clear context)' });
  return found;
}
