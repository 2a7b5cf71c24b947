import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigError, MappingError, TransientError } from '../../src/errors';
import { JsonataLimitError } from '../../src/mapping/jsonata-limits';
import type { MappingContext } from '../../src/mapping/mapping';
import { MappingRegistry, loadMappings, parseJsonataHeader } from '../../src/mapping/registry';

const MAPPING_MODULE = path.resolve(__dirname, '../../src/mapping/mapping');
const ctx: MappingContext = {
  envelope: { id: 'm-1', type: 'shipment.booking-requested', tenant: 'acme', correlationid: 'c-1', time: '2024-05-01T10:00:00Z' },
};

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A mappings workspace in a temp folder: files are paths under it mapped to their text. */
function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'interline-mappings-'));
  roots.push(root);
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  return root;
}

const TS_SHIPMENT = `
import { defineMapping } from ${JSON.stringify(MAPPING_MODULE)};
interface Booking { weight: number; pieces: number }
export default defineMapping({
  id: 'http/shipment',
  from: 'CargoBooking',
  to: 'http.shipment',
  map(input: Booking, ctx) {
    if (input.weight < 0) throw new Error('weight must not be negative');
    return { kg: input.weight, pieces: input.pieces, tenant: ctx.envelope.tenant };
  },
});
`;

const JSONATA_PARTNER = `/* from: CargoBooking to: partner.booking description: Booking for the partner; maps to: kilos */
{ "kg": weight, "tenant": $envelope.tenant }
`;

describe('MappingRegistry', () => {
  it('registers, lists, gets and runs a programmatic mapping', async () => {
    const registry = new MappingRegistry();
    registry.register({ id: 'test/b', from: 'A', to: 'B', map: (input: unknown) => ({ wrapped: input }) });
    registry.register({ id: 'test/a', from: 'A', to: 'B', map: async () => 'a' });
    expect(registry.has('test/a')).toBe(true);
    expect(registry.has('test/zzz')).toBe(false);
    expect(registry.get('test/b')?.from).toBe('A');
    expect(registry.get('test/zzz')).toBeUndefined();
    expect(registry.list().map((m) => m.id)).toEqual(['test/a', 'test/b']);
    expect(registry.describe('test/a')?.kind).toBe('programmatic');
    await expect(registry.run('test/b', 5, ctx)).resolves.toEqual({ wrapped: 5 });
  });

  it('refuses a second mapping with the same id and a non-mapping', () => {
    const registry = new MappingRegistry().register({ id: 'test/a', from: 'A', to: 'B', map: () => 1 });
    expect(() => registry.register({ id: 'test/a', from: 'A', to: 'B', map: () => 2 })).toThrow("mapping 'test/a' is defined twice");
    expect(() => registry.register({ id: 'test/c' } as never)).toThrow(ConfigError);
  });

  it('wraps a throw in a MappingError naming the mapping and the original message', async () => {
    const registry = new MappingRegistry().register({
      id: 'test/throws',
      from: 'A',
      to: 'B',
      map: (input: { a?: { b: number } }) => input.a!.b,
    });
    const error = await registry.run('test/throws', {}, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MappingError);
    expect((error as Error).message).toMatch(/^mapping 'test\/throws' failed: TypeError: Cannot read properties of undefined/);
    expect((error as MappingError).details.mapping).toBe('test/throws');
  });

  it('keeps retryable errors retryable, still naming the mapping', async () => {
    const registry = new MappingRegistry().register({
      id: 'test/lookup',
      from: 'A',
      to: 'B',
      map: () => {
        throw new TransientError('journal unavailable', {}, { retryAfterMs: 500 });
      },
    });
    const error = await registry.run('test/lookup', {}, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).retryable).toBe(true);
    expect((error as TransientError).retryAfterMs).toBe(500);
    expect((error as Error).message).toBe("mapping 'test/lookup' failed: journal unavailable");
  });

  it('treats a mapping that returns undefined as an error, but accepts null', async () => {
    const registry = new MappingRegistry()
      .register({ id: 'test/nothing', from: 'A', to: 'B', map: () => undefined })
      .register({ id: 'test/null', from: 'A', to: 'B', map: () => null });
    await expect(registry.run('test/nothing', {}, ctx)).rejects.toThrow("mapping 'test/nothing' returned undefined");
    await expect(registry.run('test/null', {}, ctx)).resolves.toBeNull();
  });

  it('fails an unknown mapping id with the file to add', async () => {
    await expect(new MappingRegistry().run('http/missing', {}, ctx)).rejects.toThrow(
      "mapping 'http/missing' is not registered; add mappings/src/http/missing.mapping.ts (or .jsonata)",
    );
  });
});

describe('loadMappings', () => {
  it('loads TypeScript from source and JSONata with its header, ids from their paths', async () => {
    const root = workspace({
      'src/http/shipment.mapping.ts': TS_SHIPMENT,
      'src/http/partner.jsonata': JSONATA_PARTNER,
      'src/http/partner.cases.json': '[]',
      'src/http/README.md': 'not a mapping',
      'src/index.ts': 'export {};',
    });
    const registry = await loadMappings(root, { source: true });
    expect(registry.list().map((m) => m.id)).toEqual(['http/partner', 'http/shipment']);
    expect(registry.describe('http/shipment')).toMatchObject({ kind: 'typescript', file: path.join(root, 'src/http/shipment.mapping.ts') });
    await expect(registry.run('http/shipment', { weight: 12.5, pieces: 2 }, ctx)).resolves.toEqual({ kg: 12.5, pieces: 2, tenant: 'acme' });

    const partner = registry.get('http/partner');
    expect(partner).toMatchObject({ from: 'CargoBooking', to: 'partner.booking', description: 'Booking for the partner; maps to: kilos' });
    await expect(registry.run('http/partner', { weight: 7 }, ctx)).resolves.toEqual({ kg: 7, tenant: 'acme' });
  });

  it('wraps a TypeScript mapping throw with the mapping id', async () => {
    const root = workspace({ 'src/http/shipment.mapping.ts': TS_SHIPMENT });
    const registry = await loadMappings(root, { source: true });
    await expect(registry.run('http/shipment', { weight: -1, pieces: 1 }, ctx)).rejects.toThrow(
      "mapping 'http/shipment' failed: weight must not be negative",
    );
  });

  it('loads compiled dist/…js by default', async () => {
    const root = workspace({
      'src/http/shipment.mapping.ts': TS_SHIPMENT,
      'dist/http/shipment.mapping.js':
        "exports.default = { id: 'http/shipment', from: 'A', to: 'B', map: (input) => ({ fromDist: input.weight }) };",
    });
    const registry = await loadMappings(root);
    expect(registry.describe('http/shipment')?.file).toBe(path.join(root, 'dist/http/shipment.mapping.js'));
    await expect(registry.run('http/shipment', { weight: 3 }, ctx)).resolves.toEqual({ fromDist: 3 });
  });

  it('loads from source when INTERLINE_MAPPINGS_FROM_SOURCE=1', async () => {
    const root = workspace({ 'src/http/shipment.mapping.ts': TS_SHIPMENT });
    process.env.INTERLINE_MAPPINGS_FROM_SOURCE = '1';
    try {
      const registry = await loadMappings(root);
      expect(registry.describe('http/shipment')?.file).toBe(path.join(root, 'src/http/shipment.mapping.ts'));
    } finally {
      delete process.env.INTERLINE_MAPPINGS_FROM_SOURCE;
    }
  });

  it('says a mapping is not built when its dist file is missing', async () => {
    const root = workspace({ 'src/http/shipment.mapping.ts': TS_SHIPMENT });
    await expect(loadMappings(root)).rejects.toThrow("mapping 'http/shipment' is not built: run `npm run build`");
  });

  it("refuses a module whose id does not match its path", async () => {
    const root = workspace({ 'src/http/shipment.mapping.ts': TS_SHIPMENT.replace("id: 'http/shipment'", "id: 'http/other'") });
    const error = await loadMappings(root, { source: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("declares id 'http/other', but its path makes it 'http/shipment'; set id: 'http/shipment'");
  });

  it('refuses a module without a default-exported mapping', async () => {
    const root = workspace({ 'src/http/shipment.mapping.ts': 'export const notAMapping = 1;' });
    await expect(loadMappings(root, { source: true })).rejects.toThrow('must `export default defineMapping(');
  });

  it('reports a module that throws while loading', async () => {
    const root = workspace({ 'src/http/shipment.mapping.ts': "throw new Error('boom at import');" });
    await expect(loadMappings(root, { source: true })).rejects.toThrow("mapping 'http/shipment' cannot be loaded from");
  });

  it('reports a JSONata syntax error with file, line and column, and every problem at once', async () => {
    const root = workspace({
      'src/http/broken.jsonata': '/* from: A to: B */\n{\n  "kg": weight +\n}\n',
      'src/http/shipment.mapping.ts': TS_SHIPMENT,
    });
    const error = await loadMappings(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const lines = (error as Error).message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${escape(path.join(root, 'src/http/broken.jsonata'))}:\\d+:\\d+: JSONata expression mapping 'http/broken'`));
    expect(lines[0]).toContain('syntax error');
    expect(lines[1]).toContain("mapping 'http/shipment' is not built");
  });

  it('applies JSONata limits to JSONata mappings', async () => {
    const root = workspace({ 'src/http/spin.jsonata': '( $loop := function($i) { $loop($i + 1) }; $loop(0) )' });
    const registry = await loadMappings(root, { limits: { timeoutMs: 50 } });
    const error = await registry.run('http/spin', {}, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MappingError);
    expect((error as Error).message).toMatch(/^mapping 'http\/spin' failed: JSONata expression mapping 'http\/spin'.*time limit of 50 ms/);
    expect((error as Error).cause).toBeInstanceOf(JsonataLimitError);
  });

  it('explains a JSONata mapping that yields nothing', async () => {
    const root = workspace({ 'src/http/empty.jsonata': 'nosuchfield' });
    const registry = await loadMappings(root);
    await expect(registry.run('http/empty', { weight: 1 }, ctx)).rejects.toThrow('a JSONata mapping yields nothing when its paths match nothing');
  });

  it('refuses two mappings with one id (a module and a JSONata file)', async () => {
    const root = workspace({ 'src/http/shipment.mapping.ts': TS_SHIPMENT, 'src/http/shipment.jsonata': '{}' });
    await expect(loadMappings(root, { source: true })).rejects.toThrow("mapping 'http/shipment' is defined twice");
  });

  it('loads nothing for a deployment without a mappings workspace (null)', async () => {
    const registry = new MappingRegistry().register({ id: 'code/x', from: 'A', to: 'B', map: () => 1 });
    await expect(loadMappings(null, { registry })).resolves.toBe(registry);
    expect((await loadMappings(null)).list()).toEqual([]);
  });

  it('fails clearly on a workspace without src/', async () => {
    const root = workspace({ 'README.md': '' });
    await expect(loadMappings(root)).rejects.toThrow('has no readable src/ folder');
  });

  it('adds to a given registry', async () => {
    const registry = new MappingRegistry().register({ id: 'code/x', from: 'A', to: 'B', map: () => 1 });
    const root = workspace({ 'src/http/partner.jsonata': JSONATA_PARTNER });
    const loaded = await loadMappings(root, { registry });
    expect(loaded).toBe(registry);
    expect(registry.list().map((m) => m.id)).toEqual(['code/x', 'http/partner']);
  });
});

describe('parseJsonataHeader', () => {
  it('reads a multi-line header with leading asterisks', () => {
    expect(parseJsonataHeader('/*\n * from: Shipment\n * to: onerecord.Shipment\n * description: For ONE Record\n *   partners\n */\n$')).toEqual({
      from: 'Shipment',
      to: 'onerecord.Shipment',
      description: 'For ONE Record partners',
    });
  });

  it('returns nothing when the file does not start with a comment', () => {
    expect(parseJsonataHeader('{ "a": 1 } /* from: X to: Y */')).toEqual({});
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
