// The file source: what the authority drops in the inbox becomes canonical events correlated with the
// declaration, answered with CONTRL when asked; duplicates, strangers and garbage are rejected.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CustomsResponseSchema, PermanentError, check, customsDeclarationExamples, customsResponseExamples, edifact } from '@interline/hub';
import type { CustomsResponse } from '@interline/hub';
import { responseToCusres } from '../src';
import type { CusdecSubmission, CustomsEdiClient, SubmitResult } from '../src';
import { SIMULATED_AUTHORITY, SIMULATED_DECLARANT, simulatorConfig } from '../src/testing';
import declarationToCusdec from '../../../mappings/src/customs-edi/declaration-to-cusdec.mapping';
import { MemoryState, connect, failure, operationContext, receive, runOperation } from './harness';

let root: string;
let client: CustomsEdiClient;
let sent: SubmitResult;
const op = operationContext();
const accepted: CustomsResponse = { ...customsResponseExamples[0]!, status: 'accepted', declaration: { lrn: 'SKB-EX-250311-0007', mrn: '25DE003302E0004711' } };

function authorityFile(controlRef: string, messages: edifact.MessageInput[], options: { ack?: boolean; sender?: edifact.Party } = {}): Buffer {
  const text = edifact.generateInterchange({ sender: options.sender ?? SIMULATED_AUTHORITY, recipient: SIMULATED_DECLARANT, controlRef, ackRequested: options.ack ?? true, messages });
  return Buffer.from(text, 'latin1');
}

function cusres(response: CustomsResponse, answers: string | undefined): edifact.MessageInput {
  return { type: 'CUSRES', version: 'D', release: '96B', agency: 'UN', reference: 'R1', segments: responseToCusres(response, answers ? { answers } : {}) };
}

async function outbox(prefix: string): Promise<edifact.Interchange[]> {
  const dir = path.join(root, 'customs-de', 'outbox');
  const names = (await readdir(dir)).filter((name) => name.startsWith(prefix)).sort();
  return Promise.all(names.map(async (name) => edifact.parseInterchange(await readFile(path.join(dir, name)))));
}

function uci(contrl: edifact.Interchange): string[][] {
  return edifact.allMessages(contrl)[0]!.segments.find((s) => s.tag === 'UCI')!.elements;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'interline-customs-in-'));
  client = await connect(simulatorConfig({ root, partner: 'customs-de' }), new MemoryState());
  const submission = (await declarationToCusdec.map(customsDeclarationExamples[0]!, { envelope: { id: 'x', type: 'x', tenant: 'default', correlationid: 'x', time: '' } })) as CusdecSubmission;
  sent = (await runOperation(client, 'sendDeclaration', submission, op)) as SubmitResult;
});
afterAll(() => rm(root, { recursive: true, force: true }));

it('turns a CUSRES into customs.response-received, correlated with the declaration it answers', async () => {
  const events = await receive(client, { name: 'CUSRES_1.edi', bytes: authorityFile('9001', [cusres(accepted, sent.messageRef)]) });
  expect(events).toHaveLength(1);
  const [event] = events;
  expect(event).toMatchObject({
    type: 'customs.response-received',
    subject: customsDeclarationExamples[0]!.id,
    partitionkey: 'SKB-EX-250311-0007',
    tenant: 'default',
    correlationid: op.envelope.correlationid,
    causationid: op.envelope.id,
    traceparent: op.envelope.traceparent,
  });
  expect(event!.data).toMatchObject({ status: 'accepted', declaration: { id: customsDeclarationExamples[0]!.id, lrn: 'SKB-EX-250311-0007', mrn: '25DE003302E0004711' }, authority: { countryCode: 'DE', system: 'ATLAS' } });
  expect(check(CustomsResponseSchema, event!.data).ok).toBe(true);
});

it('answers with CONTRL in the outbox when the UNB asks for one', async () => {
  await receive(client, { name: 'CUSRES_2.edi', bytes: authorityFile('9002', [cusres(accepted, sent.messageRef)]) });
  const contrl = (await outbox('CONTRL')).find((c) => uci(c)[0]![0] === '9002')!;
  expect(contrl.sender).toMatchObject({ id: 'INTERLINE' });
  expect(contrl.recipient).toMatchObject({ id: 'SIMCUSTOMS' });
  expect(uci(contrl)[3]).toEqual([edifact.ACTION_ACKNOWLEDGED]);
});

it('gives the same event id when the same file is read again, so the hub takes it once', async () => {
  const bytes = authorityFile('9003', [cusres(accepted, sent.messageRef)]);
  const first = await receive(client, { name: 'CUSRES_3.edi', bytes });
  const again = await receive(client, { name: 'CUSRES_3.edi', bytes });
  expect(again[0]!.id).toBe(first[0]!.id);
});

it('rejects a duplicate interchange (same reference in another file) with syntax error 26, in the error and the CONTRL', async () => {
  await receive(client, { name: 'CUSRES_4.edi', bytes: authorityFile('9004', [cusres(accepted, sent.messageRef)]) });
  const error = await failure(receive(client, { name: 'CUSRES_4-resent.edi', bytes: authorityFile('9004', [cusres(accepted, sent.messageRef)]) }));
  expect(error).toBeInstanceOf(PermanentError);
  expect(error.message).toMatch(/interchange 9004 from SIMCUSTOMS rejected with 1 error\(s\), answered with CONTRL_INTERLINE_\d+\.edi: interchange 9004 from SIMCUSTOMS:ZZZ to INTERLINE:ZZZ was already received .*\(syntax error 26\)/);
  const rejection = (await outbox('CONTRL')).filter((c) => uci(c)[0]![0] === '9004').map(uci).find((e) => e[3]![0] === '4')!;
  expect(rejection[4]).toEqual(['26']);
});

it('refuses a file whose sender is not the authority of this inbox, without answering it', async () => {
  const before = (await outbox('CONTRL')).length;
  const error = await failure(receive(client, { name: 'FORGED.edi', bytes: authorityFile('9005', [cusres(accepted, sent.messageRef)], { sender: { id: 'SOMEONE', qualifier: 'ZZZ' } }) }));
  expect(error).toBeInstanceOf(PermanentError);
  expect(error.message).toContain(`file FORGED.edi in the inbox of partner 'customs-de' names sender "SOMEONE" (qualifier ZZZ), but that partner sends as "SIMCUSTOMS" (qualifier ZZZ)`);
  expect((await outbox('CONTRL')).length).toBe(before);
});

it('rejects truncated and binary garbage files as unreadable', async () => {
  const whole = authorityFile('9006', [cusres(accepted, sent.messageRef)]);
  const truncated = await failure(receive(client, { name: 'CUT.edi', bytes: whole.subarray(0, whole.length - 40) }));
  expect(truncated.message).toMatch(/^file CUT\.edi from partner customs-de is not a readable EDIFACT interchange: /);
  const garbage = await failure(receive(client, { name: 'NOISE.bin', bytes: Buffer.from([0x00, 0xff, 0x13, 0x37, 0x42, 0x99]) }));
  expect(garbage).toBeInstanceOf(PermanentError);
  expect(garbage.message).toContain('is not a readable EDIFACT interchange');
});

it('rejects a message type it does not take with syntax error 3, and says so in the CONTRL', async () => {
  const aperak: edifact.MessageInput = { type: 'APERAK', version: 'D', release: '96B', agency: 'UN', reference: 'A1', segments: [{ tag: 'BGM', elements: [['313'], ['X']] }] };
  const error = await failure(receive(client, { name: 'APERAK.edi', bytes: authorityFile('9007', [aperak]) }));
  expect(error.message).toContain('message A1 is APERAK D:96B, which the customs connector does not take (it takes CUSRES and CONTRL)');
  const rejection = (await outbox('CONTRL')).find((c) => uci(c)[0]![0] === '9007')!;
  const ucm = edifact.allMessages(rejection)[0]!.segments.find((s) => s.tag === 'UCM')!;
  expect(ucm.elements[2]).toEqual(['4']);
  expect(ucm.elements[3]).toEqual(['3']);
});

it('turns a CONTRL rejecting our interchange into a rejected response with the reason; an acknowledgement emits nothing', async () => {
  const contrl = (action: string, code?: string): edifact.MessageInput => ({
    type: 'CONTRL',
    version: 'D',
    release: '3',
    agency: 'UN',
    reference: '1',
    segments: [{ tag: 'UCI', elements: [[sent.controlRef], ['INTERLINE', 'ZZZ'], ['SIMCUSTOMS', 'ZZZ'], [action], ...(code ? [[code], ['UNB'], ['7']] : [])] }],
  });
  expect(await receive(client, { name: 'CONTRL_OK.edi', bytes: authorityFile('9008', [contrl('7')], { ack: false }) })).toEqual([]);
  const [event] = await receive(client, { name: 'CONTRL_NO.edi', bytes: authorityFile('9009', [contrl('4', '11')], { ack: false }) });
  expect(event).toMatchObject({ type: 'customs.response-received', correlationid: op.envelope.correlationid });
  expect(event!.data).toMatchObject({
    status: 'rejected',
    declaration: { id: customsDeclarationExamples[0]!.id, lrn: 'SKB-EX-250311-0007' },
    errors: [{ code: 'CONTRL-11', severity: 'error', text: `the authority rejected the interchange: password invalid (ISO 9735 syntax error 11) at interchange ${sent.controlRef} UNB` }],
  });
});

it('emits an answer to a declaration it did not send without correlation, keyed by the LRN', async () => {
  const [event] = await receive(client, { name: 'CUSRES_OTHER.edi', bytes: authorityFile('9010', [cusres({ ...accepted, declaration: { lrn: 'OTHER-LRN-1' } }, '0000099999')]) });
  expect(event).toMatchObject({ subject: 'OTHER-LRN-1', partitionkey: 'OTHER-LRN-1' });
  expect(event!.correlationid).toBeUndefined();
  expect((event!.data as CustomsResponse).declaration.id).toBeUndefined();
});

it('rejects a CUSRES with a wrong segment count, listing the error with its code (29) in the CONTRL', async () => {
  const text = authorityFile('9011', [cusres(accepted, sent.messageRef)]).toString('latin1').replace(/UNT\+\d+\+R1'/, "UNT+99+R1'");
  const error = await failure(receive(client, { name: 'COUNT.edi', bytes: Buffer.from(text, 'latin1') }));
  expect(error.message).toMatch(/UNT segment count 99 does not match \d+ segments.*\(syntax error 29\)/);
});
