// One Jest suite for a connector's mapping fixture cases: each mapping passes its cases with the
// hub's own fixture runner (as `interline mappings test` runs them), has refusals among them, and
// every expected output satisfies the schema of whoever reads it next — the operation's input, or
// the canonical model — so a mapping and its consumer cannot drift apart.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import { MappingRegistry, readMappingCases, runMappingCases } from '../mapping';
import type { Mapping, MappingCase } from '../mapping';
import { check } from '../validation';

export interface MappingFixtureSet {
  /** Each mapping with the schema its outputs must satisfy, when something checks them next. */
  mappings: Array<{ mapping: Mapping<never, unknown>; output?: TSchema }>;
  /** Where a mapping's cases live (see `casesIn` and `casesBesideTests`). */
  casesFor(id: string): Promise<MappingCase[]>;
  /** Per mapping: at least this many cases in all, and this many refusals (defaults 2 and 1). */
  minimumCases?: number;
  minimumRefusals?: number;
}

/** Cases kept in a mappings workspace: `<root>/src/<connector>/<name>.cases.json`. */
export function casesIn(mappingsRoot: string): (id: string) => Promise<MappingCase[]> {
  return (id) => readMappingCases(mappingsRoot, id);
}

/** Cases kept with a connector's tests for its own (inbound) mappings: `<dir>/<name>.cases.json`. */
export function casesBesideTests(dir: string): (id: string) => Promise<MappingCase[]> {
  return async (id) => JSON.parse(await readFile(path.join(dir, `${id.split('/')[1] ?? id}.cases.json`), 'utf8')) as MappingCase[];
}

export function describeMappingFixtures(title: string, set: MappingFixtureSet): void {
  describe(title, () => {
    const registry = new MappingRegistry();
    for (const { mapping } of set.mappings) registry.register(mapping as Mapping);

    it.each(set.mappings.map(({ mapping, output }) => [mapping.id, output] as const))('%s passes its cases, refusals included; outputs valid for their reader', async (id, output) => {
      const cases = await set.casesFor(id);
      expect(cases.length).toBeGreaterThanOrEqual(set.minimumCases ?? 2);
      expect(cases.filter((c) => c.error !== undefined).length).toBeGreaterThanOrEqual(set.minimumRefusals ?? 1);
      const results = await runMappingCases(registry, { mappingId: id, casesFor: () => cases });
      expect(results.filter((result) => !result.passed)).toEqual([]);
      if (output === undefined) return;
      for (const c of cases.filter((c) => c.error === undefined)) expect({ case: c.name, check: check(output, c.expected) }).toMatchObject({ case: c.name, check: { ok: true } });
    });
  });
}
