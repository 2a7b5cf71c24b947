// The event catalog: lookups, data validation per event type, and help for a mistyped type.
import { UnknownEventTypeError } from '../../src/errors';
import { EVENT_TYPE_PATTERN } from '../../src/envelope';
import {
  describeEventType,
  EVENT_CATALOG,
  eventTypes,
  MODEL_SCHEMAS,
  modelExamples,
  suggestEventTypes,
  validateEventData,
} from '../../src/model';

function thrownBy(run: () => unknown): UnknownEventTypeError {
  try {
    run();
  } catch (error) {
    if (error instanceof UnknownEventTypeError) return error;
    throw error;
  }
  throw new Error('expected an UnknownEventTypeError');
}

describe('event catalog', () => {
  it('lists the canonical event types', () => {
    expect(eventTypes()).toEqual([
      'party.registered', 'party.updated',
      'shipment.booking-requested', 'shipment.booked', 'shipment.status-changed',
      'booking.capacity-held', 'booking.confirmed', 'booking.rejected', 'booking.cancelled',
      'flight.schedule-updated',
      'pnr.created', 'pnr.changed',
      'customs.declaration-submitted', 'customs.response-received',
      'payment.requested', 'payment.succeeded', 'payment.failed', 'payment.canceled',
      'refund.requested', 'refund.succeeded', 'refund.failed',
      'order.created', 'order.updated',
      'invoice.created', 'invoice.paid',
      'test.ping',
    ]);
  });

  it('uses only type names the envelope accepts', () => {
    expect(eventTypes().filter((type) => !new RegExp(EVENT_TYPE_PATTERN).test(type))).toEqual([]);
  });

  it('points every entry at the registered schema of its object, with a summary', () => {
    for (const type of eventTypes()) {
      const entry = EVENT_CATALOG[type];
      expect([type, entry.schema]).toEqual([type, MODEL_SCHEMAS[entry.object]]);
      expect(entry.summary.length).toBeGreaterThan(10);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(EVENT_CATALOG)).toBe(true);
    expect(Object.isFrozen(EVENT_CATALOG['payment.succeeded'])).toBe(true);
  });

  it('describes a known type', () => {
    expect(describeEventType('shipment.status-changed')).toEqual({
      summary: expect.stringContaining('IATA status code'),
      schema: MODEL_SCHEMAS.TrackingEvent,
      object: 'TrackingEvent',
    });
  });

  it.each(['payment.succeed', 'toString', 'constructor', '__proto__', ''])('returns undefined for the unknown %j', (type) => {
    expect(describeEventType(type)).toBeUndefined();
  });

  it('hands out a copy of the type list', () => {
    eventTypes().pop();
    expect(eventTypes()).toContain('test.ping');
  });
});

describe('validateEventData', () => {
  it.each(eventTypes())('accepts the first example of its object for %s', (type) => {
    const { object } = EVENT_CATALOG[type];
    expect(validateEventData(type, modelExamples(object)[0])).toEqual({ ok: true, value: expect.any(Object) });
  });

  it('accepts a tiny test.ping', () => {
    const result = validateEventData('test.ping', { nonce: 'abc', sentAt: '2025-03-14T09:00:00Z' });
    expect(result.ok).toBe(true);
  });

  it('returns issues with paths for bad data', () => {
    const result = validateEventData('test.ping', { nonce: 'abc', sentAt: 'yesterday', extra: 1 });
    expect(result).toEqual({
      ok: false,
      issues: expect.arrayContaining([
        expect.objectContaining({ path: '/sentAt', rule: 'format' }),
        expect.objectContaining({ path: '/extra', rule: 'additionalProperties' }),
      ]),
    });
  });

  it('rejects data of the wrong object for the type', () => {
    const result = validateEventData('payment.succeeded', modelExamples('Refund')[0]);
    expect(result.ok).toBe(false);
  });

  it('throws UnknownEventTypeError naming the type, the closest types and the CLI command', () => {
    const error = thrownBy(() => validateEventData('payment.succeed', {}));
    expect(error.message).toBe('Unknown event type "payment.succeed". Did you mean "payment.succeeded"? See `interline events list` for every known type.');
    expect(error.errorClass).toBe('unknown-type');
    expect(error.retryable).toBe(false);
    expect(error.details).toEqual({ type: 'payment.succeed', suggestions: ['payment.succeeded'] });
  });

  it('ignores case when suggesting', () => {
    expect(thrownBy(() => validateEventData('Invoice.Paid', {})).message).toContain('Did you mean "invoice.paid"?');
  });

  it('leaves out suggestions when nothing is close, but still points at the CLI', () => {
    const error = thrownBy(() => validateEventData('zzz', {}));
    expect(error.message).toBe('Unknown event type "zzz". See `interline events list` for every known type.');
  });
});

describe('suggestEventTypes', () => {
  it.each([
    ['invoice.payed', ['invoice.paid']],
    ['shipment.booking-request', ['shipment.booking-requested']],
    ['pnr.change', ['pnr.changed']],
    ['payment.cancelled', ['payment.canceled']],
  ])('%s → %j first', (typo, expected) => {
    expect(suggestEventTypes(typo).slice(0, expected.length)).toEqual(expected);
  });

  it('falls back to the types of the same object when no name is close', () => {
    expect(suggestEventTypes('refund.created')).toEqual(['refund.requested', 'refund.succeeded', 'refund.failed']);
  });

  it('suggests at most three', () => {
    expect(suggestEventTypes('booking.x').length).toBeLessThanOrEqual(3);
  });
});
