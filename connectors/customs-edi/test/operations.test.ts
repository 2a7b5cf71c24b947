// sendDeclaration and sendManifest against real folders: the file in the outbox, its envelope,
// control references unique and persistent per partner, bindings, one file per redelivered step,
// and the failures a person must see (invalid EDI, characters UNOC cannot carry, a missing share).
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PermanentError, TransientError, check, customsDeclarationExamples, edifact } from '@interline/hub';
import type { CustomsDeclaration } from '@interline/hub';
import { customsEdiConnector } from '../src';
import type { CusdecSubmission, CustomsEdiClient, CustomsEdiConfig, SentMessage, SubmitResult } from '../src';
import { SIMULATED_PASSWORD, simulatorConfig } from '../src/testing';
import declarationToCusdec from '../../../mappings/src/customs-edi/declaration-to-cusdec.mapping';
import manifestCases from '../../../mappings/src/customs-edi/manifest-to-cuscar.cases.json';
import { MemoryBindings, MemoryState, connect, failure, operationContext, runOperation } from './harness';

const ctx = { envelope: { id: 'op', type: 'mapping.case', tenant: 'default', correlationid: 'op', time: '2025-01-01T00:00:00Z' } };
let root: string;
let config: CustomsEdiConfig;

async function submissionFor(declaration: CustomsDeclaration): Promise<CusdecSubmission> {
  return (await declarationToCusdec.map(declaration, ctx)) as CusdecSubmission;
}

async function outbox(): Promise<string[]> {
  return (await readdir(path.join(root, config.partner, 'outbox'))).sort();
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'interline-customs-ops-'));
  config = simulatorConfig({ root, partner: 'customs-de' });
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('sendDeclaration', () => {
  it('writes one CUSDEC interchange file to the outbox, with the envelope the authority expects', async () => {
    const state = new MemoryState();
    const client = await connect(config, state);
    const bindings = new MemoryBindings();
    const op = operationContext({ bindings });
    const result = (await runOperation(client, 'sendDeclaration', await submissionFor(customsDeclarationExamples[0]!), op)) as SubmitResult;

    expect(result).toMatchObject({ file: 'CUSDEC_INTERLINE_0000000001.edi', controlRef: '0000000001', messageRef: '0000000001', redelivered: false });
    expect(await outbox()).toEqual(['CUSDEC_INTERLINE_0000000001.edi']);
    const bytes = await readFile(path.join(root, 'customs-de', 'outbox', result.file));
    const interchange = edifact.parseInterchange(bytes);
    expect(edifact.validateInterchange(interchange).errors).toEqual([]);
    expect(interchange).toMatchObject({ sender: { id: 'INTERLINE', qualifier: 'ZZZ' }, recipient: { id: 'SIMCUSTOMS', qualifier: 'ZZZ' }, controlReference: '0000000001', ackRequested: true, test: false });
    expect(interchange.header.elements[5]).toEqual([SIMULATED_PASSWORD, 'BB']);
    const [message] = edifact.allMessages(interchange);
    expect(message).toMatchObject({ type: 'CUSDEC', version: 'D', release: '96B', reference: '0000000001' });
    expect(message!.segments[1]!.elements).toEqual([['830', '', '', 'export'], ['SKB-EX-250311-0007'], ['9']]);

    expect(bindings.rows).toEqual([
      expect.objectContaining({ entity: 'customs-declaration', canonicalId: customsDeclarationExamples[0]!.id, externalId: '0000000001', extra: expect.objectContaining({ reference: 'SKB-EX-250311-0007', file: result.file }) }),
    ]);
    expect(await state.get<SentMessage>('sent:0000000001')).toMatchObject({ kind: 'declaration', id: customsDeclarationExamples[0]!.id, reference: 'SKB-EX-250311-0007', correlationid: op.envelope.correlationid, causationid: op.envelope.id });
  });

  it('gives every interchange a new control reference, kept across restarts, per partner', async () => {
    const state = new MemoryState();
    const submission = await submissionFor(customsDeclarationExamples[1]!);
    const first = await connect(config, state);
    await runOperation(first, 'sendDeclaration', submission);
    await runOperation(first, 'sendDeclaration', submission);
    const restarted = await connect(config, state);
    const third = (await runOperation(restarted, 'sendDeclaration', submission)) as SubmitResult;
    expect(third.controlRef).toBe('0000000003');
    expect(await outbox()).toEqual(['CUSDEC_INTERLINE_0000000001.edi', 'CUSDEC_INTERLINE_0000000002.edi', 'CUSDEC_INTERLINE_0000000003.edi']);
    const other = await connect({ ...config, partner: 'customs-fr' }, state);
    expect(((await runOperation(other, 'sendDeclaration', submission)) as SubmitResult).controlRef).toBe('0000000001');
  });

  it('writes one file for a step delivered twice, even when the first attempt stopped right after writing', async () => {
    const state = new MemoryState();
    const client = await connect(config, state);
    const submission = await submissionFor(customsDeclarationExamples[0]!);
    const op = operationContext();
    const first = (await runOperation(client, 'sendDeclaration', submission, op)) as SubmitResult;
    const again = (await runOperation(client, 'sendDeclaration', submission, { ...op, attempt: 2 })) as SubmitResult;
    expect(again).toMatchObject({ file: first.file, controlRef: first.controlRef, sha256: first.sha256, redelivered: true });

    // A crash between writing the file and recording it: the retry writes the very same bytes.
    const planKey = [...state.values.keys()].find((key) => key.startsWith('delivery:'))!;
    await state.set(planKey, { ...(await state.get<object>(planKey)), written: false });
    const retried = (await runOperation(client, 'sendDeclaration', submission, { ...op, attempt: 3 })) as SubmitResult;
    expect(retried).toMatchObject({ file: first.file, sha256: first.sha256, redelivered: true });
    expect(await outbox()).toEqual([first.file]);
  });

  it('refuses a message the engine finds invalid, naming the place, and writes nothing', async () => {
    const client = await connect(config);
    const submission = await submissionFor(customsDeclarationExamples[0]!);
    submission.message.segments = submission.message.segments.filter((s) => s.tag !== 'UNS');
    const error = await failure(runOperation(client, 'sendDeclaration', submission));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toMatch(/^CUSDEC for declaration 0195a220-6666-7f00-8000-000000000001 \(SKB-EX-250311-0007\) is not a valid CUSDEC D96B interchange \(\d+ error\(s\)\): .*segment \d+/);
    expect(error.message).toContain('UNS');
    expect(await outbox()).toEqual([]);
  });

  it('refuses characters that UNOC cannot carry, saying which and where, and writes nothing', async () => {
    const client = await connect(config);
    const declaration = structuredClone(customsDeclarationExamples[0]!);
    declaration.goodsItems[0]!.description = 'Vaccines ‘flu’ in syringes';
    const error = await failure(runOperation(client, 'sendDeclaration', await submissionFor(declaration)));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain('segment FTX holds "‘" (U+2018), which UNOC (ISO 8859-1) cannot carry; replace it in the source data, or set syntax.identifier to UNOW');
    expect(await outbox()).toEqual([]);
    const utf8 = await connect({ ...config, syntax: { identifier: 'UNOW', version: 3 } });
    const sent = (await runOperation(utf8, 'sendDeclaration', await submissionFor(declaration))) as SubmitResult;
    expect((await readFile(path.join(root, 'customs-de', 'outbox', sent.file))).toString('utf8')).toContain('Vaccines ‘flu’');
  });

  it('fails transiently when the outbox is gone (share not mounted), so the hub retries', async () => {
    const client = await connect(config);
    await rm(path.join(root, 'customs-de', 'outbox'), { recursive: true });
    const error = await failure(runOperation(client, 'sendDeclaration', await submissionFor(customsDeclarationExamples[0]!)));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toContain('customs-de/outbox does not exist (is the partner share mounted?); will retry');
  });

  it('takes only a CUSDEC: another message type fails the input schema', () => {
    const input = customsEdiConnector.operations.sendDeclaration!.input;
    const wrong = { declaration: { id: 'd-1', lrn: 'L-1' }, message: { type: 'CUSCAR', version: 'D', release: '96B', agency: 'UN', segments: [{ tag: 'BGM', elements: [['785']] }] } };
    expect(check(input, wrong)).toMatchObject({ ok: false, issues: [expect.objectContaining({ path: '/message/type' })] });
  });
});

describe('sendManifest', () => {
  it('writes a valid CUSCAR for the flight and binds the manifest', async () => {
    const client = await connect(config);
    const bindings = new MemoryBindings();
    const [first] = manifestCases as Array<{ expected: unknown }>;
    const result = (await runOperation(client, 'sendManifest', first!.expected, operationContext({ bindings }))) as SubmitResult;
    const interchange = edifact.parseInterchange(await readFile(path.join(root, 'customs-de', 'outbox', result.file)));
    expect(result.file).toBe('CUSCAR_INTERLINE_0000000001.edi');
    expect(edifact.validateInterchange(interchange).valid).toBe(true);
    expect(edifact.allMessages(interchange)[0]!.type).toBe('CUSCAR');
    expect(bindings.rows[0]).toMatchObject({ entity: 'cargo-manifest', canonicalId: 'manifest-LH400-20250314', externalId: '0000000001' });
  });
});

describe('health', () => {
  let client: CustomsEdiClient;
  beforeEach(async () => {
    client = await connect(config);
  });

  it('is up when the folders are usable', async () => {
    expect(await customsEdiConnector.health(client, { logger: client.logger, state: client.state })).toMatchObject({ status: 'up' });
  });

  it('is degraded when a file waits in the outbox longer than staleOutboxMinutes', async () => {
    const file = path.join(root, 'customs-de', 'outbox', 'CUSDEC_OLD.edi');
    await writeFile(file, 'x');
    const old = new Date(Date.now() - 31 * 60_000);
    await utimes(file, old, old);
    expect(await client.health()).toMatchObject({ status: 'degraded', detail: expect.stringContaining('1 file(s) waited more than 30 min') });
  });

  it('is down, saying what to do, when a folder is missing', async () => {
    await rm(path.join(root, 'customs-de', 'inbox'), { recursive: true });
    expect(await client.health()).toMatchObject({ status: 'down', detail: expect.stringMatching(/inbox .* is not usable \(ENOENT\): create it or mount the partner share/) });
  });
});
