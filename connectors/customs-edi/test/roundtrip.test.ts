// Round trips with no loss: every declaration, manifest and response fixture is generated into an
// interchange, read back by the engine, and mapped back to the very same canonical object.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { customsDeclarationExamples, customsResponseExamples, edifact } from '@interline/hub';
import type { CustomsDeclaration, CustomsResponse, MappingCase } from '@interline/hub';
import { cuscarToManifest, cusdecToDeclaration, cusresToResponse, encodeInterchange, interchangeText, responseToCusres } from '../src';
import type { CargoManifest } from '../src';
import declarationToCusdec from '../../../mappings/src/customs-edi/declaration-to-cusdec.mapping';
import manifestToCuscar from '../../../mappings/src/customs-edi/manifest-to-cuscar.mapping';

const CASES = path.resolve(__dirname, '../../../mappings/src/customs-edi');
const cases = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as MappingCase[]).filter((c) => c.error === undefined);
const ctx = { envelope: { id: 'rt', type: 'mapping.case', tenant: 'default', correlationid: 'rt', time: '2025-01-01T00:00:00Z' } };

/** Write one message as a whole interchange (UNOC, as the connector does), then read it back. */
function throughTheWire(message: edifact.MessageInput): edifact.Message {
  const text = interchangeText({
    sender: { id: 'INTERLINE' },
    recipient: { id: 'SIMCUSTOMS' },
    controlRef: '0000000042',
    preparedAt: new Date('2025-03-12T07:30:00Z'),
    ackRequested: true,
    testIndicator: false,
    syntax: { identifier: 'UNOC', version: 3 },
    password: 'pw?+:x',
    message: { ...message, reference: '0000000042' },
  });
  const interchange = edifact.parseInterchange(encodeInterchange(text, 'UNOC', 'round trip'));
  const result = edifact.validateInterchange(interchange);
  expect(result.errors.map((e) => e.message)).toEqual([]);
  expect(edifact.valueAt(interchange.header, 5)).toBe('pw?+:x');
  return edifact.allMessages(interchange)[0]!;
}

/** Instants compared as instants (EDIFACT 204 carries UTC); embedded party copies are not carried back. */
function comparable<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => {
    if (typeof v === 'string' && /^(createdAt|submittedAt|issuedAt|receivedAt)$/.test(key)) return new Date(v).toISOString();
    if (key === 'party' && typeof v === 'object' && v !== null && 'roles' in v) return undefined;
    return v;
  }) as T;
}

describe('CustomsDeclaration → CUSDEC → CustomsDeclaration', () => {
  const fixtures: Array<[string, CustomsDeclaration]> = [
    ...cases(path.join(CASES, 'declaration-to-cusdec.cases.json')).map((c): [string, CustomsDeclaration] => [c.name, c.input as CustomsDeclaration]),
    ...customsDeclarationExamples.map((d): [string, CustomsDeclaration] => [`model example ${d.references.lrn}`, d]),
  ];
  it.each(fixtures)('%s', async (_name, declaration) => {
    const submission = (await declarationToCusdec.map(declaration, ctx)) as { message: edifact.MessageInput };
    const message = throughTheWire(submission.message);
    expect(comparable(cusdecToDeclaration({ segments: message.segments, id: declaration.id }))).toEqual(comparable(declaration));
  });
});

describe('CargoManifest → CUSCAR → CargoManifest', () => {
  it.each(cases(path.join(CASES, 'manifest-to-cuscar.cases.json')).map((c): [string, CargoManifest] => [c.name, c.input as CargoManifest]))('%s', async (_name, manifest) => {
    const submission = (await manifestToCuscar.map(manifest as never, ctx)) as { message: edifact.MessageInput };
    const message = throughTheWire(submission.message);
    expect(comparable(cuscarToManifest({ segments: message.segments, id: manifest.id }))).toEqual(comparable(manifest));
  });
});

describe('CustomsResponse → CUSRES → CustomsResponse', () => {
  const fixtures: Array<[string, CustomsResponse]> = [
    ...cases(path.join(__dirname, 'fixtures', 'cusres-to-response.cases.json')).map((c): [string, CustomsResponse] => [c.name, c.expected as CustomsResponse]),
    ...customsResponseExamples.map((r): [string, CustomsResponse] => [`model example ${r.status}`, r]),
  ];
  it.each(fixtures)('%s', (_name, response) => {
    const message = throughTheWire({ type: 'CUSRES', version: 'D', release: '96B', agency: 'UN', segments: responseToCusres(response, { answers: 'CD1' }) });
    const back = cusresToResponse({
      segments: message.segments,
      id: response.id,
      receivedAt: response.receivedAt,
      ...(response.declaration.id ? { declarationId: response.declaration.id } : {}),
    });
    expect(comparable(back)).toEqual(comparable(response));
  });
});
