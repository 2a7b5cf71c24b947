// Customs declarations: what a customer submits (the canonical declaration without the ids and
// times the portal assigns) and the declaration with the answers customs gave.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { CUSTOMS_RESPONSE_STATUSES, CustomsDeclarationSchema, CustomsResponseSchema } from '@interline/hub';
import { embed, named } from './named-schemas';

export const CustomsSubmissionSchema = named(
  'CustomsSubmission',
  Type.Omit(CustomsDeclarationSchema, ['id', 'createdAt', 'submittedAt'], { description: 'A customs declaration to lodge; the portal assigns id and times.' }),
);
export type CustomsSubmission = Static<typeof CustomsSubmissionSchema>;

export const CUSTOMS_STATUSES = ['submitted', ...CUSTOMS_RESPONSE_STATUSES] as const;

export const CustomsCaseSchema = named(
  'CustomsCase',
  Type.Object(
    {
      declaration: embed(CustomsDeclarationSchema),
      status: Type.Unsafe<(typeof CUSTOMS_STATUSES)[number]>({ type: 'string', enum: [...CUSTOMS_STATUSES], description: 'submitted until customs answers; then the latest answer’s status.' }),
      responses: Type.Array(embed(CustomsResponseSchema), { description: 'Customs answers, oldest first.' }),
    },
    { additionalProperties: false, description: 'A declaration and where it stands with customs.' },
  ),
);
export type CustomsCase = Static<typeof CustomsCaseSchema>;
