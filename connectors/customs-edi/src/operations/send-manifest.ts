// sendManifest: report a flight's cargo — a CUSCAR D.96B interchange in the authority's outbox.
import { defineOperation } from '@interline/hub';
import type { CustomsEdiClient } from '../client';
import { CuscarSubmissionSchema } from './message-input';
import { submit } from './submit';
import type { SubmitResult } from './submit';

export const sendManifest = defineOperation({
  summary: 'Write the CUSCAR (from mapping customs-edi/manifest-to-cuscar) as an interchange file in the authority\'s outbox; binds manifest id ↔ interchange reference.',
  input: CuscarSubmissionSchema,
  sideEffect: true,
  run: (client: CustomsEdiClient, input, ctx): Promise<SubmitResult> =>
    submit(client, { kind: 'manifest', entity: 'cargo-manifest', id: input.manifest.id, reference: input.manifest.reference, message: input.message }, ctx),
});
