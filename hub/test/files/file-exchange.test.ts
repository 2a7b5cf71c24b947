// The partner file exchange through a real hub: complete files are taken exactly once, archived with
// their checksum before processing, bad files are rejected and kept, and the runner keeps going.
import { appendFile, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, messageDetail, silentLogger } from '../../src';
import { getPartnerFile, listPartnerFiles, partnerFolders, sha256Hex, startFileExchange } from '../../src/files';
import { archiveBytes } from '../../src/files/archive';
import { recordPartnerFile, updatePartnerFile } from '../../src/files/file-ledger';
import type { FileExchange, PartnerFileRecord } from '../../src/files';
import { startTestHub } from '../support/test-hub';
import type { TestHub } from '../support/test-hub';
import { DropBox, dropBoxConnector } from './drop-box-connector';

const PARTNER = 'acme';
const ROUTES = 'routes:\n  - id: pings\n    from: { type: test.ping }\n    steps:\n      - to: drop-box.note\n';
const SETTLE_MS = 300;
const box = new DropBox();
let hub: TestHub;
let root: string;
let exchange: FileExchange;

const folders = () => partnerFolders(root, PARTNER);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two scans SETTLE_MS apart: the time a file needs to count as complete. */
async function settle(): Promise<void> {
  await exchange.scanNow();
  await sleep(SETTLE_MS + 50);
  await exchange.scanNow();
}

/** Drop a file the right way: a hidden temporary name, then a rename. */
async function drop(name: string, content: string | Buffer): Promise<void> {
  const temporary = path.join(folders().inbox, `.${name}.tmp`);
  await writeFile(temporary, content);
  await rename(temporary, path.join(folders().inbox, name));
}

async function ledgerRow(name: string): Promise<PartnerFileRecord | undefined> {
  return (await listPartnerFiles(hub.hub.journal.sql, { partner: PARTNER, direction: 'in', name }))[0];
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'interline-files-'));
  hub = await startTestHub({ routes: ROUTES, connectors: { 'drop-box': dropBoxConnector(box) } });
  exchange = startFileExchange({ hub: hub.hub, root, partners: [{ name: PARTNER, connector: 'drop-box' }], logger: silentLogger(), pollIntervalMs: 60_000, settleMs: SETTLE_MS });
  await exchange.ready;
}, 60_000);

afterAll(async () => {
  await exchange?.stop();
  await hub?.stop();
});

it('creates inbox, outbox and archive for each partner', async () => {
  expect(existsSync(folders().inbox) && existsSync(folders().outbox) && existsSync(folders().archive)).toBe(true);
});

it('takes a complete file once: archived with its checksum, its events journaled, its status queryable', async () => {
  const content = 'ping a-1\nping a-2\n';
  await drop('pings-1.txt', content);
  await settle();

  const row = await ledgerRow('pings-1.txt');
  expect(row).toMatchObject({ status: 'accepted', error: null, sha256: sha256Hex(Buffer.from(content)), size: content.length, connector: 'drop-box' });
  expect(row!.messageIds).toHaveLength(2);
  expect(await readFile(row!.archivedPath!, 'utf8')).toBe(content);
  expect(path.basename(row!.archivedPath!)).toBe(`${row!.sha256.slice(0, 16)}-pings-1.txt`);
  expect(await readdir(folders().inbox)).toEqual([]);
  const message = await messageDetail(hub.hub.journal.sql, row!.messageIds[0]!);
  expect(message?.message.type).toBe('test.ping');
  expect(await getPartnerFile(hub.hub.journal.sql, row!.id)).toEqual(row);
});

it('rejects a garbage file cleanly, keeps it archived with the error, and keeps running', async () => {
  const garbage = Buffer.from([0x42, 0x41, 0x44, 0x00, 0xff, 0xfe, 0x13, 0x37]);
  await drop('garbage.bin', garbage);
  await drop('after-garbage.txt', 'ping b-1\n');
  await settle();

  const rejected = await ledgerRow('garbage.bin');
  expect(rejected).toMatchObject({ status: 'rejected', attempts: 1 });
  expect(rejected!.error).toContain('is not a ping list');
  expect(Buffer.compare(await readFile(rejected!.archivedPath!), garbage)).toBe(0);
  expect(await ledgerRow('after-garbage.txt')).toMatchObject({ status: 'accepted' });
  expect(await listPartnerFiles(hub.hub.journal.sql, { partner: PARTNER, status: 'rejected' })).toEqual([rejected]);
});

it('does not take a file written in place until it stops growing', async () => {
  const target = path.join(folders().inbox, 'slow.txt');
  await writeFile(target, 'ping slow-1\n');
  await exchange.scanNow();
  await sleep(SETTLE_MS / 2);
  await appendFile(target, 'ping slow-2\n');
  await exchange.scanNow();
  await sleep(SETTLE_MS / 2);
  await appendFile(target, 'ping slow-3\n');
  await exchange.scanNow();
  expect(await ledgerRow('slow.txt')).toBeUndefined();
  expect(box.received.some((r) => r.name === 'slow.txt')).toBe(false);

  await settle();
  const row = await ledgerRow('slow.txt');
  expect(row).toMatchObject({ status: 'accepted', size: 36 });
  expect(row!.messageIds).toHaveLength(3);
});

it('never takes temporary or hidden files', async () => {
  await writeFile(path.join(folders().inbox, 'upload.edi.tmp'), 'ping tmp\n');
  await writeFile(path.join(folders().inbox, '.partial'), 'ping hidden\n');
  await settle();
  expect((await readdir(folders().inbox)).sort()).toEqual(['.partial', 'upload.edi.tmp']);
  expect(box.received.some((r) => r.name.includes('tmp') || r.name.includes('partial'))).toBe(false);
});

it('processes the same file dropped twice only once and keeps the second copy aside', async () => {
  await drop('twice.txt', 'ping twice-1\n');
  await settle();
  await drop('twice.txt', 'ping twice-1\n');
  await settle();

  const rows = await listPartnerFiles(hub.hub.journal.sql, { partner: PARTNER, name: 'twice.txt' });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ status: 'accepted', seenCount: 2 });
  expect(box.received.filter((r) => r.name === 'twice.txt')).toHaveLength(1);
  expect((await readdir(path.join(folders().archive, 'in', 'duplicates'))).some((name) => name.endsWith('-twice.txt'))).toBe(true);
  expect(await readdir(folders().inbox)).not.toContain('twice.txt');
});

it('retries a file whose processing failed transiently, from its archived copy', async () => {
  await drop('flaky.txt', 'FLAKY\nping flaky-1\n');
  await settle();
  expect(await ledgerRow('flaky.txt')).toMatchObject({ status: 'received', attempts: 1 });
  expect((await ledgerRow('flaky.txt'))!.error).toContain('busy');

  await sleep(300);
  await exchange.scanNow();
  const row = await ledgerRow('flaky.txt');
  expect(row).toMatchObject({ status: 'accepted', attempts: 2, error: null });
  expect(row!.messageIds).toHaveLength(1);
});

it('finishes a file a crashed run had archived but not processed, from its archive, once', async () => {
  const bytes = Buffer.from('ping crash-1\n');
  const { record } = await recordPartnerFile(hub.hub.journal.sql, { partner: PARTNER, connector: 'drop-box', direction: 'in', name: 'crashed.txt', sha256: sha256Hex(bytes), size: bytes.length, status: 'processing' });
  const archived = await archiveBytes(folders(), 'in', 'crashed.txt', bytes, new Date(record.createdAt));
  await updatePartnerFile(hub.hub.journal.sql, record.id, { archivedPath: archived.path });
  await exchange.scanNow();
  await exchange.scanNow();
  expect(await getPartnerFile(hub.hub.journal.sql, record.id)).toMatchObject({ status: 'accepted', attempts: 1 });
  expect(box.received.filter((r) => r.name === 'crashed.txt')).toHaveLength(1);
});

it('hands the partner name to the source with every file', async () => {
  expect(new Set(box.received.map((r) => r.partner))).toEqual(new Set([PARTNER]));
});

it('refuses a partner whose connector is missing or has no file source, naming it', () => {
  const start = (partners: Parameters<typeof startFileExchange>[0]['partners']) => () => startFileExchange({ hub: hub.hub, root, partners, logger: silentLogger() });
  expect(start([{ name: 'x', connector: 'nope' }])).toThrow(ConfigError);
  expect(start([{ name: 'x', connector: 'nope' }])).toThrow(/no connector instance 'nope' \(have: drop-box\)/);
  expect(start([{ name: '../etc', connector: 'drop-box' }])).toThrow(/not a usable folder name/);
  expect(start([{ name: 'x', connector: 'drop-box', source: 'other' }])).toThrow(/no file source 'other' \(file sources: pings\)/);
  expect(start([{ name: 'x', connector: 'drop-box' }, { name: 'x', connector: 'drop-box' }])).toThrow(/configured twice/);
});
