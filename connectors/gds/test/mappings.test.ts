// Fixture cases of the GDS mappings: the route mapping in mappings/src/gds (canonical Pnr → createPnr
// input, whose outputs must also be valid createPnr input) and the connector's own PNR_Reply → Pnr
// (whose outputs must be valid canonical Pnrs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MappingRegistry, PnrSchema, check, readMappingCases, runMappingCases } from '@interline/hub';
import type { Mapping, MappingCase } from '@interline/hub';
import { CreatePnrInputSchema, gdsMappings } from '../src';
import pnrToCreatePnr from '../../../mappings/src/gds/pnr-to-create-pnr.mapping';

const MAPPINGS_ROOT = path.resolve(__dirname, '../../../mappings');

it('gds/pnr-to-create-pnr passes its cases, and its outputs are valid createPnr input', async () => {
  const registry = new MappingRegistry();
  registry.register(pnrToCreatePnr as Mapping);
  const cases = await readMappingCases(MAPPINGS_ROOT, 'gds/pnr-to-create-pnr');
  expect(cases.filter((c) => c.error !== undefined).length).toBeGreaterThan(0);
  const results = await runMappingCases(registry, { mappingId: 'gds/pnr-to-create-pnr', casesFor: () => cases });
  expect(results.filter((r) => !r.passed)).toEqual([]);
  for (const c of cases.filter((c) => c.error === undefined)) {
    expect({ case: c.name, input: check(PnrSchema, c.input).ok, output: check(CreatePnrInputSchema, c.expected) }).toMatchObject({ case: c.name, input: true, output: { ok: true } });
  }
});

it('gds/pnr-reply-to-pnr passes its cases, and its outputs are valid canonical Pnrs', async () => {
  const registry = new MappingRegistry();
  for (const mapping of gdsMappings) registry.register(mapping);
  const cases = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'pnr-reply-to-pnr.cases.json'), 'utf8')) as MappingCase[];
  const results = await runMappingCases(registry, { mappingId: 'gds/pnr-reply-to-pnr', casesFor: () => cases });
  expect(results.filter((r) => !r.passed)).toEqual([]);
  for (const c of cases.filter((c) => c.error === undefined)) expect({ case: c.name, check: check(PnrSchema, c.expected) }).toMatchObject({ case: c.name, check: { ok: true } });
});
