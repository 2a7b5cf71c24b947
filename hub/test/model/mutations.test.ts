// Broken copies of the examples fail with the exact field path and rule, so a connector or a person
// reading a dead letter can see which field to fix and why.
import { ValidationError } from '../../src/errors';
import type { ValidationIssue } from '../../src/errors';
import { assertValid, check } from '../../src/validation';
import { MODEL_SCHEMAS, modelExamples } from '../../src/model';
import type { ModelName, ModelType } from '../../src/model';

/** Validate a mutated copy of example `index` of `name` and return its issues (fails the test if it validates). */
function issuesAfter<N extends ModelName>(name: N, mutate: (value: ModelType<N>) => void, index = 0): ValidationIssue[] {
  const value = modelExamples(name)[index];
  if (value === undefined) throw new Error(`${name} has no example ${index}`);
  mutate(value);
  const result = check(MODEL_SCHEMAS[name], value);
  if (result.ok) throw new Error(`mutated ${name} example ${index} still validates`);
  return result.issues;
}

/** Loosen the static type where a test deliberately writes what the type forbids. */
const loose = (value: unknown) => value as Record<string, unknown>;

describe('AWB check digit in schemas', () => {
  it('rejects a wrong check digit at /waybill/number with rule awbCheckDigit, naming the expected digit', () => {
    const issues = issuesAfter('Shipment', (s) => {
      s.waybill.number = '020-12345674';
    });
    expect(issues).toEqual([
      { path: '/waybill/number', rule: 'awbCheckDigit', message: 'AWB 020-12345674 has check digit 4 but expected 5 (1234567 mod 7)' },
    ]);
  });

  it('leaves a malformed AWB to the pattern rule, without a second check-digit complaint', () => {
    const issues = issuesAfter('Shipment', (s) => {
      s.waybill.number = '020-1234567';
    });
    expect(issues.map(({ path, rule }) => ({ path, rule }))).toEqual([{ path: '/waybill/number', rule: 'pattern' }]);
  });

  it('checks AWBs outside the waybill too (tracking event /awb)', () => {
    const issues = issuesAfter('TrackingEvent', (e) => {
      e.awb = '020-86753095';
    });
    expect(issues).toEqual([expect.objectContaining({ path: '/awb', rule: 'awbCheckDigit', message: expect.stringContaining('expected 6') })]);
  });

  it('throws a ValidationError from assertValid whose message names the path and the rule', () => {
    const shipment = modelExamples('Shipment')[0]!;
    shipment.waybill.number = '020-12345670';
    expect(() => assertValid(MODEL_SCHEMAS.Shipment, shipment, 'Shipment')).toThrow(ValidationError);
    expect(() => assertValid(MODEL_SCHEMAS.Shipment, shipment, 'Shipment')).toThrow(/\/waybill\/number .*expected 5.*\(rule: awbCheckDigit\)/);
  });
});

describe('required fields and unknown fields', () => {
  const cases: [string, string, string, () => ValidationIssue[]][] = [
    ['shipment without consignee', '/consignee', 'required', () => issuesAfter('Shipment', (s) => void delete loose(s).consignee)],
    ['party without name', '/name', 'required', () => issuesAfter('Party', (p) => void delete loose(p).name)],
    ['piece without weight', '/pieces/0/grossWeightKg', 'required', () => issuesAfter('Shipment', (s) => void delete loose(s.pieces[0]).grossWeightKg)],
    ['house waybill without house number', '/waybill/houseNumber', 'required', () => issuesAfter('Shipment', (s) => void delete loose(s.waybill).houseNumber, 1)],
    ['DIS event without discrepancy code', '/discrepancyCode', 'required', () => issuesAfter('TrackingEvent', (e) => void delete loose(e).discrepancyCode, 1)],
    ['rejected booking without reason', '/stateReason', 'required', () => issuesAfter('CargoBooking', (b) => void delete loose(b).stateReason, 2)],
    ['held allocation without expiry', '/allocations/0/holdExpiresAt', 'required', () => issuesAfter('CargoBooking', (b) => void delete loose(b.allocations[0]).holdExpiresAt, 1)],
    ['export declaration without procedure', '/procedure', 'required', () => issuesAfter('CustomsDeclaration', (d) => void delete loose(d).procedure)],
    ['failed payment without failure', '/failure', 'required', () => issuesAfter('Payment', (p) => void delete loose(p).failure, 1)],
    ['failed refund without failure', '/failure', 'required', () => issuesAfter('Refund', (r) => void delete loose(r).failure, 1)],
    ['posted invoice without number', '/number', 'required', () => issuesAfter('Invoice', (i) => void delete loose(i).number)],
    ['unknown field on a piece', '/pieces/0/colour', 'additionalProperties', () => issuesAfter('Shipment', (s) => void (loose(s.pieces[0]).colour = 'red'))],
    ['unknown top-level field', '/tenant', 'additionalProperties', () => issuesAfter('Order', (o) => void (loose(o).tenant = 'acme'))],
    ['card number on a payment', '/cardNumber', 'additionalProperties', () => issuesAfter('Payment', (p) => void (loose(p).cardNumber = '4242424242424242'))],
    ['card number in the provider block', '/provider/card', 'additionalProperties', () => issuesAfter('Payment', (p) => void (loose(p.provider).card = { number: '4242424242424242' }))],
  ];

  it.each(cases)('%s → %s (%s)', (_label, path, rule, run) => {
    expect(run()).toContainEqual(expect.objectContaining({ path, rule }));
  });

  it('explains required and unknown fields in words', () => {
    const missing = issuesAfter('Shipment', (s) => void delete loose(s).consignee);
    const unknown = issuesAfter('Shipment', (s) => void (loose(s).colour = 'red'));
    expect(missing).toEqual([{ path: '/consignee', rule: 'required', message: 'is required' }]);
    expect(unknown).toEqual([{ path: '/colour', rule: 'additionalProperties', message: 'is not a known field' }]);
  });
});

describe('money, measures, codes and times', () => {
  const cases: [string, string, string, () => ValidationIssue[]][] = [
    ['currency that is no ISO 4217 code', '/amount/currency', 'iso4217', () => issuesAfter('Payment', (p) => void (p.amount.currency = 'XYZ'))],
    ['lower-case currency', '/amount/currency', 'pattern', () => issuesAfter('Payment', (p) => void (p.amount.currency = 'eur'))],
    ['four-letter currency', '/totals/total/currency', 'pattern', () => issuesAfter('Invoice', (i) => void (i.totals.total.currency = 'EURO'))],
    ['fractional minor units', '/amount/amountMinor', 'type', () => issuesAfter('Payment', (p) => void (p.amount.amountMinor = 12.5))],
    ['zero payment', '/amount/amountMinor', 'minimum', () => issuesAfter('Payment', (p) => void (p.amount.amountMinor = 0))],
    ['negative piece weight', '/pieces/0/grossWeightKg', 'minimum', () => issuesAfter('Shipment', (s) => void (s.pieces[0]!.grossWeightKg = -5))],
    ['negative booking volume', '/volumeM3', 'minimum', () => issuesAfter('CargoBooking', (b) => void (b.volumeM3 = -0.1))],
    ['unknown IATA status code', '/status', 'enum', () => issuesAfter('TrackingEvent', (e) => void (loose(e).status = 'XXX'))],
    ['lower-case status code', '/status', 'enum', () => issuesAfter('TrackingEvent', (e) => void (loose(e).status = 'dep'))],
    ['unknown special handling code', '/pieces/0/specialHandlingCodes/0', 'enum', () => issuesAfter('Shipment', (s) => void (loose(s.pieces[0]).specialHandlingCodes = ['ABC']))],
    ['repeated special handling code', '/pieces/0/specialHandlingCodes', 'uniqueItems', () => issuesAfter('Shipment', (s) => void (s.pieces[0]!.specialHandlingCodes = ['PIL', 'PIL']))],
    ['lower-case airport', '/origin', 'pattern', () => issuesAfter('Shipment', (s) => void (s.origin = 'fra'))],
    ['three-letter country in an embedded party', '/shipper/party/addresses/0/countryCode', 'pattern', () => issuesAfter('Shipment', (s) => void (s.shipper.party!.addresses[0]!.countryCode = 'DEU'), 1)],
    ['time without offset', '/eventTime', 'format', () => issuesAfter('TrackingEvent', (e) => void (e.eventTime = '2025-03-14T09:47:00'))],
    ['impossible date', '/period/to', 'format', () => issuesAfter('Flight', (f) => void (f.period.to = '2025-02-30'))],
    ['day of operation 8', '/daysOfOperation/1', 'maximum', () => issuesAfter('Flight', (f) => void (f.daysOfOperation = [1, 8]))],
    ['unknown PNR segment status', '/segments/0/status', 'enum', () => issuesAfter('Pnr', (p) => void (loose(p.segments[0]).status = 'XX'))],
    ['passenger type outside the list', '/passengers/0/type', 'enum', () => issuesAfter('Pnr', (p) => void (loose(p.passengers[0]).type = 'ADULT'))],
    ['Stripe refund id used as payment id', '/provider/paymentId', 'pattern', () => issuesAfter('Payment', (p) => void (p.provider.paymentId = 're_3PqR7sLkdIwHu7ix0Rf5GhIj'))],
    ['rejected customs response with no errors', '/errors', 'minItems', () => issuesAfter('CustomsResponse', (r) => void (r.errors = []), 1)],
    ['HS code with dots', '/goodsItems/0/hsCode', 'pattern', () => issuesAfter('CustomsDeclaration', (d) => void (d.goodsItems[0]!.hsCode = '3002.41'))],
    ['payment linked to nothing', '/links', 'minProperties', () => issuesAfter('Payment', (p) => void (p.links = {}))],
  ];

  it.each(cases)('%s → %s (%s)', (_label, path, rule, run) => {
    expect(run()).toContainEqual(expect.objectContaining({ path, rule }));
  });

  it('names the bad currency in the message', () => {
    const issues = issuesAfter('Payment', (p) => void (p.amount.currency = 'XYZ'));
    expect(issues).toEqual([{ path: '/amount/currency', rule: 'iso4217', message: '"XYZ" is not an ISO 4217 currency code (e.g. EUR, USD, JPY)' }]);
  });

  it('lists the allowed status codes when the code is wrong', () => {
    const issues = issuesAfter('TrackingEvent', (e) => void (loose(e).status = 'XXX'));
    expect(issues).toEqual([{ path: '/status', rule: 'enum', message: expect.stringContaining('"DEP"') }]);
  });
});
