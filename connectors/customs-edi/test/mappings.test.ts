// Fixture cases of every customs mapping: the route mappings in mappings/src/customs-edi (canonical →
// operation input, checked against the operation's input schema too) and the connector's own
// EDIFACT → canonical mapping (checked against the canonical model).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CustomsResponseSchema, MappingRegistry, check, readMappingCases, runMappingCases } from '@interline/hub';
import type { Mapping, MappingCase } from '@interline/hub';
import { customsEdiConnector, customsEdiMappings } from '../src';
import declarationToCusdec from '../../../mappings/src/customs-edi/declaration-to-cusdec.mapping';
import manifestToCuscar from '../../../mappings/src/customs-edi/manifest-to-cuscar.mapping';

const MAPPINGS_ROOT = path.resolve(__dirname, '../../../mappings');
const ROUTE_MAPPINGS: Array<[Mapping, string]> = [
  [declarationToCusdec as Mapping, 'sendDeclaration'],
  [manifestToCuscar as Mapping, 'sendManifest'],
];

describe('route mappings (mappings/src/customs-edi)', () => {
  const registry = new MappingRegistry();
  for (const [mapping] of ROUTE_MAPPINGS) registry.register(mapping);

  it.each(ROUTE_MAPPINGS.map(([mapping, operation]) => [mapping.id, operation]))('%s passes its cases (good and bad input); outputs are valid %s input', async (id, operation) => {
    const cases = await readMappingCases(MAPPINGS_ROOT, id);
    expect(cases.filter((c) => c.error === undefined).length).toBeGreaterThan(1);
    expect(cases.filter((c) => c.error !== undefined).length).toBeGreaterThan(2);
    const results = await runMappingCases(registry, { mappingId: id, casesFor: () => cases });
    expect(results.filter((r) => !r.passed)).toEqual([]);
    const input = customsEdiConnector.operations[operation]!.input;
    for (const c of cases.filter((c) => c.error === undefined)) expect({ case: c.name, check: check(input, c.expected) }).toMatchObject({ case: c.name, check: { ok: true } });
  });

  it('every operation has a route mapping', () => {
    expect(ROUTE_MAPPINGS.map(([, operation]) => operation).sort()).toEqual(Object.keys(customsEdiConnector.operations).sort());
  });
});

describe('EDIFACT → canonical mappings (the file source)', () => {
  const registry = new MappingRegistry();
  for (const mapping of customsEdiMappings) registry.register(mapping);

  it('customs-edi/cusres-to-response passes its cases, and its outputs are valid CustomsResponses', async () => {
    const cases = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'cusres-to-response.cases.json'), 'utf8')) as MappingCase[];
    expect(cases.filter((c) => c.error !== undefined).length).toBeGreaterThan(2);
    const results = await runMappingCases(registry, { mappingId: 'customs-edi/cusres-to-response', casesFor: () => cases });
    expect(results.filter((r) => !r.passed)).toEqual([]);
    for (const c of cases.filter((c) => c.error === undefined)) expect({ case: c.name, check: check(CustomsResponseSchema, c.expected) }).toMatchObject({ case: c.name, check: { ok: true } });
  });

  it('the reverse mappings refuse input that is not a message, naming what is missing', async () => {
    await expect(registry.run('customs-edi/cusdec-to-declaration', { id: 'x' }, caseContext())).rejects.toThrow(/input needs "segments"/);
    await expect(registry.run('customs-edi/cusdec-to-declaration', { id: 'x', segments: [{ tag: 'UNS', elements: [['D']] }] }, caseContext())).rejects.toThrow(/no BGM with a declaration type and LRN/);
    await expect(registry.run('customs-edi/cuscar-to-manifest', { id: 'x', segments: [{ tag: 'BGM', elements: [['785'], ['M-1']] }] }, caseContext())).rejects.toThrow(/does not name the flight completely/);
  });
});

function caseContext() {
  return { envelope: { id: 'case', type: 'mapping.case', tenant: 'default', correlationid: 'case', time: '2025-01-01T00:00:00Z' } };
}
