// The generic http connector: deliver route values to any JSON API, read from it, and take signed
// canonical events in through a webhook. One definition drives config validation, docs and the contract kit.
import { defineConnector } from '@interline/hub';
import { HttpClient } from './client';
import { HttpConfigSchema } from './config';
import { deliver } from './operations/deliver';
import { get } from './operations/get';
import { httpSimulator } from './simulator';
import { webhook } from './sources/webhook';

export const httpConnector = defineConnector({
  id: 'http',
  version: '1.0.0',
  summary: 'Generic JSON-over-HTTP connector: POST route values to an API, GET resources, receive signed canonical events by webhook.',
  config: HttpConfigSchema,
  connect: (config, ctx) => new HttpClient(config, { logger: ctx.logger }),
  operations: { deliver, get },
  sources: { webhook },
  health: (client) => client.health(),
  simulator: httpSimulator,
});

export default httpConnector;

export { HttpClient, MAX_RESPONSE_BYTES } from './client';
export type { HttpMethod, HttpRequest, HttpResult } from './client';
export { HttpConfigSchema, DEFAULT_DELIVER_PATH, DEFAULT_HEALTH_PATH, DEFAULT_TIMEOUT_MS } from './config';
export type { HttpConfig } from './config';
export { cloudEventHeaders } from './operations/deliver';
export { SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS, signWebhookPayload, verifyWebhookSignature } from './webhook-signature';
export type { SignatureCheck, SignatureProblem } from './webhook-signature';
