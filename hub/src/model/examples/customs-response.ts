// CustomsResponse examples: fixtures for tests and samples for the API docs.
import type { CustomsResponse } from '../customs-response';

export const customsResponseExamples: CustomsResponse[] = [
  {
    id: '0195a230-7777-7000-8000-000000000001',
    declaration: { id: '0195a220-6666-7f00-8000-000000000001', lrn: 'SKB-EX-250311-0007', mrn: '25DE003302E0004711' },
    status: 'released',
    authority: { countryCode: 'DE', system: 'ATLAS', officeCode: 'DE003302' },
    errors: [],
    issuedAt: '2025-03-12T07:41:12+01:00',
    receivedAt: '2025-03-12T06:41:30Z',
  },
  {
    id: '0195a230-7777-7000-8000-000000000002',
    declaration: { id: '0195a220-6666-7f00-8000-000000000002', lrn: 'SKB-IM-250316-0002' },
    status: 'rejected',
    authority: { countryCode: 'DE', system: 'ATLAS' },
    errors: [
      { code: 'R0123', pointer: '/goodsItems/0/hsCode', text: 'Commodity code 8421192000 requires additional code for anti-dumping measure', severity: 'error' },
      { code: 'W0042', pointer: '/goodsItems/0/netWeightKg', text: 'Net mass unusually low for commodity', severity: 'warning' },
    ],
    receivedAt: '2025-03-16T05:02:09Z',
  },
  {
    id: '0195a230-7777-7000-8000-000000000003',
    declaration: { lrn: 'SKB-IM-250316-0002', mrn: '25DE003302I0000815' },
    status: 'held-for-inspection',
    authority: { countryCode: 'DE', system: 'ATLAS', officeCode: 'DE003302' },
    errors: [],
    duties: [
      { type: 'A00', amount: { amountMinor: 64_770, currency: 'EUR' } },
      { type: 'B00', amount: { amountMinor: 736_206, currency: 'EUR' } },
    ],
    controlInstructions: 'Physical examination: present goods at Cargo City Süd inspection bay 3 with commercial invoice.',
    receivedAt: '2025-03-16T09:15:00Z',
  },
];
