// Answers of Interline's ONE Record endpoints: api:Error documents (as the specification asks of every
// error), plain 204s, and compacted JSON-LD bodies.
import type { SourceDefinition, WebhookResponse } from '@interline/hub';
import { MEDIA_TYPE } from '../vocabulary';

/** A webhook source (the definition's union narrowed, so tests and the hub can call handle()). */
export type WebhookSource<Client> = Extract<SourceDefinition<Client>, { kind: 'webhook' }>;

export function apiErrorResponse(status: number, title: string, message: string, headers: Record<string, string> = {}): WebhookResponse {
  return {
    status,
    headers: { 'content-type': MEDIA_TYPE, 'content-language': 'en-US', ...headers },
    body: {
      '@context': { api: 'https://onerecord.iata.org/ns/api#' },
      '@type': 'api:Error',
      'api:hasTitle': title,
      'api:hasErrorDetail': [{ '@type': 'api:ErrorDetail', 'api:hasCode': String(status), 'api:hasMessage': message }],
    },
  };
}

export function noContent(): WebhookResponse {
  return { status: 204 };
}

export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
