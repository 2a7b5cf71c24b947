// /v1/messages/{id}: where anything submitted is now.
import { Controller, Inject, Req } from '@nestjs/common';
import { Type } from '@sinclair/typebox';
import { ROLES } from '@interline/hub';
import { Endpoint } from '../http/endpoint';
import { principalOf } from '../http/request-context';
import type { PortalRequest } from '../http/request-context';
import { PORTAL } from '../portal-token';
import type { Portal } from '../portal';
import { MessageStatusSchema } from '../schemas/messages';
import type { MessageStatus } from '../schemas/messages';

const MessageParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$', description: 'Message (event) id, e.g. from Interline-Message-Id.' }) }, { additionalProperties: false });

@Controller()
export class MessagesController {
  constructor(@Inject(PORTAL) private readonly portal: Portal) {}

  @Endpoint({
    method: 'GET',
    path: '/v1/messages/{id}',
    operationId: 'getMessage',
    summary: 'Where a message is now.',
    description: 'Queued in the portal outbox, or journaled by the hub with each route’s state. Only messages of the caller’s tenant are found.',
    tag: 'messages',
    roles: ROLES,
    params: MessageParams,
    responses: { 200: { description: 'The message.', schema: MessageStatusSchema } },
    problems: [404],
  })
  get(@Req() request: PortalRequest): Promise<MessageStatus> {
    return this.portal.messages.status(this.portal.sql, principalOf(request), (request.params as { id: string }).id);
  }
}
