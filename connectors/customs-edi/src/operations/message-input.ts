// The input of sendDeclaration and sendManifest: what the route's mapping produced — the canonical
// object's id and reference, and the EDIFACT message as segments (the connector adds the envelope).
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

export const SegmentSchema = Type.Object(
  {
    tag: Type.String({ pattern: '^[A-Z][A-Z0-9]{2}$', description: 'Segment tag, e.g. BGM.' }),
    elements: Type.Array(Type.Array(Type.String({ maxLength: 512 }), { maxItems: 64 }), { maxItems: 99, description: 'Data elements, each a list of components.' }),
  },
  { additionalProperties: false },
);

export function messageSchema(type: string, release: string) {
  return Type.Object(
    {
      type: Type.Literal(type),
      version: Type.Literal('D'),
      release: Type.Literal(release),
      agency: Type.Literal('UN'),
      segments: Type.Array(SegmentSchema, { minItems: 1, maxItems: 100_000, description: 'The segments between UNH and UNT.' }),
    },
    { additionalProperties: false },
  );
}

const reference = Type.String({ pattern: '^[A-Za-z0-9/-]{1,22}$' });
const id = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' });

export const CusdecSubmissionSchema = Type.Object(
  {
    declaration: Type.Object({ id, lrn: reference }, { additionalProperties: false }),
    message: messageSchema('CUSDEC', '96B'),
  },
  { additionalProperties: false, description: 'Output of mapping customs-edi/declaration-to-cusdec.' },
);
export type CusdecSubmission = Static<typeof CusdecSubmissionSchema>;

export const CuscarSubmissionSchema = Type.Object(
  {
    manifest: Type.Object({ id, reference }, { additionalProperties: false }),
    message: messageSchema('CUSCAR', '96B'),
  },
  { additionalProperties: false, description: 'Output of mapping customs-edi/manifest-to-cuscar.' },
);
export type CuscarSubmission = Static<typeof CuscarSubmissionSchema>;
