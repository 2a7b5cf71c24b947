// The emit function a file source gets from the exchange: events enter the hub's ingress like any
// other, their ids are collected for the ledger, and an answer may carry the correlation of the
// message it answers (so `messages trace` shows a declaration and its customs response together).
import { createEnvelope, newTraceparent } from '../envelope';
import { PermanentError } from '../errors';
import type { EmitEvent } from '../connector/define-connector';
import type { Hub } from '../runtime/hub';

export type EmitEventInput = Parameters<EmitEvent>[0];

/**
 * What a file source may hand to `emit`: the SDK's event plus the correlation of the message it
 * answers. The SDK's EmitEvent has no such fields yet; the exchange's emitter reads them, other
 * emitters ignore them (the event is then its own correlation).
 */
export interface FileSourceEvent extends EmitEventInput {
  correlationid?: string;
  /** The message this one answers; the correlation id when absent. */
  causationid?: string;
  /** Keep the answer in the trace of the message it answers. */
  traceparent?: string;
}

export function fileSourceEmitter(hub: Hub, connector: string, emitted: string[]): EmitEvent {
  return async (input) => {
    const event = input as FileSourceEvent;
    const parent =
      event.correlationid === undefined
        ? undefined
        : {
            id: event.causationid ?? event.correlationid,
            correlationid: event.correlationid,
            tenant: event.tenant ?? 'default',
            traceparent: event.traceparent ?? newTraceparent(),
          };
    const envelope = createEnvelope({
      type: event.type,
      data: event.data,
      source: `interline/connector/${connector}`,
      ...(event.id !== undefined ? { id: event.id } : {}),
      ...(event.subject !== undefined ? { subject: event.subject } : {}),
      ...(event.partitionkey !== undefined ? { partitionkey: event.partitionkey } : {}),
      ...(event.tenant !== undefined ? { tenant: event.tenant } : {}),
      ...(parent ? { parent } : {}),
    });
    const result = await hub.ingress.submit(envelope);
    if (result.status === 'rejected') {
      throw new PermanentError(`event ${event.type} from the file was refused by the hub (${result.error.message}); it is journaled as dead letter ${result.id}`, { deadLetter: result.id });
    }
    // A duplicate is the same event from an earlier attempt at this file: it counts as produced.
    emitted.push(envelope.id);
  };
}
