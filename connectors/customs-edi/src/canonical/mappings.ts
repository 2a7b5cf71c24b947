// The connector's EDIFACT → canonical conversions as hub mappings, so a host can register them and
// run their fixture cases. They live here, not in mappings/src/customs-edi: the file source and the
// simulator need them at run time, and connectors do not import the mappings workspace.
import { defineMapping } from '@interline/hub';
import type { CustomsDeclaration, CustomsResponse, Mapping } from '@interline/hub';
import type { CargoManifest } from './cargo-manifest';
import { cuscarToManifest } from './cuscar-to-manifest';
import type { CuscarInput } from './cuscar-to-manifest';
import { cusdecToDeclaration } from './cusdec-to-declaration';
import type { CusdecInput } from './cusdec-to-declaration';
import { cusresToResponse } from './cusres-to-response';
import type { CusresInput } from './cusres-to-response';

function segmentsOf(input: { segments?: unknown } | null | undefined): void {
  if (!input || !Array.isArray(input.segments)) throw new Error('input needs "segments": the message\'s segments as {tag, elements: string[][]}');
}

export const cusresToResponseMapping = defineMapping<CusresInput, CustomsResponse>({
  id: 'customs-edi/cusres-to-response',
  from: 'CUSRES D.96B segments (+ id, receivedAt, declarationId)',
  to: 'CustomsResponse',
  description: 'What the file source emits as customs.response-received.',
  map: (input) => {
    segmentsOf(input);
    return cusresToResponse(input);
  },
});

export const cusdecToDeclarationMapping = defineMapping<CusdecInput, CustomsDeclaration>({
  id: 'customs-edi/cusdec-to-declaration',
  from: 'CUSDEC D.96B segments (+ id)',
  to: 'CustomsDeclaration',
  description: 'The reverse of customs-edi/declaration-to-cusdec; embedded party copies are not carried back (partyId is).',
  map: (input) => {
    segmentsOf(input);
    return cusdecToDeclaration(input);
  },
});

export const cuscarToManifestMapping = defineMapping<CuscarInput, CargoManifest>({
  id: 'customs-edi/cuscar-to-manifest',
  from: 'CUSCAR D.96B segments (+ id)',
  to: 'CargoManifest',
  map: (input) => {
    segmentsOf(input);
    return cuscarToManifest(input);
  },
});

export const customsEdiMappings: Mapping[] = [cusresToResponseMapping as Mapping, cusdecToDeclarationMapping as Mapping, cuscarToManifestMapping as Mapping];
