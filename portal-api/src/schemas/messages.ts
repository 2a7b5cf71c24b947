// Where a submitted message is now: queued in the portal's outbox, or in the hub's journal with
// the state of each route it was sent on.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { named } from './named-schemas';

export const MESSAGE_STATUSES = ['queued', 'accepted', 'in-progress', 'delivered', 'failed', 'rejected'] as const;

export const MessageStatusSchema = named(
  'MessageStatus',
  Type.Object(
    {
      id: Type.String(),
      type: Type.Union([Type.String(), Type.Null()], { description: 'Event type; null when the input could not be read.' }),
      status: Type.Unsafe<(typeof MESSAGE_STATUSES)[number]>({
        type: 'string',
        enum: [...MESSAGE_STATUSES],
        description: 'queued: in the portal outbox; accepted: journaled, no route; in-progress: a route still works on it; delivered: every route done; failed: a route gave up (dead letter); rejected: the hub refused the message.',
      }),
      correlationId: Type.Union([Type.String(), Type.Null()]),
      receivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the hub journaled it; null while queued.' }),
      routes: Type.Array(
        Type.Object(
          {
            route: Type.String(),
            status: Type.String({ description: 'pending, retrying, delivered, filtered, dead, discarded or replayed.' }),
            attempts: Type.Integer({ minimum: 0 }),
            error: Type.Optional(
              Type.Object(
                {
                  class: Type.String({ description: 'transient, permanent, auth, timeout, validation, …' }),
                  step: Type.Optional(Type.String()),
                  message: Type.Optional(Type.String({ description: 'Shown to staff roles only.' })),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false, description: 'A message and what happened to it on each route.' },
  ),
);
export type MessageStatus = Static<typeof MessageStatusSchema>;
