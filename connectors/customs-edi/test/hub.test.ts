// End to end through a real hub and the partner file exchange: a customs.declaration-submitted
// becomes a CUSDEC file, the simulated authority answers in the inbox, and the hub journals
// customs.response-received in the declaration's correlation; bad files are rejected and kept.
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEnvelope, customsDeclarationExamples, listPartnerFiles, loadConfig, messageDetail, silentLogger, startFileExchange, startRuntime } from '@interline/hub';
import type { CustomsDeclaration, CustomsResponse, FileExchange, RunningHub } from '@interline/hub';
import { customsEdiConnector } from '../src';
import { simulatorConfig, startCustomsSimulator } from '../src/testing';
import type { AuthorityState, CustomsSimulatorHandle } from '../src/testing';
import { eventually } from './harness';

const ROUTES = `routes:
  - id: customs-declare
    from: { type: customs.declaration-submitted }
    steps:
      - validate
      - map: customs-edi/declaration-to-cusdec
      - to: customs.sendDeclaration
    retry: { attempts: 3, baseDelay: 20ms, maxDelay: 100ms, maxAge: 1h }
    timeout: 5s
`;
const MAPPING = `export { default } from '${path.resolve(__dirname, '../../../mappings/src/customs-edi/declaration-to-cusdec.mapping')}';\n`;

let dir: string;
let simulator: CustomsSimulatorHandle;
let running: RunningHub;
let exchange: FileExchange;
let lrn = 0;

async function declare(change: (d: CustomsDeclaration) => void = () => undefined): Promise<{ envelopeId: string; declaration: CustomsDeclaration }> {
  const declaration = structuredClone(customsDeclarationExamples[0]!);
  declaration.id = `decl-e2e-${++lrn}`;
  declaration.references.lrn = `E2E-${lrn}`;
  change(declaration);
  const envelope = createEnvelope({ type: 'customs.declaration-submitted', source: 'interline/portal', subject: declaration.id, data: declaration });
  expect((await running.hub.ingress.submit(envelope)).status).toBe('accepted');
  return { envelopeId: envelope.id, declaration };
}

async function responseFor(correlationId: string): Promise<{ id: string; causationId: string; data: CustomsResponse }> {
  return eventually(async () => {
    const rows = await running.hub.journal.sql.query<{ id: string; causation_id: string }>(
      "SELECT id, causation_id FROM messages WHERE type = 'customs.response-received' AND correlation_id = $1",
      [correlationId],
    );
    const row = rows.rows[0];
    if (!row) return undefined;
    const detail = await messageDetail(running.hub.journal.sql, row.id);
    return { id: row.id, causationId: row.causation_id, data: (detail!.message.envelope as { data: CustomsResponse }).data };
  }, 15_000, `customs.response-received in correlation ${correlationId}`);
}

beforeAll(async () => {
  process.env.INTERLINE_MAPPINGS_FROM_SOURCE = '1';
  dir = await mkdtemp(path.join(tmpdir(), 'interline-customs-hub-'));
  simulator = await startCustomsSimulator({ pollIntervalMs: 50 });
  await mkdir(path.join(dir, 'routes'));
  await mkdir(path.join(dir, 'mappings', 'src', 'customs-edi'), { recursive: true });
  await writeFile(path.join(dir, 'routes', 'customs.yaml'), ROUTES);
  await writeFile(path.join(dir, 'mappings', 'src', 'customs-edi', 'declaration-to-cusdec.mapping.ts'), MAPPING);
  const connectors = { customs: { use: 'customs-edi', config: simulatorConfig(simulator) } };
  await writeFile(path.join(dir, 'interline.yaml'), JSON.stringify({ server: { host: '127.0.0.1', port: 0 }, connectors }));
  running = await startRuntime(loadConfig({ file: path.join(dir, 'interline.yaml'), env: {} }), {
    logger: silentLogger(),
    inMemoryJournal: true,
    resolveConnector: () => customsEdiConnector,
  });
  exchange = startFileExchange({ hub: running.hub, root: simulator.root, partners: [{ name: simulator.partner, connector: 'customs' }], logger: silentLogger(), pollIntervalMs: 50, settleMs: 100 });
  await exchange.ready;
}, 60_000);

afterAll(async () => {
  await exchange?.stop();
  await running?.stop();
  await simulator?.stop();
  await rm(dir, { recursive: true, force: true });
  delete process.env.INTERLINE_MAPPINGS_FROM_SOURCE;
});

it('sends a declaration as a CUSDEC file and journals the authority’s answer in the declaration’s correlation', async () => {
  const { envelopeId, declaration } = await declare();
  const response = await responseFor(envelopeId);
  expect(response.data).toMatchObject({ status: 'accepted', declaration: { id: declaration.id, lrn: 'E2E-1', mrn: expect.stringMatching(/DESIM/) } });
  expect(response.causationId).toBe(envelopeId);

  const sql = running.hub.journal.sql;
  const out = await listPartnerFiles(sql, { partner: simulator.partner, direction: 'out' });
  expect(out.find((f) => f.name.startsWith('CUSDEC_'))).toMatchObject({ status: 'sent', messageIds: [envelopeId] });
  const cusres = (await listPartnerFiles(sql, { partner: simulator.partner, direction: 'in' })).find((f) => f.name.startsWith('CUSRES_'));
  expect(cusres).toMatchObject({ status: 'accepted', messageIds: [response.id], connector: 'customs' });
  // The authority's CUSRES asked for a CONTRL: the hub answered, and the authority got it.
  const state = await eventually(async () => {
    const s = await simulator.inspect();
    return s.acknowledgements.length > 0 ? s : undefined;
  });
  expect(state.acknowledgements[0]).toMatchObject({ action: '7' });
  const lodged: AuthorityState['lodged'] = state.lodged;
  expect(lodged).toEqual([expect.objectContaining({ reference: 'E2E-1', status: 'accepted' })]);
});

it('journals a rejection with the authority’s error codes and pointers', async () => {
  const { envelopeId } = await declare((d) => {
    d.totals.itemCount = 3;
  });
  const response = await responseFor(envelopeId);
  expect(response.data).toMatchObject({ status: 'rejected', errors: [{ code: 'R001', pointer: '/totals/itemCount', severity: 'error' }] });
});

it('rejects garbage and truncated files dropped in the inbox, keeps them archived with their error, and keeps running', async () => {
  const inbox = path.join(simulator.root, simulator.partner, 'inbox');
  const drop = async (name: string, bytes: Buffer) => {
    await writeFile(path.join(inbox, `.${name}.tmp`), bytes);
    await rename(path.join(inbox, `.${name}.tmp`), path.join(inbox, name));
  };
  await drop('noise.edi', Buffer.from([0x00, 0x13, 0xff, 0x55, 0x4e, 0x42]));
  await drop('cut.edi', Buffer.from("UNB+UNOC:3+SIMCUSTOMS:ZZZ+INTERLINE:ZZZ+250312:0730+77++++1'UNH+77+CUSRES:D:96B:UN'BGM+962+X+11+AP'RFF+ABE:X", 'latin1'));
  for (const name of ['noise.edi', 'cut.edi']) {
    const rejected = await eventually(async () => (await listPartnerFiles(running.hub.journal.sql, { partner: simulator.partner, name })).find((f) => f.status === 'rejected'));
    expect(rejected.error).toMatch(new RegExp(`^file ${name.replace('.', '\\.')} from partner customs-authority is not a readable EDIFACT interchange: `));
    expect(await readFile(rejected.archivedPath!)).toHaveLength(rejected.size);
  }

  const { envelopeId } = await declare((d) => {
    d.goodsItems[0]!.hsCode = '93040000';
  });
  expect((await responseFor(envelopeId)).data).toMatchObject({ status: 'held-for-inspection', controlInstructions: expect.stringContaining('goods item 1 (HS 93040000)') });
});
