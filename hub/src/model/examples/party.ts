// Party examples: fixtures for tests and samples for the API docs.
import type { Party } from '../party';

export const partyExamples: Party[] = [
  {
    id: '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a01',
    roles: ['shipper', 'customer'],
    type: 'organization',
    name: 'Rheinpharma Logistik GmbH',
    shortName: 'Rheinpharma',
    taxIds: [
      { scheme: 'VAT', value: 'DE811234567', countryCode: 'DE' },
      { scheme: 'EORI', value: 'DE4711234567890', countryCode: 'DE' },
    ],
    addresses: [
      { use: 'registered', lines: ['Mainzer Landstraße 210'], city: 'Frankfurt am Main', postalCode: '60327', region: 'DE-HE', countryCode: 'DE' },
      { use: 'pickup', lines: ['Cargo City Süd, Gebäude 537'], city: 'Frankfurt am Main', postalCode: '60549', countryCode: 'DE' },
    ],
    contacts: [
      { name: 'Export desk', role: 'operations', email: 'export@rheinpharma.example', phone: '+49 69 1234 5670' },
      { name: 'Accounts payable', role: 'billing', email: 'ap@rheinpharma.example' },
    ],
    language: 'de',
    active: true,
    createdAt: '2025-01-08T10:15:00Z',
    updatedAt: '2025-02-20T16:02:11Z',
  },
  {
    id: '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a02',
    roles: ['consignee'],
    type: 'organization',
    name: 'Hudson Clinical Supply Inc.',
    taxIds: [{ scheme: 'EIN', value: '12-3456789', countryCode: 'US' }],
    addresses: [{ use: 'delivery', lines: ['148-08 Guy R Brewer Blvd', 'Building 9'], city: 'Jamaica', postalCode: '11434', region: 'US-NY', countryCode: 'US' }],
    contacts: [{ name: 'Receiving', role: 'operations', phone: '+1 718 555 0142', email: 'receiving@hudsonclinical.example' }],
    language: 'en-US',
    active: true,
    createdAt: '2025-01-09T14:00:00Z',
  },
  {
    id: '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a03',
    roles: ['agent', 'forwarder', 'customer'],
    type: 'organization',
    name: 'Skybridge Forwarding GmbH',
    taxIds: [{ scheme: 'EORI', value: 'DE9988776655443', countryCode: 'DE' }],
    iataCargoAgent: { code: '2347012', cassAddress: '0047' },
    addresses: [{ use: 'registered', lines: ['Langer Kornweg 34'], city: 'Kelsterbach', postalCode: '65451', countryCode: 'DE' }],
    contacts: [{ name: 'Air export', role: 'operations', email: 'airexport@skybridge.example', phone: '+49 6107 555 300' }],
    active: true,
    createdAt: '2024-11-02T08:30:00Z',
  },
  {
    id: '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a04',
    roles: ['airline'],
    type: 'organization',
    name: 'Lufthansa Cargo AG',
    airline: { designator: 'LH', awbPrefix: '020', icaoDesignator: 'GEC' },
    addresses: [{ use: 'registered', lines: ['Flughafen Frankfurt, Gebäude 451'], city: 'Frankfurt am Main', postalCode: '60546', countryCode: 'DE' }],
    active: true,
    createdAt: '2024-10-01T00:00:00Z',
  },
];
