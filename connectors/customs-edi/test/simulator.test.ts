// The simulated customs authority on its folders: verdicts by its business rules, refusals by its
// envelope checks, and faults injected over HTTP through the shared /__sim control plane.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SimulatorControlClient, customsDeclarationExamples, edifact } from '@interline/hub';
import type { CustomsDeclaration, CustomsResponse } from '@interline/hub';
import { cusresToResponse } from '../src';
import type { CusdecSubmission, CustomsEdiClient, SubmitResult } from '../src';
import { simulatorConfig, startCustomsSimulator } from '../src/testing';
import type { AuthorityState, CustomsSimulatorHandle } from '../src/testing';
import declarationToCusdec from '../../../mappings/src/customs-edi/declaration-to-cusdec.mapping';
import { MemoryState, connect, eventually, runOperation } from './harness';

let simulator: CustomsSimulatorHandle;
let control: SimulatorControlClient;
let client: CustomsEdiClient;
let lrnCounter = 0;
// One state for every client: control references stay unique whatever the password.
const state = new MemoryState();

const inbox = () => path.join(simulator.root, simulator.partner, 'inbox');

/** A declaration with a fresh LRN, optionally changed, sent through the connector. */
async function declare(change: (d: CustomsDeclaration) => void = () => undefined, password?: string): Promise<SubmitResult> {
  const d = structuredClone(customsDeclarationExamples[0]!);
  d.references.lrn = `SIM-${++lrnCounter}`;
  change(d);
  const submission = (await declarationToCusdec.map(d, { envelope: { id: 'x', type: 'x', tenant: 'default', correlationid: 'x', time: '' } })) as CusdecSubmission;
  const sender = password ? await connect({ ...simulatorConfig(simulator), password }, state) : client;
  return (await runOperation(sender, 'sendDeclaration', submission)) as SubmitResult;
}

/** The answers in the inbox for one of our interchanges: CONTRL (UCI) and CUSRES (as canonical). */
async function answersTo(controlRef: string): Promise<{ contrl: string[][][]; responses: CustomsResponse[] }> {
  const contrl: string[][][] = [];
  const responses: CustomsResponse[] = [];
  for (const name of (await readdir(inbox())).filter((n) => !n.startsWith('.'))) {
    const interchange = edifact.parseInterchange(await readFile(path.join(inbox(), name)));
    for (const message of edifact.allMessages(interchange)) {
      if (message.type === 'CONTRL') {
        const uci = message.segments.find((s) => s.tag === 'UCI')!;
        if (uci.elements[0]![0] === controlRef) contrl.push(uci.elements);
      } else if (message.segments.some((s) => s.tag === 'RFF' && s.elements[0]![0] === 'ACW' && s.elements[0]![1] === controlRef)) {
        responses.push(cusresToResponse({ segments: message.segments, id: 'r', receivedAt: new Date().toISOString() }));
      }
    }
  }
  return { contrl, responses };
}

async function answered(controlRef: string, count = 2) {
  return eventually(async () => {
    const found = await answersTo(controlRef);
    return found.contrl.length + found.responses.length >= count ? found : undefined;
  }, 5000, `answers to ${controlRef}`);
}

beforeAll(async () => {
  simulator = await startCustomsSimulator({ pollIntervalMs: 50 });
  control = new SimulatorControlClient(simulator.baseUrl);
  client = await connect(simulatorConfig(simulator), state);
});
afterAll(() => simulator?.stop());
beforeEach(() => control.clearFaults());

it('accepts a sound declaration: CONTRL acknowledged and CUSRES accepted with an MRN, lodged once', async () => {
  const sent = await declare();
  const { contrl, responses } = await answered(sent.controlRef);
  expect(contrl[0]![3]).toEqual(['7']);
  expect(responses[0]).toMatchObject({ status: 'accepted', declaration: { lrn: `SIM-${lrnCounter}`, mrn: expect.stringMatching(/^\d{2}DESIM\d{11}$/) }, authority: { countryCode: 'DE', system: 'ATLAS-SIM' }, errors: [] });
  const state = await control.state<AuthorityState>();
  expect(state.lodged.filter((l) => l.controlRef === sent.controlRef)).toEqual([expect.objectContaining({ kind: 'declaration', status: 'accepted', file: sent.file })]);
});

it('rejects a declaration whose totals do not add up, with codes and pointers', async () => {
  const sent = await declare((d) => {
    d.totals.grossWeightKg = 400;
    d.totals.packageCount = 7;
  });
  const { responses } = await answered(sent.controlRef);
  expect(responses[0]).toMatchObject({ status: 'rejected' });
  expect(responses[0]!.errors).toEqual([
    { code: 'R002', pointer: '/totals/packageCount', severity: 'error', text: 'declared 7 packages, but the goods items list 6' },
    { code: 'R003', pointer: '/totals/grossWeightKg', severity: 'error', text: 'declared total gross mass 400 kg, but the goods items add up to 358.5 kg' },
  ]);
});

it('holds goods of HS chapter 93 for inspection, with instructions', async () => {
  const sent = await declare((d) => {
    d.goodsItems[1]!.hsCode = '93020000';
  });
  const { responses } = await answered(sent.controlRef);
  expect(responses[0]).toMatchObject({ status: 'held-for-inspection', controlInstructions: 'Physical examination of goods item 2 (HS 93020000): present the goods and the licence at DE003302.' });
});

it('refuses an interchange with the wrong password: CONTRL rejection with syntax error 11, nothing lodged', async () => {
  const sent = await declare(undefined, 'wrong-pass');
  const { contrl, responses } = await answered(sent.controlRef, 1);
  expect(contrl[0]!.slice(3, 6)).toEqual([['4'], ['11'], ['UNB']]);
  expect(responses).toEqual([]);
  expect((await control.state<AuthorityState>()).lodged.some((l) => l.controlRef === sent.controlRef)).toBe(false);
});

it('refuses the same interchange sent twice as a duplicate (26), lodging it once', async () => {
  const sent = await declare();
  await answered(sent.controlRef);
  const outbox = path.join(simulator.root, simulator.partner, 'outbox');
  const archived = (await readdir(path.join(simulator.root, simulator.partner, 'archive', 'out'), { recursive: true })).find((n) => n.endsWith(sent.file))!;
  const bytes = await readFile(path.join(simulator.root, simulator.partner, 'archive', 'out', archived));
  await writeFile(path.join(outbox, `again-${sent.file}`), bytes);
  const found = await eventually(async () => {
    const a = await answersTo(sent.controlRef);
    return a.contrl.some((e) => e[3]![0] === '4') ? a : undefined;
  });
  expect(found.contrl.find((e) => e[3]![0] === '4')![4]).toEqual(['26']);
  expect((await control.state<AuthorityState>()).lodged.filter((l) => l.controlRef === sent.controlRef)).toHaveLength(1);
});

describe('faults over /__sim', () => {
  it('transient: the gateway leaves the file in the outbox, then collects it', async () => {
    await control.fault({ kind: 'transient', operation: 'sendDeclaration', times: 2 });
    const sent = await declare();
    await eventually(async () => (await control.state<AuthorityState>()).received.filter((r) => r.file === sent.file && r.outcome === 'deferred').length === 2);
    const { responses } = await answered(sent.controlRef);
    expect(responses[0]!.status).toBe('accepted');
  });

  it('permanent: the interchange is refused with CONTRL 17 (no agreement)', async () => {
    await control.fault({ kind: 'permanent', operation: 'sendDeclaration' });
    const sent = await declare();
    const { contrl } = await answered(sent.controlRef, 1);
    expect(contrl[0]!.slice(3, 5)).toEqual([['4'], ['17']]);
  });

  it('after the effect: the declaration is lodged, the answer is lost', async () => {
    await control.fault({ kind: 'transient', operation: 'sendDeclaration', afterEffect: true });
    const sent = await declare();
    const state = await eventually(async () => {
      const s = await control.state<AuthorityState>();
      return s.lodged.some((l) => l.controlRef === sent.controlRef) ? s : undefined;
    });
    expect(state.received.find((r) => r.file === sent.file)?.fault).toBe('transient (after effect): answer lost');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await answersTo(sent.controlRef)).toEqual({ contrl: [], responses: [] });
  });

  it('timeout: the answer comes late', async () => {
    await control.fault({ kind: 'timeout', operation: 'sendDeclaration', delayMs: 400 });
    const sent = await declare();
    await eventually(async () => (await control.state<AuthorityState>()).pendingAnswers === 1);
    expect(await answersTo(sent.controlRef)).toEqual({ contrl: [], responses: [] });
    expect((await answered(sent.controlRef)).responses[0]!.status).toBe('accepted');
  });

  it('refuses a malformed fault and serves nothing but /__sim', async () => {
    const bad = await fetch(`${simulator.baseUrl}/__sim/faults`, { method: 'POST', body: JSON.stringify({ kind: 'meltdown' }) });
    expect(bad.status).toBe(400);
    const other = await fetch(`${simulator.baseUrl}/declarations`);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { message: string }).message).toContain('the customs simulator speaks files under');
  });

  it('reset forgets everything it received', async () => {
    await answered((await declare()).controlRef);
    await control.reset();
    expect(await control.state<AuthorityState>()).toMatchObject({ received: [], lodged: [], answers: [] });
  });
});
