// Fixture cases of the GDS mappings: the route mapping in mappings/src/gds (canonical Pnr → createPnr
// input, whose outputs must also be valid createPnr input) and the connector's own PNR_Reply → Pnr
// (whose outputs must be valid canonical Pnrs).
import path from 'node:path';
import { PnrSchema, check } from '@interline/hub';
import type { Mapping } from '@interline/hub';
import { casesBesideTests, casesIn, describeMappingFixtures } from '@interline/hub/testing';
import { CreatePnrInputSchema, gdsMappings } from '../src';
import pnrToCreatePnr from '../../../mappings/src/gds/pnr-to-create-pnr.mapping';

const mappingsCases = casesIn(path.resolve(__dirname, '../../../mappings'));

describeMappingFixtures('route mapping (mappings/src/gds)', {
  casesFor: mappingsCases,
  mappings: [{ mapping: pnrToCreatePnr as Mapping<never, unknown>, output: CreatePnrInputSchema }],
});

it('gds/pnr-to-create-pnr cases start from valid canonical Pnrs', async () => {
  for (const c of (await mappingsCases('gds/pnr-to-create-pnr')).filter((c) => c.error === undefined)) {
    expect({ case: c.name, input: check(PnrSchema, c.input).ok }).toEqual({ case: c.name, input: true });
  }
});

describeMappingFixtures('PNR_Reply → canonical Pnr (the connector’s own)', {
  casesFor: casesBesideTests(path.join(__dirname, 'fixtures')),
  mappings: gdsMappings.map((mapping) => ({ mapping: mapping as Mapping<never, unknown>, output: PnrSchema })),
});
