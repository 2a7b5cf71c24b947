// notifications: partners POST api:Notification documents to /webhooks/<instance>/notifications (their
// "<subscriber server>/notifications"). Bearer-checked first, parsed in any JSON-LD form with local
// contexts only, de-duplicated, and answered 204; a fetch that fails transiently answers 503 so the
// publisher re-sends (ONE Record publishers must guarantee delivery).
import { HubError } from '@interline/hub';
import type { OneRecordClient } from '../client';
import { LinkedGraph, ref, refs } from '../jsonld/graph';
import { RemoteContextRefusedError } from '../jsonld/document-loader';
import { api, localName } from '../vocabulary';
import { handleNotification } from './notification-handler';
import type { Notification } from './notification-handler';
import { apiErrorResponse, headerValue, noContent } from './responses';
import type { WebhookSource } from './responses';
import { notificationKey, SeenNotifications } from './seen-notifications';

export const MAX_NOTIFICATION_BYTES = 1024 * 1024;

const seenByClient = new WeakMap<OneRecordClient, SeenNotifications>();

export const notifications: WebhookSource<OneRecordClient> = {
  kind: 'webhook',
  summary: 'ONE Record POST /notifications: fetch the changed object or new events and emit shipment.status-changed / booking.* (bearer token, 204, de-duplicated).',
  async handle(client, request, ctx) {
    if (request.method.toUpperCase() !== 'POST') return apiErrorResponse(405, 'Method not allowed', `notifications are POSTed; got ${request.method}`, { allow: 'POST' });
    const token = client.checkNotificationToken(headerValue(request.headers, 'authorization'));
    if (token === 'unconfigured') return apiErrorResponse(503, 'Notifications not configured', 'set notifications.bearerToken in the connector config before partners send notifications');
    if (token !== 'ok') {
      return apiErrorResponse(401, 'Not authenticated', token === 'missing' ? 'send "Authorization: Bearer <token>" with the token agreed with Interline' : 'the bearer token is not valid', {
        'www-authenticate': 'Bearer realm="interline-onerecord"',
      });
    }
    if (request.rawBody.length > MAX_NOTIFICATION_BYTES) return apiErrorResponse(413, 'Notification too large', `the body has ${request.rawBody.length} bytes; at most ${MAX_NOTIFICATION_BYTES} are accepted`);
    let graph: LinkedGraph;
    try {
      graph = await LinkedGraph.from(JSON.parse(request.rawBody.toString('utf8')) as unknown, { what: 'the notification', base: client.base });
    } catch (error) {
      const reason = error instanceof RemoteContextRefusedError || error instanceof HubError || error instanceof SyntaxError ? error.message : String(error);
      return apiErrorResponse(400, 'Invalid notification', `the body is not a JSON-LD api:Notification: ${reason}`);
    }
    const notification = readNotification(graph);
    if (notification === undefined) return apiErrorResponse(400, 'Invalid notification', 'the document holds no api:Notification with api:hasEventType');
    const seen = seenByClient.get(client) ?? new SeenNotifications();
    seenByClient.set(client, seen);
    const key = notificationKey(notification);
    let failure: unknown;
    const outcome = await seen.once(key, async () => {
      try {
        const emitted = await handleNotification(client, notification, graph, ctx.emit, ctx.logger);
        ctx.logger.info({ eventType: notification.eventType, object: notification.object, emitted }, 'ONE Record notification handled');
        return true;
      } catch (error) {
        failure = error;
        return false;
      }
    });
    if (outcome === 'duplicate') ctx.logger.debug({ eventType: notification.eventType, object: notification.object }, 'duplicate ONE Record notification ignored');
    if (outcome !== 'failed') return noContent();
    if (failure === undefined) {
      // A copy delivered at the same time failed: ask the publisher to send this one again.
      return apiErrorResponse(503, 'Temporarily unavailable', 'the same notification is being retried; send it again', { 'retry-after': '5' });
    }
    const hubError = failure instanceof HubError ? failure : undefined;
    ctx.logger.warn({ eventType: notification.eventType, object: notification.object, err: failure }, 'ONE Record notification could not be handled');
    if (hubError === undefined || hubError.retryable) {
      return apiErrorResponse(503, 'Temporarily unavailable', `Interline could not read ${notification.object ?? 'the object'} yet (${failure instanceof Error ? failure.message : String(failure)}); send the notification again`, { 'retry-after': '5' });
    }
    return apiErrorResponse(hubError.errorClass === 'auth' ? 502 : 422, 'Notification not processed', hubError.message);
  },
};

function readNotification(graph: LinkedGraph): Notification | undefined {
  const node = graph.ofType(api('Notification'))[0];
  const eventType = node === undefined ? undefined : localName(ref(node, api('hasEventType')) ?? '', api(''));
  if (node === undefined || eventType === undefined || eventType === '') return undefined;
  const notification: Notification = { eventType, events: refs(node, api('hasLogisticsEvent')), changed: refs(node, api('hasChangedProperty')) };
  const object = ref(node, api('hasLogisticsObject'));
  if (object !== undefined) notification.object = object;
  const objectType = ref(node, api('hasLogisticsObjectType'));
  if (objectType !== undefined) notification.objectType = objectType;
  const triggeredBy = ref(node, api('isTriggeredBy'));
  if (triggeredBy !== undefined) notification.triggeredBy = triggeredBy;
  return notification;
}
