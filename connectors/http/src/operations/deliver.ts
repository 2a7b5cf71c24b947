// deliver: POST the route's current value, as is, to the configured deliverPath. The value is the
// body (no wrapper to build in a mapping); the event's attributes travel as CloudEvents headers.
import { Type } from '@sinclair/typebox';
import { defineOperation } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type { HttpClient, HttpResult } from '../client';
import { DEFAULT_DELIVER_PATH } from '../config';

export const deliver = defineOperation({
  summary: 'POST the current value as a JSON body to deliverPath (default /events), with the Idempotency-Key and CloudEvents headers.',
  input: Type.Unknown({ description: 'Any JSON value: it is sent unchanged as the request body.' }),
  sideEffect: true,
  async run(client: HttpClient, input: unknown, ctx: OperationContext): Promise<HttpResult> {
    return client.request({
      method: 'POST',
      path: client.deliverPath ?? DEFAULT_DELIVER_PATH,
      body: input,
      headers: cloudEventHeaders(ctx.envelope),
      idempotencyKey: ctx.idempotencyKey,
      signal: ctx.signal,
    });
  },
});

/**
 * CloudEvents HTTP binding, binary mode: the body is the data, the attributes are ce-* headers, so
 * the receiver can tell which event a body belongs to without a wrapper.
 */
export function cloudEventHeaders(envelope: OperationContext['envelope']): Record<string, string> {
  const headers: Record<string, string> = {
    'ce-specversion': '1.0',
    'ce-id': encodeHeaderValue(envelope.id),
    'ce-source': encodeHeaderValue(envelope.source),
    'ce-type': encodeHeaderValue(envelope.type),
    'ce-time': encodeHeaderValue(envelope.time),
  };
  if (envelope.subject !== undefined) headers['ce-subject'] = encodeHeaderValue(envelope.subject);
  if (envelope.traceparent) headers.traceparent = envelope.traceparent;
  return headers;
}

/** The binding's rule: percent-encode space, '"', '%' and anything outside printable ASCII. */
function encodeHeaderValue(value: string): string {
  return value.replace(/[^\x21-\x7e]|["%]/gu, (char) =>
    [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
