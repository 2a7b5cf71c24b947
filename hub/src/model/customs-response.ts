// CustomsResponse: what customs answered to a declaration (CUSRES, national notifications), with
// errors that point at the declaration field they are about, so a person can fix and resubmit.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { countryCode, id, money, text, timestamp } from './common';
import { modelOptions, StringEnum } from './schema-helpers';

export const CUSTOMS_RESPONSE_STATUSES = [
  'received',
  'accepted',
  'rejected',
  'documents-requested',
  'held-for-inspection',
  'released',
  'exit-confirmed',
  'invalidated',
] as const;
export type CustomsResponseStatus = (typeof CUSTOMS_RESPONSE_STATUSES)[number];

export const CustomsErrorSchema = Type.Object(
  {
    code: text('Authority error code (CUSRES ERC, national code).', 35),
    pointer: Type.Optional(text('Where the error is: a JSON Pointer into the canonical declaration (/goodsItems/0/hsCode) when the connector could map it, else the authority’s own pointer.', 250)),
    text: text('Error text from the authority.', 1000),
    severity: StringEnum(['error', 'warning', 'info'] as const, { description: 'error blocks the declaration; the others do not.' }),
  },
  { additionalProperties: false, description: 'One error or remark from customs.' },
);

export const CustomsResponseSchema = Type.Object(
  {
    id: id('Canonical response id.'),
    declaration: Type.Object(
      {
        id: Type.Optional(id('Canonical declaration id, once matched.')),
        lrn: Type.String({ pattern: '^[A-Za-z0-9/-]{1,22}$', description: 'LRN of the declaration answered.' }),
        mrn: Type.Optional(Type.String({ pattern: '^[0-9]{2}[A-Z]{2}[A-Z0-9]{14}$', description: 'MRN assigned by customs.' })),
      },
      { additionalProperties: false, description: 'The declaration this answers.' },
    ),
    status: StringEnum(CUSTOMS_RESPONSE_STATUSES, { description: 'Where the declaration stands after this response.' }),
    authority: Type.Object(
      {
        countryCode: countryCode('Country of the customs administration.'),
        system: Type.Optional(text('Customs system (ATLAS, AES, AIS, CDS).', 20)),
        officeCode: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{4,12}$', description: 'Office that answered.' })),
      },
      { additionalProperties: false, description: 'Who answered.' },
    ),
    errors: Type.Array(CustomsErrorSchema, { description: 'Errors and remarks; at least one when rejected.' }),
    duties: Type.Optional(
      Type.Array(
        Type.Object(
          {
            type: text('Duty or tax type (A00 customs duty, B00 import VAT).', 10),
            amount: money('Amount assessed.'),
          },
          { additionalProperties: false },
        ),
        { description: 'Duties and taxes assessed (CUSRES TAX/MOA).' },
      ),
    ),
    controlInstructions: Type.Optional(text('What customs asks for: documents to present, goods to show.', 1000)),
    issuedAt: Type.Optional(timestamp('When customs issued the response.')),
    receivedAt: timestamp('When the hub received it.'),
  },
  modelOptions('customs-response', 'Customs response', 'The customs authority’s answer to a declaration: status, MRN, errors with pointers, duties.', {
    // A rejection with no reason cannot be fixed; insist the connector passes the reasons on.
    if: { properties: { status: { const: 'rejected' } }, required: ['status'] },
    then: { properties: { errors: { minItems: 1 } } },
  }),
);
export type CustomsResponse = Static<typeof CustomsResponseSchema>;

export { customsResponseExamples } from './examples/customs-response';
