// The shared connector contract, run against the customs authority simulator through a real hub.
// The fault scenarios assume a request that answers: a file drop has none (see the exemptions);
// their file-channel counterparts are in operations.test.ts, simulator.test.ts and hub.test.ts.
import { customsDeclarationExamples } from '@interline/hub';
import { describeConnectorContract } from '@interline/hub/testing';
import { customsEdiConnector } from '../src';
import type { AuthorityState } from '../src/testing';
import declarationToCusdec from '../../../mappings/src/customs-edi/declaration-to-cusdec.mapping';
import manifestCases from '../../../mappings/src/customs-edi/manifest-to-cuscar.cases.json';

const ctx = { envelope: { id: 'contract', type: 'test.ping', tenant: 'default', correlationid: 'contract', time: '2025-01-01T00:00:00Z' } };
const manifest = manifestCases[0]!.expected as { manifest: { id: string; reference: string } };
const valid = { root: '/srv/exchange', partner: 'customs-de', sender: { id: 'INTERLINE' }, recipient: { id: 'DEATLAS' }, authority: { countryCode: 'DE' } };
const NO_ANSWER =
  'a declaration is a file dropped in the outbox: the step succeeds once the file is written, and the authority answers later (CONTRL/CUSRES in the inbox), so a simulator fault cannot fail or delay the step';

describeConnectorContract<AuthorityState>({
  definition: customsEdiConnector,
  operations: {
    sendDeclaration: {
      input: (nonce) => {
        const declaration = { ...customsDeclarationExamples[0]!, id: `decl-${nonce}`, references: { ...customsDeclarationExamples[0]!.references, lrn: `C-${nonce}`.slice(0, 22) } };
        return declarationToCusdec.map(declaration, ctx);
      },
    },
    sendManifest: {
      input: (nonce) => ({ ...manifest, manifest: { id: `manifest-${nonce}`, reference: `M-${nonce}`.slice(0, 22) } }),
    },
  },
  faultOperation: 'sendDeclaration',
  countEffects: (state) => state.lodged.length,
  invalidConfigs: [
    { config: {}, path: '/root' },
    { config: { ...valid, partner: '../etc' }, path: '/partner' },
    { config: { ...valid, password: 'longer-than-fourteen' }, path: '/password' },
    { config: { ...valid, sender: { id: "IN'TERLINE" } }, path: '/sender/id' },
    { config: { ...valid, syntax: { identifier: 'UNOZ', version: 3 } }, path: '/syntax/identifier' },
  ],
  exemptions: {
    redelivery: `${NO_ANSWER}; a redelivered step writes no second file (operations.test.ts) and the authority refuses a repeated interchange as duplicate 26 (simulator.test.ts)`,
    transient: `${NO_ANSWER}; an unavailable outbox fails transiently (operations.test.ts), and a gateway that is down leaves the file queued (simulator.test.ts)`,
    permanent: `${NO_ANSWER}; invalid EDI is refused before writing (operations.test.ts), a refusal by the authority arrives as CONTRL and becomes a rejected response (responses.test.ts, hub.test.ts)`,
    auth: `${NO_ANSWER}; a wrong UNB password is refused by CONTRL syntax error 11 (simulator.test.ts) and surfaces as a rejected customs response (responses.test.ts)`,
    circuit: `${NO_ANSWER}, so the authority cannot make the step fail repeatedly; local write failures still count towards the breaker like any other transient error`,
  },
});
