// Builds a portal connector operation: POST the event's data with its envelope attributes to one
// internal endpoint. Every operation is this with its own path, input schema and summary.
import { defineOperation } from '@interline/hub';
import type { OperationDefinition } from '@interline/hub';
import type { TSchema } from '@sinclair/typebox';
import type { PortalClient } from '../client';
import { eventRef } from '../client';

export function deliverEvent(path: string, input: TSchema, summary: string): OperationDefinition<PortalClient, never, unknown> {
  return defineOperation({
    summary,
    input,
    sideEffect: true,
    run: (client: PortalClient, data: unknown, ctx) => client.post(path, { event: eventRef(ctx.envelope), data }, ctx.idempotencyKey, ctx.signal),
  });
}
