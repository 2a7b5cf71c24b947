// Invoice examples: fixtures for tests and samples for the API docs.
import type { Invoice } from '../invoice';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const jpy = (amountMinor: number) => ({ amountMinor, currency: 'JPY' });
const RHEINPHARMA = '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a01';
const VAT0 = [{ code: 'VAT0-EXPORT', ratePercent: 0, amount: eur(0) }];

export const invoiceExamples: Invoice[] = [
  {
    id: '0195a260-aaaa-7300-8000-000000000001',
    number: 'INV/2025/00042',
    kind: 'invoice',
    customer: { partyId: RHEINPHARMA },
    orderId: '0195a250-9999-7200-8000-000000000001',
    currency: 'EUR',
    lines: [
      { sequence: 1, productCode: 'AF-PHARMA', description: 'Air freight FRA-JFK td.Pro, chargeable weight', quantity: 416, unit: 'kg', unitPrice: eur(485), taxes: VAT0, subtotal: eur(201_760), awb: '020-12345675' },
      { sequence: 2, productCode: 'SUR-FUEL', description: 'Fuel surcharge', quantity: 416, unit: 'kg', unitPrice: eur(95), taxes: VAT0, subtotal: eur(39_520), awb: '020-12345675' },
      { sequence: 3, productCode: 'SUR-SEC', description: 'Security surcharge', quantity: 416, unit: 'kg', unitPrice: eur(15), taxes: VAT0, subtotal: eur(6_240), awb: '020-12345675' },
      { sequence: 4, productCode: 'FEE-AWB', description: 'Air waybill fee', quantity: 1, unit: 'shipment', unitPrice: eur(1_190), taxes: VAT0, subtotal: eur(1_190), awb: '020-12345675' },
    ],
    totals: { untaxed: eur(248_710), tax: eur(0), total: eur(248_710), amountDue: eur(0) },
    state: 'posted',
    paymentState: 'paid',
    issueDate: '2025-03-11',
    dueDate: '2025-03-25',
    paymentReference: 'INV/2025/00042',
    paymentIds: ['0195a240-8888-7100-8000-000000000001'],
    paidAt: '2025-03-12T10:00:41Z',
    createdAt: '2025-03-11T09:45:00Z',
    updatedAt: '2025-03-12T10:01:00Z',
  },
  {
    id: '0195a260-aaaa-7300-8000-000000000002',
    number: 'RINV/2025/00003',
    kind: 'credit-note',
    customer: { partyId: RHEINPHARMA },
    reversesInvoiceId: '0195a260-aaaa-7300-8000-000000000001',
    currency: 'EUR',
    lines: [
      { sequence: 1, productCode: 'SUR-FUEL', description: 'Correction: fuel surcharge charged at wrong rate', quantity: 1, unit: 'shipment', unitPrice: eur(35_000), taxes: VAT0, subtotal: eur(35_000), awb: '020-12345675' },
    ],
    totals: { untaxed: eur(35_000), tax: eur(0), total: eur(35_000), amountDue: eur(0) },
    state: 'posted',
    paymentState: 'paid',
    issueDate: '2025-03-20',
    dueDate: '2025-03-20',
    createdAt: '2025-03-19T15:30:00Z',
  },
  {
    id: '0195a260-aaaa-7300-8000-000000000003',
    kind: 'invoice',
    customer: { partyId: '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a05' },
    orderId: '0195a250-9999-7200-8000-000000000002',
    currency: 'JPY',
    lines: [
      { sequence: 1, productCode: 'AF-GEN', description: 'Air freight NRT-FRA general cargo', quantity: 800, unit: 'kg', unitPrice: jpy(1_250), taxes: [], subtotal: jpy(1_000_000) },
      { sequence: 2, productCode: 'SUR-FUEL', description: 'Fuel surcharge', quantity: 800, unit: 'kg', unitPrice: jpy(125), taxes: [], subtotal: jpy(100_000) },
      { sequence: 3, productCode: 'FEE-DOC', description: 'Export documentation', quantity: 1, unit: 'shipment', unitPrice: jpy(18_182), taxes: [{ code: 'JCT10', ratePercent: 10, amount: jpy(1_818) }], subtotal: jpy(18_182) },
    ],
    totals: { untaxed: jpy(1_118_182), tax: jpy(1_818), total: jpy(1_120_000), amountDue: jpy(1_120_000) },
    state: 'draft',
    paymentState: 'not_paid',
    createdAt: '2025-03-13T00:05:00Z',
  },
];
