// The connector's GDS → canonical conversion as a hub mapping, so a host can register it and run its
// fixture cases. It lives here, not in mappings/src/gds: the queue source and the operations need it
// at run time, and connectors do not import the mappings workspace.
import { defineMapping } from '@interline/hub';
import type { Mapping, Pnr } from '@interline/hub';
import { pnrFromReply } from './pnr-from-reply';

export const pnrReplyToPnr = defineMapping<{ reply: unknown; pnrId?: string }, Pnr>({
  id: 'gds/pnr-reply-to-pnr',
  from: 'PNR_Reply (as read by the soap client)',
  to: 'Pnr',
  description: 'What retrievePnr and createPnr return and the queue source emits as pnr.created / pnr.changed.',
  map: (input) => pnrFromReply(input?.reply, { ...(input?.pnrId !== undefined ? { pnrId: input.pnrId } : {}), now: new Date('2025-01-01T00:00:00Z') }),
});

export const gdsMappings: Mapping[] = [pnrReplyToPnr as Mapping];
