// `interline edi`: parse, validate, generate and ack EDIFACT files locally, with one-line errors.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { customsDeclarationExamples, edifact } from '@interline/hub';
import { registerEdiCommands } from '../src/commands/edi';
import { runCaptured } from '../src/testing';
import { oneErrorLine } from './support/cli';

const MAPPINGS = path.resolve(__dirname, '../../mappings');
const NOW = Date.parse('2025-03-12T07:30:00Z');
let dir: string;

const edi = (args: string[]) => runCaptured(['edi', ...args], { cwd: dir, env: { NO_COLOR: '1' }, now: () => NOW, registrars: [registerEdiCommands] });
const generateArgs = (type: string, from: string) => ['generate', type, '--from', from, '--mappings', MAPPINGS, '--source', '--sender', 'INTERLINE:ZZZ', '--recipient', 'DEATLAS', '--control-ref', '42', '--ack'];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'interline-edi-cli-'));
  await writeFile(path.join(dir, 'declaration.json'), JSON.stringify(customsDeclarationExamples[0]));
  const manifest = JSON.parse(await readFile(path.join(MAPPINGS, 'src/customs-edi/manifest-to-cuscar.cases.json'), 'utf8')) as Array<{ input: unknown }>;
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest[0]!.input));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('edi generate', () => {
  it('writes a valid CUSDEC interchange from a CustomsDeclaration with the mapping that produces it', async () => {
    const run = await edi(generateArgs('cusdec', 'declaration.json'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const interchange = edifact.parseInterchange(run.stdout);
    expect(edifact.validateInterchange(interchange).valid).toBe(true);
    expect(interchange).toMatchObject({ controlReference: '42', ackRequested: true, sender: { id: 'INTERLINE', qualifier: 'ZZZ' }, recipient: { id: 'DEATLAS' }, date: '250312', time: '0730' });
    expect(run.stdout).toContain("BGM+830:::export+SKB-EX-250311-0007+9'\n");
  });

  it('writes a CUSCAR to a file and reports it, or describes it as JSON', async () => {
    const run = await edi([...generateArgs('CUSCAR', 'manifest.json'), '--out', 'manifest.edi']);
    expect(run.stdout).toBe('wrote CUSCAR (26 segments, control reference 42) to manifest.edi using customs-edi/manifest-to-cuscar\n');
    expect(edifact.validateInterchange(edifact.parseInterchange(await readFile(path.join(dir, 'manifest.edi')))).valid).toBe(true);
    const json = JSON.parse((await edi([...generateArgs('cuscar', 'manifest.json'), '--json'])).stdout) as { type: string; mapping: string; interchange: string };
    expect(json).toMatchObject({ type: 'CUSCAR', mapping: 'customs-edi/manifest-to-cuscar' });
    expect(json.interchange).toContain('UNH+42+CUSCAR:D:96B:UN');
  });

  it('says in one line when no mapping produces the type, or the input is refused, or the file is missing', async () => {
    const paxlst = await edi(generateArgs('paxlst', 'declaration.json'));
    expect(paxlst.code).toBe(1);
    expect(oneErrorLine(paxlst.stderr)).toBe(`interline: no mapping produces PAXLST: looked for mapping ids ending in -to-paxlst in ${MAPPINGS}/src; write one, or name it with --mapping <connector/name>`);
    const refused = await edi(generateArgs('cusdec', 'manifest.json'));
    expect(oneErrorLine(refused.stderr)).toMatch(/^interline: mapping customs-edi\/declaration-to-cusdec refused manifest\.json: input is not a valid CustomsDeclaration: /);
    const missing = await edi(generateArgs('cusdec', 'nope.json'));
    expect(oneErrorLine(missing.stderr)).toBe('interline: cannot read canonical input nope.json (no such file); check the path');
  });
});

describe('edi parse', () => {
  it('lists the segments with their positions, the envelope tree with --tree, and JSON with --json', async () => {
    const run = await edi(['parse', 'manifest.edi']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ 1 {2}UNB\+UNOC:3\+INTERLINE:ZZZ\+DEATLAS\+250312:0730\+42\+\+\+\+1'$/);
    expect(lines[2]).toBe(" 3  BGM+785+LH400-20250314+9'");
    expect(lines).toHaveLength(28);
    const tree = await edi(['parse', 'manifest.edi', '--tree']);
    expect(tree.stdout).toBe('interchange 42  INTERLINE:ZZZ → DEATLAS  UNOC:3  prepared 250312 0730  CONTRL requested\n  message 42  CUSCAR D:96B:UN  26 segments\n');
    const json = JSON.parse((await edi(['parse', 'manifest.edi', '--json'])).stdout) as { segments: Array<{ index: number; tag: string; elements: string[][] }> };
    expect(json.segments[2]).toMatchObject({ index: 3, tag: 'BGM', elements: [['785'], ['LH400-20250314'], ['9']] });
  });

  it('refuses a missing file or one that is not EDIFACT in one line', async () => {
    expect(oneErrorLine((await edi(['parse', 'missing.edi'])).stderr)).toBe('interline: cannot read EDIFACT file missing.edi (no such file); check the path');
    await writeFile(path.join(dir, 'garbage.bin'), Buffer.from([0, 1, 2, 0xff, 0x55]));
    const garbage = await edi(['parse', 'garbage.bin']);
    expect(garbage.code).toBe(1);
    expect(oneErrorLine(garbage.stderr)).toMatch(/^interline: garbage\.bin is not a readable EDIFACT interchange: /);
  });
});

describe('edi validate', () => {
  it('exits 0 for a valid interchange', async () => {
    expect(await edi(['validate', 'manifest.edi'])).toMatchObject({ code: 0, stdout: 'manifest.edi: valid\n' });
  });

  it('exits 1 listing every error with its position', async () => {
    const text = (await readFile(path.join(dir, 'manifest.edi'), 'latin1')).replace("UNT+26+42'", "UNT+27+42'").replace(/GID\+1\+6'\n/, '');
    await writeFile(path.join(dir, 'broken.edi'), text, 'latin1');
    const run = await edi(['validate', 'broken.edi']);
    expect(run.code).toBe(1);
    const errors = run.stdout.trimEnd().split('\n');
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.some((line) => /^broken\.edi: error 29 COUNT_MISMATCH: UNT segment count 27 does not match 25 segments .*\(segment \d+ UNT, element 1, byte \d+\)/.test(line))).toBe(true);
    expect(errors.some((line) => /^broken\.edi: error 13 MISSING_SEGMENT: .*GID.*segment \d+/.test(line))).toBe(true);
    expect(oneErrorLine(run.stderr)).toMatch(/^interline: broken\.edi has \d+ error\(s\)$/);
    const json = JSON.parse((await edi(['validate', 'broken.edi', '--json'])).stdout) as { valid: boolean; errors: Array<{ syntaxError: string; segmentNumber: number }> };
    expect(json.valid).toBe(false);
    expect(json.errors.every((e) => typeof e.segmentNumber === 'number')).toBe(true);
  });
});

describe('edi ack', () => {
  it('prints a CONTRL acknowledging a valid interchange and rejecting a broken one', async () => {
    const ok = await edi(['ack', 'manifest.edi', '--control-ref', '7001']);
    expect(ok.code).toBe(0);
    const contrl = edifact.parseInterchange(ok.stdout);
    expect(contrl).toMatchObject({ sender: { id: 'DEATLAS' }, recipient: { id: 'INTERLINE', qualifier: 'ZZZ' }, controlReference: '7001' });
    expect(ok.stdout).toContain("UCI+42+INTERLINE:ZZZ+DEATLAS+7'");
    const bad = JSON.parse((await edi(['ack', 'broken.edi', '--json'])).stdout) as { action: string; errors: number; contrl: string };
    expect(bad.action).toBe('4');
    expect(bad.errors).toBeGreaterThan(0);
    expect(bad.contrl).toMatch(/UCI\+42\+INTERLINE:ZZZ\+DEATLAS\+4'/);
  });

  it('never acknowledges a CONTRL', async () => {
    await writeFile(path.join(dir, 'contrl.edi'), (await edi(['ack', 'manifest.edi'])).stdout);
    expect(oneErrorLine((await edi(['ack', 'contrl.edi'])).stderr)).toBe('interline: contrl.edi holds a CONTRL; a CONTRL is never acknowledged (that would loop between partners)');
  });
});
