// Reads the CUSDEC detail section (SG30 goods items) back into canonical goods items.
import type { CustomsDeclaration } from '@interline/hub';
import { at, freeTextOf, readDate, readDocument, readInteger, readMoney, readNumber } from './edi-read';
import type { EdiSegment } from './edi-read';

type GoodsItem = CustomsDeclaration['goodsItems'][number];

const AMOUNT_FIELDS: Record<string, 'invoiceValue' | 'customsValue' | 'statisticalValue'> = { '38': 'invoiceValue', '40': 'customsValue', '123': 'statisticalValue' };

export class GoodsItemReader {
  private readonly items: GoodsItem[] = [];
  private item: GoodsItem | undefined;
  private description = '';

  read(s: EdiSegment): void {
    if (s.tag === 'CST') return this.start(s);
    const item = this.item;
    if (!item) throw new Error(`segment ${s.tag} comes before the first goods item (CST) in the detail section`);
    const q = at(s, 0);
    const field = `goodsItems/${this.items.length}`;
    switch (s.tag) {
      case 'FTX':
        if (q === 'AAA') this.description += freeTextOf(s);
        return;
      case 'LOC':
        if (q === '27') item.originCountry = at(s, 1);
        return;
      case 'MEA':
        return this.measure(item, s, field);
      case 'PAC':
        item.packages.push({ typeCode: at(s, 2), count: readInteger(at(s, 0), `${field} PAC 7224`) });
        return;
      case 'PCI': {
        const last = item.packages[item.packages.length - 1];
        if (q === '28' && last) last.marks = `${last.marks ?? ''}${(s.elements[1] ?? []).join('')}`;
        return;
      }
      case 'MOA': {
        const key = AMOUNT_FIELDS[q];
        if (key) item[key] = readMoney(s, `${field}.${key}`);
        return;
      }
      case 'DOC':
        (item.documents ??= []).push(readDocument(s));
        return;
      case 'DTM': {
        const last = item.documents?.[item.documents.length - 1];
        if (q === '182' && last) last.issueDate = readDate(s, `${field} document issueDate`);
        return;
      }
      case 'GIS':
        if (at(s, 0, 1) === 'APC' && item.procedure) (item.procedure.additional ??= []).push(q);
        return;
    }
  }

  private start(s: EdiSegment): void {
    this.close();
    const sequence = readInteger(at(s, 0), 'CST 1496 (goods item number)');
    const codes = new Map(s.elements.slice(1).map((c) => [c[1] ?? '', c[0] ?? '']));
    const hsCode = codes.get('HS');
    if (!hsCode) throw new Error(`goods item ${sequence} (CST) has no commodity code (C246 with 1131 = HS)`);
    const item: GoodsItem = { sequence, description: '', hsCode, originCountry: '', grossWeightKg: 0, packages: [] };
    const procedure = codes.get('CPC');
    if (procedure) item.procedure = { requested: procedure.slice(0, 2), previous: procedure.slice(2, 4) };
    if (codes.get('VLM')) item.valuationMethod = codes.get('VLM');
    if (codes.get('PRF')) item.preferenceCode = codes.get('PRF');
    this.item = item;
  }

  private measure(item: GoodsItem, s: EdiSegment, field: string): void {
    const kind = `${at(s, 0)}/${at(s, 1)}`;
    const value = readNumber(at(s, 2, 1), `${field} MEA ${kind}`);
    if (kind === 'WT/G') item.grossWeightKg = value;
    else if (kind === 'WT/AAL') item.netWeightKg = value;
    else if (kind === 'AAE/SU') item.supplementaryUnits = { quantity: value, unit: at(s, 2) };
  }

  private close(): void {
    if (!this.item) return;
    if (!this.description) throw new Error(`goods item ${this.item.sequence} has no description (FTX+AAA)`);
    this.item.description = this.description;
    this.items.push(this.item);
    this.item = undefined;
    this.description = '';
  }

  finish(): GoodsItem[] {
    this.close();
    if (this.items.length === 0) throw new Error('the detail section has no goods item (SG30 CST)');
    return this.items;
  }
}
