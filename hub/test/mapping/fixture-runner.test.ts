import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../../src/errors';
import { captureCase, casesFilePath, readMappingCases, runMappingCases } from '../../src/mapping/fixture-runner';
import { formatCaseResults } from '../../src/mapping/json-diff';
import type { MappingCase, MappingContext } from '../../src/mapping/mapping';
import { MappingRegistry, loadMappings } from '../../src/mapping/registry';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'interline-cases-'));
  roots.push(root);
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  return root;
}

interface Booking {
  weight: number | string;
}

function registry(): MappingRegistry {
  return new MappingRegistry()
    .register({
      id: 'http/shipment',
      from: 'CargoBooking',
      to: 'http.shipment',
      map: (input: Booking, ctx: MappingContext) => {
        if (typeof input.weight !== 'number') throw new Error(`weight must be a number, got ${typeof input.weight}`);
        return { pieces: [{ weight: input.weight }], tenant: ctx.envelope.tenant, at: new Date(ctx.envelope.time) };
      },
    })
    .register({ id: 'http/echo', from: 'A', to: 'B', map: (input: unknown) => input });
}

const SHIPMENT_CASES: MappingCase[] = [
  { name: 'basic', input: { weight: 12.5 }, expected: { pieces: [{ weight: 12.5 }], tenant: 'default', at: '2024-01-01T00:00:00.000Z' } },
  {
    name: 'tenant from the envelope',
    input: { weight: 1 },
    envelope: { tenant: 'acme', time: '2024-05-01T00:00:00.000Z' },
    expected: { pieces: [{ weight: 1 }], tenant: 'acme', at: '2024-05-01T00:00:00.000Z' },
  },
  { name: 'wrong expectation', input: { weight: 12.5 }, expected: { pieces: [{ weight: '12.5' }], tenant: 'default', at: '2024-01-01T00:00:00.000Z', extra: true } },
  { name: 'string weight is refused', input: { weight: '12.5' }, error: 'weight must be a number' },
  { name: 'string weight by regex', input: { weight: '12.5' }, error: '/^weight must be a NUMBER/i' },
  { name: 'error expected but none', input: { weight: 1 }, error: 'weight must be a number' },
  { name: 'wrong error', input: { weight: '1' }, error: 'pieces are required' },
  { name: 'unexpected throw', input: { weight: 'heavy' }, expected: {} },
];

describe('runMappingCases', () => {
  it('passes, fails and diffs cases, including expected-error cases', async () => {
    const results = await runMappingCases(registry(), { mappingId: 'http/shipment', casesFor: () => SHIPMENT_CASES });
    const byName = Object.fromEntries(results.map((result) => [result.case, result]));
    expect(results.map((result) => result.mapping)).toEqual(Array(SHIPMENT_CASES.length).fill('http/shipment'));
    expect(byName['basic']).toEqual({ mapping: 'http/shipment', case: 'basic', passed: true });
    expect(byName['tenant from the envelope']?.passed).toBe(true);
    expect(byName['wrong expectation']).toMatchObject({
      passed: false,
      diff: [
        { path: '/pieces/0/weight', kind: 'changed', expected: '12.5', actual: 12.5 },
        { path: '/extra', kind: 'missing', expected: true },
      ],
    });
    expect(byName['string weight is refused']?.passed).toBe(true);
    expect(byName['string weight by regex']?.passed).toBe(true);
    expect(byName['error expected but none']).toMatchObject({ passed: false, error: expect.stringContaining('but the mapping returned {"pieces"') });
    expect(byName['wrong error']).toMatchObject({
      passed: false,
      error: expect.stringContaining(`expected an error matching "pieces are required", got: mapping 'http/shipment' failed: weight must be a number`),
    });
    expect(byName['unexpected throw']).toMatchObject({ passed: false, error: expect.stringContaining('threw: mapping') });

    const report = formatCaseResults(results);
    expect(report).toContain('✗ http/shipment › wrong expectation\n    /pieces/0/weight: expected "12.5", got 12.5\n    /extra: missing (expected true)');
    expect(report.split('\n').at(-1)).toBe('8 cases, 4 passed, 4 failed');
  });

  it('fails a case that has both or neither of expected and error, and a broken regex', async () => {
    const results = await runMappingCases(registry(), {
      mappingId: 'http/echo',
      casesFor: () => [
        { name: 'neither', input: 1 },
        { name: 'both', input: 1, expected: 1, error: 'x' },
        { name: 'bad regex', input: { weight: 'x' }, error: '/(/' },
        { name: 'null output', input: null, expected: null },
      ],
    });
    expect(results.map((r) => [r.case, r.passed])).toEqual([
      ['neither', false],
      ['both', false],
      ['bad regex', false],
      ['null output', true],
    ]);
    expect(results[0]?.error).toContain("exactly one of 'expected' (the output) or 'error'");
  });

  it('runs every registered mapping in id order when no id is given', async () => {
    const seen: string[] = [];
    const results = await runMappingCases(registry(), {
      casesFor: (id) => {
        seen.push(id);
        return id === 'http/echo' ? [{ name: 'echo', input: { a: 1 }, expected: { a: 1 } }] : [];
      },
    });
    expect(seen).toEqual(['http/echo', 'http/shipment']);
    expect(results).toEqual([{ mapping: 'http/echo', case: 'echo', passed: true }]);
  });

  it('refuses an unknown mapping id', async () => {
    await expect(runMappingCases(registry(), { mappingId: 'http/nope', casesFor: () => [] })).rejects.toThrow("no mapping 'http/nope' is registered");
  });

  it('runs the cases files of a loaded JSONata workspace', async () => {
    const root = workspace({
      'src/partner/booking.jsonata': '/* from: A to: B */ { "kg": $number(weight) }',
      'src/partner/booking.cases.json': JSON.stringify([
        { name: 'string weight', input: { weight: '12.5' }, expected: { kg: 12.5 } },
        { name: 'unreadable weight', input: { weight: 'heavy' }, error: '/cast value to a number.*D3030/' },
      ]),
    });
    const loaded = await loadMappings(root);
    const results = await runMappingCases(loaded, { casesFor: (id) => readMappingCases(root, id) });
    expect(results.map((r) => r.passed)).toEqual([true, true]);
  });
});

describe('readMappingCases', () => {
  it('returns no cases when the file does not exist', async () => {
    const root = workspace({ 'src/http/x.jsonata': '$' });
    await expect(readMappingCases(root, 'http/x')).resolves.toEqual([]);
  });

  it('rejects invalid JSON, a wrong shape and duplicate names, naming the file', async () => {
    const root = workspace({
      'src/http/a.cases.json': '[{"name": "x", "input": 1,}]',
      'src/http/b.cases.json': '[{"input": 1}]',
      'src/http/c.cases.json': '[{"name": "x", "input": 1, "expected": 1}, {"name": "x", "input": 2, "expected": 2}]',
    });
    await expect(readMappingCases(root, 'http/a')).rejects.toThrow(`${path.join(root, 'src/http/a.cases.json')} is not valid JSON`);
    await expect(readMappingCases(root, 'http/b')).rejects.toThrow('/0/name is required');
    await expect(readMappingCases(root, 'http/c')).rejects.toThrow("has two cases named 'x'");
  });

  it('refuses ids that could leave the workspace', () => {
    expect(() => casesFilePath('/w', '../etc/passwd')).toThrow(ConfigError);
    expect(() => casesFilePath('/w', 'http/../../x')).toThrow("is not a mapping id");
    expect(casesFilePath('/w', 'http/shipment')).toBe(path.join('/w', 'src/http/shipment.cases.json'));
  });
});

describe('captureCase', () => {
  it('creates the cases file, then appends, writing atomically', async () => {
    const root = workspace({ 'src/http/shipment.mapping.ts': 'export {};' });
    const file = await captureCase(root, 'http/shipment', 'from dead letter 1', { weight: 1 }, { kg: 1 });
    expect(file).toBe(path.join(root, 'src/http/shipment.cases.json'));
    await captureCase(root, 'http/shipment', 'from dead letter 2', { weight: 2 }, { kg: 2 });

    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toEqual([
      { name: 'from dead letter 1', input: { weight: 1 }, expected: { kg: 1 } },
      { name: 'from dead letter 2', input: { weight: 2 }, expected: { kg: 2 } },
    ]);
    expect(readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a duplicate case name and leaves the file as it was', async () => {
    const root = workspace({
      'src/http/shipment.jsonata': '$',
      'src/http/shipment.cases.json': JSON.stringify([{ name: 'basic', input: 1, expected: 1 }]),
    });
    const before = readFileSync(path.join(root, 'src/http/shipment.cases.json'), 'utf8');
    const error = await captureCase(root, 'http/shipment', 'basic', 2, 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("case 'basic' already exists in");
    expect(readFileSync(path.join(root, 'src/http/shipment.cases.json'), 'utf8')).toBe(before);
  });

  it('refuses a mapping that does not exist, a missing expectation and an empty name', async () => {
    const root = workspace({ 'src/http/shipment.jsonata': '$' });
    await expect(captureCase(root, 'http/nope', 'x', 1, 1)).rejects.toThrow('neither nope.mapping.ts nor nope.jsonata exists');
    await expect(captureCase(root, 'http/shipment', 'x', 1, undefined)).rejects.toThrow('the expected output is missing');
    await expect(captureCase(root, 'http/shipment', '  ', 1, 1)).rejects.toThrow('the case needs a name');
  });
});
