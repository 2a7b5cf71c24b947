// sendDeclaration: lodge a customs declaration — a CUSDEC D.96B interchange in the authority's outbox.
import { defineOperation } from '@interline/hub';
import type { CustomsEdiClient } from '../client';
import { CusdecSubmissionSchema } from './message-input';
import { submit } from './submit';
import type { SubmitResult } from './submit';

export const sendDeclaration = defineOperation({
  summary: 'Write the CUSDEC (from mapping customs-edi/declaration-to-cusdec) as an interchange file in the authority\'s outbox; binds declaration id ↔ interchange reference.',
  input: CusdecSubmissionSchema,
  sideEffect: true,
  run: (client: CustomsEdiClient, input, ctx): Promise<SubmitResult> =>
    submit(client, { kind: 'declaration', entity: 'customs-declaration', id: input.declaration.id, reference: input.declaration.lrn, message: input.message }, ctx),
});
