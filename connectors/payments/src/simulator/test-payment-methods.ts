// Stripe's test PaymentMethod ids and what each does on confirmation: succeed, decline with a
// decline code, or require authentication. Card details are only brand and last four, as Stripe shows.

export type ConfirmOutcome =
  | { kind: 'succeed' }
  | { kind: 'decline'; code: string; declineCode: string; message: string }
  | { kind: 'authenticate' };

export interface TestPaymentMethod {
  id: string;
  brand: string;
  last4: string;
  outcome: ConfirmOutcome;
  /** Refunds to this card fail asynchronously (Stripe's refund-failure test card). */
  refundsFail?: boolean;
}

const declined = (code: string, declineCode: string, message: string): ConfirmOutcome => ({ kind: 'decline', code, declineCode, message });

const METHODS: TestPaymentMethod[] = [
  { id: 'pm_card_visa', brand: 'visa', last4: '4242', outcome: { kind: 'succeed' } },
  { id: 'pm_card_mastercard', brand: 'mastercard', last4: '4444', outcome: { kind: 'succeed' } },
  { id: 'pm_card_chargeDeclined', brand: 'visa', last4: '0002', outcome: declined('card_declined', 'generic_decline', 'Your card was declined.') },
  { id: 'pm_card_chargeDeclinedInsufficientFunds', brand: 'visa', last4: '9995', outcome: declined('card_declined', 'insufficient_funds', 'Your card has insufficient funds.') },
  { id: 'pm_card_chargeDeclinedExpiredCard', brand: 'visa', last4: '0069', outcome: declined('expired_card', 'expired_card', 'Your card has expired.') },
  { id: 'pm_card_chargeDeclinedIncorrectCvc', brand: 'visa', last4: '0127', outcome: declined('incorrect_cvc', 'incorrect_cvc', "Your card's security code is incorrect.") },
  { id: 'pm_card_authenticationRequired', brand: 'visa', last4: '3184', outcome: { kind: 'authenticate' } },
  { id: 'pm_card_refundFail', brand: 'visa', last4: '5126', outcome: { kind: 'succeed' }, refundsFail: true },
];

const BY_ID = new Map(METHODS.map((method) => [method.id, method]));

export function testPaymentMethod(id: string): TestPaymentMethod | undefined {
  return BY_ID.get(id);
}

export function testPaymentMethodIds(): string[] {
  return METHODS.map((method) => method.id);
}

/** The PaymentMethod object Stripe embeds in errors: type and card brand/last4, never a number. */
export function paymentMethodJson(method: TestPaymentMethod): Record<string, unknown> {
  return { id: method.id, object: 'payment_method', type: 'card', card: { brand: method.brand, last4: method.last4 }, livemode: false };
}
