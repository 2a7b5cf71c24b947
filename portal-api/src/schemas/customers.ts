// Customer request shapes, derived from the canonical Party so the API cannot drift from it.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { PartySchema } from '@interline/hub';
import { named } from './named-schemas';

export const CustomerRegistrationSchema = named(
  'CustomerRegistration',
  Type.Omit(PartySchema, ['id', 'active', 'createdAt', 'updatedAt'], {
    description: 'A Party to register as a customer of the caller’s tenant; the portal assigns id and timestamps and adds the role customer.',
  }),
);
export type CustomerRegistration = Static<typeof CustomerRegistrationSchema>;

export const CustomerUpdateSchema = named(
  'CustomerUpdate',
  Type.Partial(Type.Omit(PartySchema, ['id', 'createdAt', 'updatedAt']), {
    minProperties: 1,
    description: 'Fields of the Party to replace (top-level merge); set active to false to archive.',
  }),
);
export type CustomerUpdate = Static<typeof CustomerUpdateSchema>;
