// Changed res.partner rows → party.updated events. A change to a contact or address is a change to
// its company's party, so rows are grouped by their top-level partner, which is read with its children.
import type { ConnectorContext } from '@interline/hub';
import type { OdooClient } from '../client';
import { many2oneId } from '../client';
import type { ChangeRow } from './change-feed';
import { canonicalIdOf, eventIdFor } from './identity';
import type { Identity } from './identity';
import { partnerToParty } from './inbound/partner-to-party';
import type { PartnerRead } from './inbound/snapshots';
import { codesOf, mappingContext } from './pending-event';
import type { PendingEvent } from './pending-event';

export const PARTNER_FEED_FIELDS = ['parent_id'];
const PARTNER_FIELDS = [
  'name', 'is_company', 'type', 'parent_id', 'ref', 'vat', 'email', 'phone', 'function', 'street', 'street2', 'zip', 'city', 'state_id', 'country_id',
  'lang', 'active', 'customer_rank', 'supplier_rank', 'create_date', 'write_date', 'create_uid',
];

export async function partnerEvents(client: OdooClient, ctx: ConnectorContext, identity: Identity, rows: readonly ChangeRow[], signal: AbortSignal): Promise<PendingEvent[]> {
  const triggers = new Map<number, string>();
  for (const row of rows) {
    const top = many2oneId(row.parent_id) ?? row.id;
    if ((triggers.get(top) ?? '') < row.write_date) triggers.set(top, row.write_date);
  }
  if (triggers.size === 0) return [];
  const context = { active_test: false };
  const partners = await client.read<PartnerRead & { create_uid: unknown }>('res.partner', [...triggers.keys()], PARTNER_FIELDS, { signal, context });
  const children = await client.searchRead<PartnerRead & { create_uid: unknown }>('res.partner', [['parent_id', 'in', [...triggers.keys()]]], PARTNER_FIELDS, { signal, context, order: 'id asc' });
  const all = [...partners, ...children];
  const countryCodes = await codesOf(client, 'res.country', all.flatMap((p) => (p.country_id ? [p.country_id[0]] : [])), signal);
  const stateCodes = await codesOf(client, 'res.country.state', all.flatMap((p) => (p.state_id ? [p.state_id[0]] : [])), signal);
  const events: PendingEvent[] = [];
  for (const partner of partners) {
    // A grandchild's change reaches here as its parent; only top-level partners are parties.
    if (partner.parent_id) continue;
    const partyId = canonicalIdOf(identity, 'res.partner', partner, partner.ref).id;
    const snapshot = { partyId, partner, children: children.filter((c) => many2oneId(c.parent_id) === partner.id), countryCodes, stateCodes };
    try {
      const party = await partnerToParty.map(snapshot, mappingContext());
      events.push({ type: 'party.updated', id: eventIdFor(identity, 'res.partner', partner.id, triggers.get(partner.id), party), data: party, subject: partyId, partitionkey: partyId });
    } catch (error) {
      ctx.logger.warn({ model: 'res.partner', id: partner.id }, `change poller skips res.partner ${partner.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return events;
}
