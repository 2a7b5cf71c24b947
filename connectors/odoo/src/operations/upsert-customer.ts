// upsertCustomer: a canonical party (mapped by odoo/party-to-partner) → a res.partner company with
// its contacts and extra addresses as child partners. Found by binding or by ref = party id, so a
// redelivery updates the record it created instead of creating a second one.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { defineOperation } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type { OdooClient } from '../client';
import { bind, findBound } from './bindings';
import { countryId, stateId } from './lookups';
import { CanonicalId, CountryCode, OdooText } from './input-schemas';

const PartnerVals = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 256 }),
    is_company: Type.Boolean(),
    vat: Type.Optional(OdooText),
    company_registry: Type.Optional(OdooText),
    email: Type.Optional(OdooText),
    phone: Type.Optional(OdooText),
    street: Type.Optional(OdooText),
    street2: Type.Optional(OdooText),
    zip: Type.Optional(OdooText),
    city: Type.Optional(OdooText),
    lang: Type.Optional(OdooText),
    comment: Type.Optional(OdooText),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const ChildSpec = Type.Object(
  {
    ref: Type.String({ minLength: 1, maxLength: 200, description: 'Stable reference of the child (written to its ref), so updates find it.' }),
    country: Type.Optional(CountryCode),
    vals: Type.Object(
      {
        type: Type.Union([Type.Literal('contact'), Type.Literal('invoice'), Type.Literal('delivery'), Type.Literal('other')]),
        name: Type.Optional(OdooText),
        email: Type.Optional(OdooText),
        phone: Type.Optional(OdooText),
        function: Type.Optional(OdooText),
        street: Type.Optional(OdooText),
        street2: Type.Optional(OdooText),
        zip: Type.Optional(OdooText),
        city: Type.Optional(OdooText),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const UpsertCustomerInput = Type.Object(
  {
    partyId: CanonicalId,
    country: CountryCode,
    state: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{1,3}$', description: 'Subdivision code within the country (HE for DE-HE); left out when Odoo does not know it.' })),
    partner: PartnerVals,
    children: Type.Array(ChildSpec, { maxItems: 40 }),
  },
  { additionalProperties: false, description: 'Output of the odoo/party-to-partner mapping.' },
);
export type UpsertCustomerInput = Static<typeof UpsertCustomerInput>;

export interface UpsertCustomerResult {
  partnerId: number;
  created: boolean;
  children: number;
}

export const upsertCustomer = defineOperation({
  summary: 'Create or update a res.partner company (ref = canonical party id) with its contacts and addresses as child partners; country by ISO code.',
  input: UpsertCustomerInput,
  sideEffect: true,
  async run(client: OdooClient, input, ctx: OperationContext): Promise<UpsertCustomerResult> {
    const { signal } = ctx;
    const existing = await findBound(client, ctx, { model: 'res.partner', canonicalId: input.partyId, referenceDomain: [['ref', '=', input.partyId], ['parent_id', '=', false]] });
    const country = await countryId(client, input.country, signal);
    const state = input.state ? await stateId(client, country, input.state, signal) : undefined;
    const vals: Record<string, unknown> = { ...input.partner, ref: input.partyId, country_id: country, ...(state !== undefined ? { state_id: state } : {}) };
    const childVals = async (child: UpsertCustomerInput['children'][number]): Promise<Record<string, unknown>> => ({
      ...child.vals,
      ref: child.ref,
      country_id: child.country ? await countryId(client, child.country, signal) : country,
    });

    if (existing === undefined) {
      const commands = await Promise.all(input.children.map(async (child) => [0, 0, await childVals(child)]));
      const id = await client.create('res.partner', { ...vals, child_ids: commands }, { signal });
      await bind(ctx, 'res.partner', input.partyId, id);
      return { partnerId: id, created: true, children: input.children.length };
    }

    // Children are matched by the ref the connector gave them; ours that the party no longer has are
    // archived, not deleted (documents may point at them); children people added in Odoo stay as they are.
    const current = await client.searchRead<{ id: number; ref: string | false }>('res.partner', [['parent_id', '=', existing]], ['ref'], { context: { active_test: false }, signal });
    const byRef = new Map(current.filter((c) => typeof c.ref === 'string').map((c) => [c.ref as string, c.id]));
    const wanted = new Set(input.children.map((child) => child.ref));
    const commands: unknown[] = [];
    for (const child of input.children) {
      const id = byRef.get(child.ref);
      commands.push(id === undefined ? [0, 0, await childVals(child)] : [1, id, { ...(await childVals(child)), active: true }]);
    }
    for (const [ref, id] of byRef) if (ref.startsWith(`${input.partyId}/`) && !wanted.has(ref)) commands.push([1, id, { active: false }]);
    await client.write('res.partner', [existing], { ...vals, child_ids: commands }, { signal });
    await bind(ctx, 'res.partner', input.partyId, existing);
    return { partnerId: existing, created: false, children: input.children.length };
  },
});
