// res.partner (a company or person with its child partners) → canonical Party: the main address from
// the partner, contacts from "contact" children, billing/delivery/other addresses from the others.
import { CONTACT_ROLES, defineMapping } from '@interline/hub';
import type { Address, Contact, Mapping, Party, PartyRole } from '@interline/hub';
import { fromOdooDatetime } from '../../odoo-dates';
import type { PartnerRead, PartnerSnapshot } from './snapshots';

const ADDRESS_USE = { invoice: 'billing', delivery: 'delivery', other: 'other' } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()./-]{4,24}$/;
const TAX_ID = /^[A-Za-z0-9][A-Za-z0-9 ./-]{0,34}$/;

export const partnerToParty: Mapping<PartnerSnapshot, Party> = defineMapping<PartnerSnapshot, Party>({
  id: 'odoo/partner-to-party',
  from: 'Odoo res.partner with children (change poller snapshot)',
  to: 'Party',
  description: 'Emitted as party.updated by the change poller.',
  map(snapshot) {
    const { partner, children } = snapshot ?? {};
    if (!partner || typeof partner.id !== 'number') throw new Error('input is not a partner snapshot: partner is missing');
    const what = `res.partner ${partner.id} "${partner.name || ''}"`;
    if (!partner.name) throw new Error(`${what} has no name; a Party needs one`);
    const main = address(partner, snapshot, partner.is_company ? 'registered' : 'postal');
    if (!main) throw new Error(`${what} has no complete address (street, city and country); a Party needs a main address — complete it in Odoo`);
    const party: Party = {
      id: snapshot.partyId,
      roles: roles(partner),
      type: partner.is_company ? 'organization' : 'person',
      name: partner.name.slice(0, 140),
      addresses: [main],
      active: partner.active,
      createdAt: fromOdooDatetime(partner.create_date) as string,
      updatedAt: fromOdooDatetime([partner, ...children].map((p) => p.write_date).sort().pop()) as string,
    };
    if (partner.vat && TAX_ID.test(partner.vat)) {
      const country = countryCode(partner, snapshot);
      // Odoo's vat holds whatever tax id the country uses; EU-style numbers start with their country code.
      party.taxIds = [{ scheme: /^[A-Z]{2}/.test(partner.vat) ? 'VAT' : 'TIN', value: partner.vat, ...(country ? { countryCode: country } : {}) }];
    }
    for (const child of children.filter((c) => c.active && c.type !== 'contact' && c.type !== false)) {
      const extra = address(child, snapshot, ADDRESS_USE[child.type as keyof typeof ADDRESS_USE] ?? 'other');
      if (extra && party.addresses.length < 10) party.addresses.push(extra);
    }
    const contacts = children.filter((c) => c.active && (c.type === 'contact' || c.type === false)).map(contact).filter((c): c is Contact => c !== undefined);
    if (contacts.length > 0) party.contacts = contacts.slice(0, 20);
    const language = typeof partner.lang === 'string' ? partner.lang.replace('_', '-') : undefined;
    if (language && /^[a-z]{2,3}(-[A-Z]{2})?$/.test(language)) party.language = language;
    return party;
  },
});

function roles(partner: PartnerRead): PartyRole[] {
  const result: PartyRole[] = [];
  if (partner.customer_rank > 0) result.push('customer');
  if (partner.supplier_rank > 0) result.push('supplier');
  // A partner nobody has bought from or sold to yet is, to a freight business, a prospective customer.
  return result.length > 0 ? result : ['customer'];
}

function countryCode(partner: PartnerRead, snapshot: PartnerSnapshot): string | undefined {
  return partner.country_id ? snapshot.countryCodes[String(partner.country_id[0])] : undefined;
}

function address(partner: PartnerRead, snapshot: PartnerSnapshot, use: Address['use']): Address | undefined {
  const country = countryCode(partner, snapshot);
  if (!partner.street || !partner.city || !country) return undefined;
  const result: Address = { use, lines: [partner.street.slice(0, 70)], city: partner.city.slice(0, 70), countryCode: country };
  if (partner.street2) result.lines.push(partner.street2.slice(0, 70));
  if (partner.zip) result.postalCode = partner.zip.slice(0, 17);
  const state = partner.state_id ? snapshot.stateCodes[String(partner.state_id[0])] : undefined;
  if (state) result.region = `${country}-${state}`;
  return result;
}

function contact(child: PartnerRead): Contact | undefined {
  const result: Contact = {};
  if (child.name) result.name = child.name.slice(0, 140);
  if (child.email && EMAIL.test(child.email)) result.email = child.email;
  if (child.phone && PHONE.test(child.phone)) result.phone = child.phone;
  if (child.function && (CONTACT_ROLES as readonly string[]).includes(child.function)) result.role = child.function as Contact['role'];
  return Object.keys(result).length > 0 ? result : undefined;
}
