// Payment examples: fixtures for tests and samples for the API docs.
import type { Payment } from '../payment';

export const paymentExamples: Payment[] = [
  {
    id: '0195a240-8888-7100-8000-000000000001',
    amount: { amountMinor: 248_710, currency: 'EUR' },
    amountReceived: { amountMinor: 248_710, currency: 'EUR' },
    status: 'succeeded',
    captureMethod: 'automatic',
    links: { invoiceId: '0195a260-aaaa-7300-8000-000000000001', orderId: '0195a250-9999-7200-8000-000000000001' },
    customerPartyId: '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a01',
    provider: { name: 'stripe', paymentId: 'pi_3PqR7sLkdIwHu7ix0mZ1abCd', chargeId: 'ch_3PqR7sLkdIwHu7ix0xY2efGh', customerId: 'cus_QhX1a2b3c4d5e6', paymentMethodType: 'card' },
    description: 'Invoice INV/2025/00042 – air freight FRA-JFK 020-12345675',
    createdAt: '2025-03-12T10:00:00Z',
    updatedAt: '2025-03-12T10:00:41Z',
  },
  {
    id: '0195a240-8888-7100-8000-000000000002',
    amount: { amountMinor: 61_250, currency: 'USD' },
    status: 'failed',
    captureMethod: 'manual',
    links: { bookingId: '0195a1e0-2222-7b00-8000-000000000002' },
    customerPartyId: '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a03',
    provider: { name: 'stripe', paymentId: 'pi_3PqS0aLkdIwHu7ix1Tt9ZyXw', paymentMethodType: 'card' },
    failure: { code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
    createdAt: '2025-03-12T13:20:00Z',
    updatedAt: '2025-03-12T13:20:09Z',
  },
  {
    id: '0195a240-8888-7100-8000-000000000003',
    amount: { amountMinor: 1_120_000, currency: 'JPY' },
    status: 'processing',
    captureMethod: 'automatic',
    links: { orderId: '0195a250-9999-7200-8000-000000000002' },
    provider: { name: 'bank-transfer' },
    createdAt: '2025-03-13T01:00:00Z',
  },
];
