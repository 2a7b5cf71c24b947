// Message definitions as data: the shipped set, adding a message by adding a file, and typo reports.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DefinitionError, MessageDirectory, bundledDirectory, createDirectory, parseInterchange, validateInterchange } from '../../../src/formats/edifact';
import { interchange, message } from './fixtures';

describe('message definitions as data', () => {
  it('ships CUSDEC, CUSRES, CUSCAR, APERAK (D96B), PAXLST (D05B) and both forms of CONTRL', () => {
    expect(bundledDirectory().messageKeys()).toEqual([
      'APERAK:D:96B:UN',
      'CONTRL:4:1:UN',
      'CONTRL:D:3:UN',
      'CUSCAR:D:96B:UN',
      'CUSDEC:D:96B:UN',
      'CUSRES:D:96B:UN',
      'PAXLST:D:05B:UN',
    ]);
  });

  describe('adding a message is adding a data file', () => {
    let folder: string;
    beforeAll(async () => {
      folder = await mkdtemp(path.join(tmpdir(), 'interline-definitions-'));
      // A JSON data file: a partner's IFTSTA subset on the D96B segments, plus one segment of its own.
      await writeFile(
        path.join(folder, 'iftsta-d96b.json'),
        JSON.stringify({
          kind: 'message',
          type: 'IFTSTA',
          version: 'D',
          release: '96B',
          agency: 'UN',
          title: 'International multimodal status report (partner subset)',
          source: 'test',
          segmentDictionary: 'PARTNER',
          table: ['UNH M 1', 'BGM M 1', 'DTM C 9', ['SG1 C 99', 'CNI M 1', 'STS M 9'], 'UNT M 1'],
        }),
      );
      await writeFile(
        path.join(folder, 'partner-segments.json'),
        JSON.stringify({
          kind: 'segments',
          id: 'PARTNER',
          source: 'test',
          segments: { BGM: ['C C002', 'C 1004'], DTM: ['M C507'], CNI: ['C 1490', 'C 1004'], STS: ['M 9011'] },
          composites: { C002: ['C 1001'], C507: ['M 2005', 'C 2380', 'C 2379'] },
          elements: { '1001': 'an..3', '1004': 'an..35', '1490': 'n..4', '2005': 'an..3', '2380': 'an..35', '2379': 'an..3', '9011': 'an..3' },
        }),
      );
    });
    afterAll(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    it('validates the new message without any code change', () => {
      const directory = createDirectory([folder]);
      expect(directory.messageKeys()).toContain('IFTSTA:D:96B:UN');
      const ok = interchange([message('1', 'IFTSTA:D:96B:UN', ['BGM+23+STS1', 'CNI+1+AWB1', 'STS+1'])]);
      expect(validateInterchange(parseInterchange(ok), { directory }).valid).toBe(true);
      const missing = interchange([message('1', 'IFTSTA:D:96B:UN', ['BGM+23+STS1', 'CNI+1+AWB1'])]);
      const errors = validateInterchange(parseInterchange(missing), { directory }).errors;
      expect(errors.map((e) => [e.code, e.segmentTag])).toEqual([['MISSING_SEGMENT', 'CNI']]);
      expect(validateInterchange(parseInterchange(ok)).errors.map((e) => e.code)).toEqual(['UNKNOWN_MESSAGE']);
    });
  });

  it('rejects malformed definitions with the place of the typo', () => {
    const directory = new MessageDirectory();
    expect(() =>
      directory.register({ kind: 'segments', id: 'X', source: 't', segments: { BGM: ['M 1225'] }, composites: {}, elements: { '1225': 'an.3' } }),
    ).toThrow(new DefinitionError('X BGM element 1 (1225): representation "an.3" is not like an..35, n3 or a1'));
    expect(() =>
      directory.register({ kind: 'message', type: 'T', version: 'D', release: '96B', agency: 'UN', title: 't', source: 't', segmentDictionary: 'X', table: ['BGM X 1'] }),
    ).toThrow('T D96B BGM: status "X" must be M or C');
    directory.register({ kind: 'message', type: 'T', version: 'D', release: '96B', agency: 'UN', title: 't', source: 't', segmentDictionary: 'NOPE', table: ['BGM M 1'] });
    expect(() => directory.verify()).toThrow('T:D:96B:UN: segment dictionary NOPE is not registered');
  });
});
