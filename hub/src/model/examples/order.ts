// Order examples: fixtures for tests and samples for the API docs.
import type { Order } from '../order';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const jpy = (amountMinor: number) => ({ amountMinor, currency: 'JPY' });

export const orderExamples: Order[] = [
  {
    id: '0195a250-9999-7200-8000-000000000001',
    number: 'S00042',
    customer: { partyId: '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a01' },
    customerReference: 'RP-EXP-2025-0311',
    currency: 'EUR',
    lines: [
      {
        id: '0195a250-9999-7200-8000-0000000000d1', sequence: 1, productCode: 'AF-PHARMA', description: 'Air freight FRA-JFK td.Pro, chargeable weight',
        quantity: 416, unit: 'kg', unitPrice: eur(485), taxes: [{ code: 'VAT0-EXPORT', ratePercent: 0, amount: eur(0) }], subtotal: eur(201_760), awb: '020-12345675',
      },
      {
        id: '0195a250-9999-7200-8000-0000000000d2', sequence: 2, productCode: 'SUR-FUEL', description: 'Fuel surcharge',
        quantity: 416, unit: 'kg', unitPrice: eur(95), taxes: [{ code: 'VAT0-EXPORT', ratePercent: 0, amount: eur(0) }], subtotal: eur(39_520), awb: '020-12345675',
      },
      {
        id: '0195a250-9999-7200-8000-0000000000d3', sequence: 3, productCode: 'SUR-SEC', description: 'Security surcharge',
        quantity: 416, unit: 'kg', unitPrice: eur(15), taxes: [{ code: 'VAT0-EXPORT', ratePercent: 0, amount: eur(0) }], subtotal: eur(6_240), awb: '020-12345675',
      },
      {
        id: '0195a250-9999-7200-8000-0000000000d4', sequence: 4, productCode: 'FEE-AWB', description: 'Air waybill fee',
        quantity: 1, unit: 'shipment', unitPrice: eur(1_190), taxes: [{ code: 'VAT0-EXPORT', ratePercent: 0, amount: eur(0) }], subtotal: eur(1_190), awb: '020-12345675',
      },
    ],
    totals: { untaxed: eur(248_710), tax: eur(0), total: eur(248_710) },
    state: 'confirmed',
    invoiceState: 'invoiced',
    paymentState: 'paid',
    orderedAt: '2025-03-11T08:25:00Z',
    commitmentDate: '2025-03-14',
    shipmentIds: ['0195a1d0-1111-7a00-8000-000000000001'],
    bookingIds: ['0195a1e0-2222-7b00-8000-000000000001'],
    createdAt: '2025-03-11T08:25:00Z',
    updatedAt: '2025-03-12T10:01:00Z',
  },
  {
    id: '0195a250-9999-7200-8000-000000000002',
    number: 'S00043',
    customer: { partyId: '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a05' },
    currency: 'JPY',
    lines: [
      {
        sequence: 1, productCode: 'AF-GEN', description: 'Air freight NRT-FRA general cargo',
        quantity: 800, unit: 'kg', unitPrice: jpy(1_250), taxes: [], subtotal: jpy(1_000_000),
      },
      {
        sequence: 2, productCode: 'SUR-FUEL', description: 'Fuel surcharge',
        quantity: 800, unit: 'kg', unitPrice: jpy(125), taxes: [], subtotal: jpy(100_000),
      },
      {
        sequence: 3, productCode: 'FEE-DOC', description: 'Export documentation',
        quantity: 1, unit: 'shipment', unitPrice: jpy(18_182), taxes: [{ code: 'JCT10', ratePercent: 10, amount: jpy(1_818) }], subtotal: jpy(18_182),
      },
    ],
    totals: { untaxed: jpy(1_118_182), tax: jpy(1_818), total: jpy(1_120_000) },
    state: 'confirmed',
    invoiceState: 'to-invoice',
    paymentState: 'not_paid',
    orderedAt: '2025-03-12T23:40:00Z',
    validUntil: '2025-03-31',
    createdAt: '2025-03-12T23:40:00Z',
  },
];
