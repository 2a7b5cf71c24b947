// Outbound files: archived, written with temp-then-rename, recorded as 'sent' in the ledger, and a
// retried write is harmless while a clashing or impossible one fails with the right error class.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuthError, PermanentError, PgliteClient, TransientError, ValidationError, migrate, silentLogger } from '../../src';
import { ensurePartnerFolders, fileErrorFor, listPartnerFiles, writeOutboundFile } from '../../src/files';
import { recordSpooledOutbound } from '../../src/files/outbox';

let sql: PgliteClient;
let root: string;

beforeAll(async () => {
  sql = await PgliteClient.open();
  await migrate(sql);
  root = await mkdtemp(path.join(tmpdir(), 'interline-outbox-'));
}, 30_000);
afterAll(async () => {
  await sql?.close();
  await rm(root, { recursive: true, force: true });
});

it('writes the file, archives it and records it as sent once the spool is read', async () => {
  const folders = await ensurePartnerFolders(root, 'customs');
  const written = await writeOutboundFile({ root, partner: 'customs', name: 'CUSDEC_1.edi', bytes: Buffer.from("UNB+UNOC:3'"), connector: 'customs', messageIds: ['m-1'] });
  expect(written.outcome).toBe('written');
  expect(await readFile(path.join(folders.outbox, 'CUSDEC_1.edi'), 'utf8')).toBe("UNB+UNOC:3'");
  expect(await readFile(written.archivedPath, 'utf8')).toBe("UNB+UNOC:3'");
  // Nothing but the final name is ever visible in the outbox.
  expect(await readdir(folders.outbox)).toEqual(['CUSDEC_1.edi']);

  expect(await recordSpooledOutbound(sql, folders, silentLogger())).toBe(1);
  const [row] = await listPartnerFiles(sql, { partner: 'customs', direction: 'out' });
  expect(row).toMatchObject({ name: 'CUSDEC_1.edi', status: 'sent', sha256: written.sha256, size: 11, connector: 'customs', messageIds: ['m-1'], archivedPath: written.archivedPath });
  expect(await readdir(folders.spool)).toEqual([]);
});

it('leaves the same bytes alone on a retried write and refuses different bytes under the same name', async () => {
  await ensurePartnerFolders(root, 'customs');
  const bytes = Buffer.from("UNB+UNOC:3+A+B'");
  await writeOutboundFile({ root, partner: 'customs', name: 'CUSDEC_2.edi', bytes });
  expect((await writeOutboundFile({ root, partner: 'customs', name: 'CUSDEC_2.edi', bytes })).outcome).toBe('unchanged');
  const clash = writeOutboundFile({ root, partner: 'customs', name: 'CUSDEC_2.edi', bytes: Buffer.from('other') });
  await expect(clash).rejects.toThrow(PermanentError);
  await expect(writeOutboundFile({ root, partner: 'customs', name: 'CUSDEC_2.edi', bytes: Buffer.from('other') })).rejects.toThrow(/already exists with different content/);
});

it('fails transiently, naming the folder, when the outbox is not there (an unmounted share)', async () => {
  const error = await writeOutboundFile({ root, partner: 'never-created', name: 'X.edi', bytes: Buffer.from('x') }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TransientError);
  expect((error as Error).message).toMatch(/never-created\/outbox does not exist \(is the partner share mounted\?\); will retry/);
});

it('refuses names the watcher would ignore or that leave the folder', async () => {
  await ensurePartnerFolders(root, 'customs');
  for (const name of ['../escape.edi', '.hidden', 'x.tmp', '']) {
    await expect(writeOutboundFile({ root, partner: 'customs', name, bytes: Buffer.from('x') })).rejects.toThrow(ValidationError);
  }
});

it('classifies permission problems as auth failures with the way out', () => {
  const error = fileErrorFor(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), 'writing X.edi to /srv/customs/outbox', '/srv/customs/outbox');
  expect(error).toBeInstanceOf(AuthError);
  expect(error.message).toBe("writing X.edi to /srv/customs/outbox was refused (EACCES): give the hub's user write access to /srv/customs/outbox");
});
