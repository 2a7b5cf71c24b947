// The customs EDI connector's configuration: where the partner's folders are, who we and the
// authority are in the interchange envelope, the UNB password (secret), syntax and leniency.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

const InterchangePartySchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 35, pattern: "^[^'+:?*]+$", description: 'UNB 0004/0010 interchange id, e.g. the EORI or a mailbox id.' }),
    qualifier: Type.Optional(Type.String({ minLength: 1, maxLength: 4, description: 'UNB 0007 identification code qualifier (ZZZ, 14, …), when the partner uses one.' })),
  },
  { additionalProperties: false },
);

export const SYNTAX_IDENTIFIERS = ['UNOA', 'UNOB', 'UNOC', 'UNOW', 'UNOY'] as const;

export const CustomsEdiConfigSchema = Type.Object(
  {
    root: Type.String({ minLength: 1, description: 'Root folder of the partner file exchange; the same root the hub\'s file exchange watches.' }),
    partner: Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
      description: 'The authority\'s folder under root: <root>/<partner>/inbox (answers), outbox (our files), archive.',
    }),
    sender: Type.Object(InterchangePartySchema.properties, { additionalProperties: false, description: 'Who we are in UNB (S002).' }),
    recipient: Type.Object(InterchangePartySchema.properties, {
      additionalProperties: false,
      description: 'The authority in UNB (S003); its files must name it as sender.',
    }),
    authoritySenders: Type.Optional(
      Type.Array(InterchangePartySchema, { description: 'Further sender ids the authority answers from (e.g. a test system); recipient is always allowed.' }),
    ),
    password: Type.Optional(
      Type.String({ minLength: 1, maxLength: 14, secret: true, description: 'UNB S005 recipient\'s reference/password (0022) the authority issued; sent with qualifier BB.' }),
    ),
    ackRequested: Type.Optional(Type.Boolean({ default: true, description: 'Ask the authority for a CONTRL (UNB 0031 = 1).' })),
    testIndicator: Type.Optional(Type.Boolean({ default: false, description: 'Mark interchanges as tests (UNB 0035 = 1).' })),
    syntax: Type.Optional(
      Type.Object(
        {
          identifier: Type.Union(SYNTAX_IDENTIFIERS.map((id) => Type.Literal(id)), { default: 'UNOC', description: 'Character repertoire (UNOC = ISO 8859-1).' }),
          version: Type.Union([Type.Literal(3), Type.Literal(4)], { default: 3 }),
        },
        { additionalProperties: false },
      ),
    ),
    leniency: Type.Optional(Type.Union([Type.Literal('strict'), Type.Literal('permissive')], { default: 'strict', description: 'How strictly the authority\'s files are read.' })),
    authority: Type.Object(
      {
        countryCode: Type.String({ pattern: '^[A-Z]{2}$' }),
        system: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
        officeCode: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{4,12}$' })),
      },
      { additionalProperties: false, description: 'The authority answers are attributed to when a CUSRES names no issuer.' },
    ),
    staleOutboxMinutes: Type.Optional(
      Type.Integer({ minimum: 1, default: 30, description: 'Health turns degraded when a file waits in the outbox longer than this (the authority is not collecting).' }),
    ),
  },
  { additionalProperties: false },
);

export type CustomsEdiConfig = Static<typeof CustomsEdiConfigSchema>;
export type InterchangeParty = Static<typeof InterchangePartySchema>;
