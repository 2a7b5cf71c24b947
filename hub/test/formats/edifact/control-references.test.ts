// Control reference stores: unique per partner, persistent across restarts, atomic on disk.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileControlReferenceStore, InMemoryControlReferenceStore } from '../../../src/formats/edifact';

describe('control reference stores', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'interline-edifact-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('in memory: one counter per partner, optionally zero-padded', async () => {
    const store = new InMemoryControlReferenceStore({ width: 6 });
    expect([await store.next('DEHAMCUSTOMS'), await store.next('DEHAMCUSTOMS'), await store.next('USCBP')]).toEqual(['000001', '000002', '000001']);
  });

  it('file backed: references survive a restart and stay unique under concurrent calls', async () => {
    const file = path.join(folder, 'state', 'control-references.json');
    const first = new FileControlReferenceStore(file);
    expect([await first.next('DEHAMCUSTOMS'), await first.next('DEHAMCUSTOMS'), await first.next('USCBP')]).toEqual(['1', '2', '1']);
    const afterRestart = new FileControlReferenceStore(file);
    const many = await Promise.all(Array.from({ length: 20 }, () => afterRestart.next('DEHAMCUSTOMS')));
    expect(many).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 3)));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ DEHAMCUSTOMS: 22, USCBP: 1 });
    expect(await readdir(path.dirname(file))).toEqual(['control-references.json']);
  });

  it('file backed: a damaged state file is reported, not silently reset', async () => {
    const file = path.join(folder, 'refs.json');
    await writeFile(file, '[1, 2]');
    await expect(new FileControlReferenceStore(file).next('X')).rejects.toThrow('does not hold an object of counters');
  });
});
