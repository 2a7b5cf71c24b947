// Refund examples: fixtures for tests and samples for the API docs.
import type { Refund } from '../refund';

export const refundExamples: Refund[] = [
  {
    id: '0195a245-8888-7150-8000-000000000001',
    paymentId: '0195a240-8888-7100-8000-000000000001',
    amount: { amountMinor: 35_000, currency: 'EUR' },
    status: 'succeeded',
    reason: 'overcharge',
    links: { invoiceId: '0195a260-aaaa-7300-8000-000000000001' },
    creditNoteId: '0195a260-aaaa-7300-8000-000000000002',
    provider: { name: 'stripe', refundId: 're_3PqR7sLkdIwHu7ix0Rf5GhIj', paymentId: 'pi_3PqR7sLkdIwHu7ix0mZ1abCd' },
    createdAt: '2025-03-20T08:00:00Z',
    updatedAt: '2025-03-20T08:00:03Z',
  },
  {
    id: '0195a245-8888-7150-8000-000000000002',
    paymentId: '0195a240-8888-7100-8000-000000000001',
    amount: { amountMinor: 213_710, currency: 'EUR' },
    status: 'failed',
    reason: 'booking_cancelled',
    provider: { name: 'stripe', refundId: 're_3PqZ9kLkdIwHu7ix1Qw8KlMn' },
    failure: { reason: 'expired_or_canceled_card', message: 'Card closed since payment; refund by bank transfer.' },
    createdAt: '2025-03-22T10:00:00Z',
    updatedAt: '2025-03-24T02:11:00Z',
  },
];
