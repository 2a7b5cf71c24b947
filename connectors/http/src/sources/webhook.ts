// webhook: outside systems POST canonical events to /webhooks/http/webhook. The signature is checked
// first (when webhookSecret is set), then the whole body is validated, and only then is anything emitted.
import type { SourceDefinition, WebhookResponse } from '@interline/hub';
import type { HttpClient } from '../client';
import { SIGNATURE_HEADER } from '../webhook-signature';
import { MAX_BATCH_EVENTS, readCanonicalEvents } from './canonical-event';

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** Clients already warned that they accept unsigned webhooks (once per connection, not per request). */
const warnedUnsigned = new WeakSet<HttpClient>();

export const webhook: SourceDefinition<HttpClient> = {
  kind: 'webhook',
  summary: `Receive canonical events ({ type, data, id?, subject?, partitionkey? } or a batch of up to ${MAX_BATCH_EVENTS}), signed with X-Interline-Signature when webhookSecret is set.`,
  async handle(client, request, ctx) {
    if (request.method.toUpperCase() !== 'POST') {
      return problem(405, 'method-not-allowed', `webhooks are POSTed; got ${request.method}`, { allow: 'POST' });
    }
    if (request.rawBody.length > MAX_WEBHOOK_BYTES) {
      return problem(413, 'body-too-large', `the body has ${request.rawBody.length} bytes; at most ${MAX_WEBHOOK_BYTES} are accepted`);
    }

    const signature = client.checkWebhookSignature(headerValue(request.headers, SIGNATURE_HEADER), request.rawBody);
    if (signature === undefined) {
      if (!warnedUnsigned.has(client)) {
        warnedUnsigned.add(client);
        ctx.logger.warn({ connector: 'http', source: 'webhook' }, 'accepting unsigned webhooks: set webhookSecret so only holders of the secret can emit events');
      }
    } else if (!signature.ok) {
      ctx.logger.warn({ connector: 'http', source: 'webhook', problem: signature.problem }, 'webhook signature rejected');
      return problem(401, `signature-${signature.problem}`, signature.detail);
    }

    let body: unknown;
    try {
      body = JSON.parse(request.rawBody.toString('utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return problem(400, 'malformed-json', `the body is not valid JSON (${reason}); send a canonical event or an array of them as application/json`);
    }
    const checked = readCanonicalEvents(body, request.rawBody);
    if (!checked.ok) {
      return problem(400, 'invalid-event', `the body is not a canonical event or batch: ${checked.issues.join('; ')}`, {}, { issues: checked.issues });
    }

    const accepted: string[] = [];
    for (const event of checked.events) {
      try {
        await ctx.emit(event);
      } catch (error) {
        // The sender retries the whole request; events keep their ids, so re-emitted ones can be recognised.
        ctx.logger.error({ connector: 'http', source: 'webhook', eventId: event.id, err: error }, 'could not hand a webhook event to the hub');
        return problem(503, 'ingress-unavailable', `the hub could not accept event ${event.id}; retry the request`, { 'retry-after': '5' }, { accepted });
      }
      accepted.push(event.id);
    }
    ctx.logger.info({ connector: 'http', source: 'webhook', count: accepted.length }, 'webhook events accepted');
    return { status: 202, body: { accepted }, headers: { 'content-type': 'application/json' } };
  },
};

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | string[] | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

/** An RFC 9457 problem document; `code` says exactly what was wrong for the sender's logs. */
function problem(status: number, code: string, detail: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}): WebhookResponse {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    405: 'Method Not Allowed',
    413: 'Content Too Large',
    503: 'Service Unavailable',
  };
  return {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: { type: 'about:blank', title: titles[status] ?? 'Error', status, code, detail, ...extra },
  };
}
