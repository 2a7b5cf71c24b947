// The inbox watch on a controlled clock: a file counts as complete only when it stood still.
import { mkdtemp, rm, utimes, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InboxWatch } from '../../src/files/inbox-watch';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'interline-inbox-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('needs two sightings, settleMs apart, of the same size and an old enough mtime', async () => {
  let now = Date.now() + 10_000;
  const watch = new InboxWatch(dir, 1000, () => now);
  const file = path.join(dir, 'a.edi');
  await writeFile(file, 'UNB');
  const old = new Date(Date.now() - 60_000);
  await utimes(file, old, old);
  expect(await watch.ready()).toEqual([]);
  now += 500;
  expect(await watch.ready()).toEqual([]);
  now += 600;
  expect((await watch.ready()).map((f) => f.name)).toEqual(['a.edi']);
});

it('starts over when the file grows, and ignores temporary and hidden names', async () => {
  let now = Date.now() + 10_000;
  const watch = new InboxWatch(dir, 1000, () => now);
  const file = path.join(dir, 'b.edi');
  await writeFile(file, 'UNB');
  await writeFile(path.join(dir, 'c.edi.tmp'), 'x');
  await writeFile(path.join(dir, '.d.edi'), 'x');
  await watch.ready();
  now += 2000;
  await appendFile(file, '+UNOC');
  const old = new Date(Date.now() - 60_000);
  await utimes(file, old, old);
  expect(await watch.ready()).toEqual([]);
  now += 2000;
  expect((await watch.ready()).map((f) => f.name)).toEqual(['b.edi']);
});

it('yields nothing for a missing inbox', async () => {
  expect(await new InboxWatch(path.join(dir, 'missing'), 10).ready()).toEqual([]);
});
