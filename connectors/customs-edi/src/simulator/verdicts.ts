// The simulated authority's business rules: what it answers to a declaration or a manifest that
// passed the syntax checks. Deterministic, so tests can ask for each outcome:
// schema or totals problems → rejected with error codes and pointers; a goods item in HS chapter 93
// (arms) → held for inspection; otherwise accepted with an MRN.
import { CustomsDeclarationSchema, check, isValidAwb } from '@interline/hub';
import type { CustomsDeclaration, CustomsResponse } from '@interline/hub';
import type { CargoManifest } from '../canonical/cargo-manifest';
import { CargoManifestSchema } from '../canonical/cargo-manifest';

type CustomsError = CustomsResponse['errors'][number];
export type Verdict = Pick<CustomsResponse, 'status' | 'errors'> & { controlInstructions?: string };

const error = (code: string, pointer: string, text: string): CustomsError => ({ code, pointer, text, severity: 'error' });

export function declarationVerdict(d: CustomsDeclaration): Verdict {
  const schema = check(CustomsDeclarationSchema, d);
  if (!schema.ok) return { status: 'rejected', errors: schema.issues.map((issue) => error('R100', issue.path || '/', `${issue.message} (rule ${issue.rule})`)) };
  const errors: CustomsError[] = [];
  if (d.totals.itemCount !== d.goodsItems.length) {
    errors.push(error('R001', '/totals/itemCount', `declared ${d.totals.itemCount} goods items, but ${d.goodsItems.length} were sent`));
  }
  const packages = d.goodsItems.reduce((sum, item) => sum + item.packages.reduce((n, p) => n + p.count, 0), 0);
  if (d.totals.packageCount !== packages) errors.push(error('R002', '/totals/packageCount', `declared ${d.totals.packageCount} packages, but the goods items list ${packages}`));
  const gross = d.goodsItems.reduce((sum, item) => sum + item.grossWeightKg, 0);
  if (Math.abs(gross - d.totals.grossWeightKg) > 0.001) {
    errors.push(error('R003', '/totals/grossWeightKg', `declared total gross mass ${d.totals.grossWeightKg} kg, but the goods items add up to ${Math.round(gross * 1000) / 1000} kg`));
  }
  d.goodsItems.forEach((item, index) => {
    if (item.netWeightKg !== undefined && item.netWeightKg > item.grossWeightKg) {
      errors.push(error('R004', `/goodsItems/${index}/netWeightKg`, `net mass ${item.netWeightKg} kg exceeds gross mass ${item.grossWeightKg} kg`));
    }
  });
  if (errors.length > 0) return { status: 'rejected', errors };
  const inspected = d.goodsItems.findIndex((item) => item.hsCode.startsWith('93'));
  if (inspected >= 0) {
    const item = d.goodsItems[inspected]!;
    const office = d.customsOffices[0]?.code ?? 'the office of lodgement';
    return { status: 'held-for-inspection', errors: [], controlInstructions: `Physical examination of goods item ${item.sequence} (HS ${item.hsCode}): present the goods and the licence at ${office}.` };
  }
  return { status: 'accepted', errors: [] };
}

export function manifestVerdict(m: CargoManifest, declaredTotals: { pieces?: number; weightKg?: number }): Verdict {
  const schema = check(CargoManifestSchema, m);
  const errors: CustomsError[] = schema.ok ? [] : schema.issues.map((issue) => error('R100', issue.path || '/', `${issue.message} (rule ${issue.rule})`));
  m.consignments.forEach((c, index) => {
    if (!isValidAwb(c.awb)) errors.push(error('R010', `/consignments/${index}/awb`, `AWB ${c.awb} has a wrong check digit`));
  });
  const pieces = m.consignments.reduce((sum, c) => sum + c.pieces, 0);
  if (declaredTotals.pieces !== undefined && declaredTotals.pieces !== pieces) {
    errors.push(error('R011', '/consignments', `CNT 11 declares ${declaredTotals.pieces} pieces, but the consignments list ${pieces}`));
  }
  return errors.length > 0 ? { status: 'rejected', errors } : { status: 'accepted', errors: [] };
}
