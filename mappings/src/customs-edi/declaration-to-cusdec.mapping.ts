// Canonical CustomsDeclaration → the input of customs-edi.sendDeclaration: a CUSDEC D.96B message
// (segments between UNH and UNT) plus the declaration's id and LRN for bindings. The connector
// adds the interchange envelope, control references and the file.
import { CustomsDeclarationSchema, check, defineMapping, formatIssue } from '@interline/hub';
import type { CustomsDeclaration } from '@interline/hub';
import { ediNumber, segment } from './edi-values';
import type { EdiMessage } from './edi-values';
import { headerSegments, termsAndTotalSegments } from './cusdec-header';
import { goodsItemSegments } from './cusdec-items';
import { partySegments } from './cusdec-parties';

export interface CusdecSubmission {
  declaration: { id: string; lrn: string };
  message: EdiMessage;
}

export default defineMapping<CustomsDeclaration, CusdecSubmission>({
  id: 'customs-edi/declaration-to-cusdec',
  from: 'CustomsDeclaration',
  to: 'customs-edi.sendDeclaration input (CUSDEC D.96B segments)',
  description: 'Every canonical field has a place (see the connector README); values that exceed a D.96B element are refused, never cut.',
  map(input) {
    const checked = check(CustomsDeclarationSchema, input);
    if (!checked.ok) throw new Error(`input is not a valid CustomsDeclaration: ${checked.issues.map(formatIssue).join('; ')}`);
    const d = checked.value;
    const segments = [
      ...headerSegments(d),
      ...partySegments(d),
      ...termsAndTotalSegments(d),
      segment('UNS', 'D'),
      ...d.goodsItems.flatMap((item, index) => goodsItemSegments(item, index)),
      segment('UNS', 'S'),
      segment('CNT', ['5', String(d.totals.itemCount)]),
      segment('CNT', ['11', String(d.totals.packageCount)]),
      segment('CNT', ['7', ediNumber(d.totals.grossWeightKg, 'totals.grossWeightKg'), 'KGM']),
    ];
    return { declaration: { id: d.id, lrn: d.references.lrn }, message: { type: 'CUSDEC', version: 'D', release: '96B', agency: 'UN', segments } };
  },
});
