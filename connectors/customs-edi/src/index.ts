// The customs EDI connector: declarations (CUSDEC) and cargo reports (CUSCAR) as EDIFACT interchange
// files to a customs authority's partner folder; its CONTRL and CUSRES answers back as canonical
// customs.response-received events, correlated with the declaration they answer.
import { defineConnector } from '@interline/hub';
import { CustomsEdiClient } from './client';
import { CustomsEdiConfigSchema } from './config';
import { sendDeclaration } from './operations/send-declaration';
import { sendManifest } from './operations/send-manifest';
import { customsSimulator } from './simulator';
import { responses } from './sources/responses';

export const customsEdiConnector = defineConnector({
  id: 'customs-edi',
  version: '1.0.0',
  summary: 'Customs over EDIFACT files: CUSDEC declarations and CUSCAR manifests out, CONTRL and CUSRES answers in (D.96B), through the partner file exchange.',
  config: CustomsEdiConfigSchema,
  connect: async (config, ctx) => {
    const client = new CustomsEdiClient(config, ctx.state, ctx.logger);
    await client.prepare();
    return client;
  },
  operations: { sendDeclaration, sendManifest },
  sources: { responses },
  health: (client) => client.health(),
  simulator: customsSimulator,
});

export default customsEdiConnector;

export { CustomsEdiClient, DUPLICATE_WINDOW_MS } from './client';
export { CustomsEdiConfigSchema, SYNTAX_IDENTIFIERS } from './config';
export type { CustomsEdiConfig, InterchangeParty } from './config';
export { CusdecSubmissionSchema, CuscarSubmissionSchema } from './operations/message-input';
export type { CusdecSubmission, CuscarSubmission } from './operations/message-input';
export type { SubmitResult } from './operations/submit';
export type { SentMessage } from './connector-state';
export { CargoManifestSchema } from './canonical/cargo-manifest';
export type { CargoManifest } from './canonical/cargo-manifest';
export { cusdecToDeclaration } from './canonical/cusdec-to-declaration';
export { cuscarToManifest } from './canonical/cuscar-to-manifest';
export { answeredMessageRef, cusresToResponse } from './canonical/cusres-to-response';
export { responseToCusres } from './canonical/response-to-cusres';
export { customsEdiMappings, cusdecToDeclarationMapping, cuscarToManifestMapping, cusresToResponseMapping } from './canonical/mappings';
export { interchangeText, encodeInterchange } from './interchange';
