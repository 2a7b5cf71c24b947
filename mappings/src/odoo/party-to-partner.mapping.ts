// Canonical Party → the input of odoo.upsertCustomer: a res.partner (company or person) with the
// first address as its own, contacts and further addresses as child partners with stable refs.
import { defineMapping } from '@interline/hub';
import type { Address, Party } from '@interline/hub';
import { odooLang, textOrFalse } from './odoo-values';

type OdooText = string | false;

export interface PartnerChild {
  ref: string;
  country?: string;
  vals: { type: 'contact' | 'invoice' | 'delivery' | 'other'; name?: OdooText; email?: OdooText; phone?: OdooText; function?: OdooText; street?: OdooText; street2?: OdooText; zip?: OdooText; city?: OdooText };
}

export interface UpsertCustomerInput {
  partyId: string;
  country: string;
  state?: string;
  partner: { name: string; is_company: boolean; vat: OdooText; street: OdooText; street2: OdooText; zip: OdooText; city: OdooText; lang?: string; active: boolean };
  children: PartnerChild[];
}

/** Odoo's vat field holds the one tax number a country uses for invoicing; EORI and the like have no field. */
const VAT_SCHEMES = ['VAT', 'GSTIN', 'EIN', 'TIN'];
const CHILD_TYPE: Record<string, PartnerChild['vals']['type']> = { billing: 'invoice', delivery: 'delivery', pickup: 'delivery' };

export default defineMapping<Party, UpsertCustomerInput>({
  id: 'odoo/party-to-partner',
  from: 'Party',
  to: 'odoo.upsertCustomer input (res.partner with child partners)',
  description: 'Contacts become "contact" children (role → job position); addresses after the first become invoice/delivery/other children.',
  map(party) {
    if (!party || typeof party.id !== 'string' || !Array.isArray(party.addresses)) throw new Error('input is not a Party: id or addresses is missing');
    const [main, ...others] = party.addresses;
    if (!main) throw new Error(`party ${party.id} has no address; Odoo needs the main address for the partner's country`);
    const vat = VAT_SCHEMES.map((scheme) => party.taxIds?.find((t) => t.scheme === scheme)).find((t) => t !== undefined);
    const input: UpsertCustomerInput = {
      partyId: party.id,
      country: main.countryCode,
      partner: {
        name: party.name,
        is_company: party.type === 'organization',
        vat: vat ? vat.value : false,
        ...street(main),
        zip: textOrFalse(main.postalCode),
        city: main.city,
        active: party.active,
      },
      children: [],
    };
    const lang = odooLang(party.language);
    if (lang) input.partner.lang = lang;
    const state = main.region?.startsWith(`${main.countryCode}-`) ? main.region.slice(3) : undefined;
    if (state) input.state = state;
    (party.contacts ?? []).forEach((contact, index) => {
      const role = contact.role ? contact.role.replace(/-/g, ' ') : undefined;
      // Odoo refuses a contact without a name ("Contacts require a name").
      const name = contact.name ?? (role ? `${role[0]?.toUpperCase()}${role.slice(1)} contact` : contact.email) ?? `Contact ${index + 1}`;
      input.children.push({
        ref: `${party.id}/contact/${index + 1}`,
        vals: { type: 'contact', name, email: textOrFalse(contact.email), phone: textOrFalse(contact.phone), function: textOrFalse(contact.role) },
      });
    });
    others.forEach((address, index) => {
      input.children.push({
        ref: `${party.id}/address/${index + 2}`,
        country: address.countryCode,
        vals: { type: CHILD_TYPE[address.use ?? 'other'] ?? 'other', name: false, ...street(address), zip: textOrFalse(address.postalCode), city: address.city },
      });
    });
    return input;
  },
});

function street(address: Address): { street: string; street2: OdooText } {
  const [first = '', ...rest] = address.lines;
  return { street: first, street2: rest.length > 0 ? rest.join(', ') : false };
}
