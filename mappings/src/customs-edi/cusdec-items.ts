// CUSDEC detail section: one SG30 per goods item — CST (commodity, procedure, valuation, preference),
// FTX description, LOC origin, MEA weights and supplementary units, SG31 packages with SG32 marks,
// SG33 amounts, SG37 documents, SG40 additional procedure codes.
import type { CustomsDeclaration } from '@interline/hub';
import { MUTUAL, chunks, ediMoney, ediNumber, freeText, segment } from './edi-values';
import type { EdiSegment } from './edi-values';
import { GIS, LOCATION, documentSegments } from './cusdec-header';

type GoodsItem = CustomsDeclaration['goodsItems'][number];

/** CST C246 1131 qualifiers (mutually defined). */
export const CST = { commodity: 'HS', procedure: 'CPC', valuation: 'VLM', preference: 'PRF' } as const;

/** MOA 5025 qualifiers (UNTDID 5025). */
export const AMOUNTS = { invoiceValue: '38', customsValue: '40', statisticalValue: '123' } as const;

function customsStatus(item: GoodsItem): EdiSegment {
  const codes: string[][] = [[item.hsCode, CST.commodity, MUTUAL]];
  if (item.procedure) codes.push([`${item.procedure.requested}${item.procedure.previous}`, CST.procedure, MUTUAL]);
  if (item.valuationMethod) codes.push([item.valuationMethod, CST.valuation, MUTUAL]);
  if (item.preferenceCode) codes.push([item.preferenceCode, CST.preference, MUTUAL]);
  return { tag: 'CST', elements: [[String(item.sequence)], ...codes] };
}

function measures(item: GoodsItem, field: string): EdiSegment[] {
  const out = [segment('MEA', 'WT', 'G', ['KGM', ediNumber(item.grossWeightKg, `${field}.grossWeightKg`)])];
  if (item.netWeightKg !== undefined) out.push(segment('MEA', 'WT', 'AAL', ['KGM', ediNumber(item.netWeightKg, `${field}.netWeightKg`)]));
  if (item.supplementaryUnits) {
    out.push(segment('MEA', 'AAE', 'SU', [item.supplementaryUnits.unit, ediNumber(item.supplementaryUnits.quantity, `${field}.supplementaryUnits.quantity`)]));
  }
  return out;
}

function packages(item: GoodsItem): EdiSegment[] {
  const out: EdiSegment[] = [];
  for (const pack of item.packages) {
    out.push(segment('PAC', String(pack.count), [], pack.typeCode));
    // PCI 28 (marks, free text): 10 × 35 characters per segment.
    for (const piece of chunks(pack.marks ?? '', 350)) out.push(segment('PCI', '28', chunks(piece, 35)));
  }
  return out;
}

function amounts(item: GoodsItem, field: string): EdiSegment[] {
  const out: EdiSegment[] = [];
  for (const [key, qualifier] of Object.entries(AMOUNTS) as Array<[keyof typeof AMOUNTS, string]>) {
    const money = item[key];
    if (money) out.push(segment('MOA', [qualifier, ediMoney(money, `${field}.${key}`), money.currency]));
  }
  return out;
}

export function goodsItemSegments(item: GoodsItem, index: number): EdiSegment[] {
  const field = `goodsItems/${index}`;
  return [
    customsStatus(item),
    ...freeText('AAA', item.description),
    segment('LOC', LOCATION.origin, item.originCountry),
    ...measures(item, field),
    ...packages(item),
    ...amounts(item, field),
    ...(item.documents ?? []).flatMap((document, d) => documentSegments(document, `${field}/documents/${d}`)),
    ...(item.procedure?.additional ?? []).map((code) => segment('GIS', [code, GIS.additionalProcedure, MUTUAL])),
  ];
}
