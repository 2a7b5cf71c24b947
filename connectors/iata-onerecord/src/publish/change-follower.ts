// Apply a desired state to an existing logistics object by change request, and follow the action
// request: ACCEPTED is done, REJECTED is a dead letter with the reason (after rebasing a stale revision),
// FAILED is retried, and one still PENDING when time runs out is picked up again on the next attempt.
import { PermanentError, TransientError } from '@interline/hub';
import type { ActionRequestState, OneRecordClient } from '../client';
import { describeApiError } from '../protocol/api-error';
import { changeDocument, diffOperations } from './change-builder';
import type { EmbeddedObject } from './embedded';
import { treeOf } from './embedded';
import { compactDocument, expandDocument } from '../jsonld/json-ld';

/** How often a change rejected for a stale revision is rebuilt on the newer revision before giving up. */
export const MAX_REBASES = 3;

export interface ChangeOutcome {
  changed: boolean;
  actionRequest?: string;
  /** Revisions the change was rebuilt on after the server moved ahead (stale revision). */
  rebased: number;
  operations: number;
}

export async function followActionRequest(client: OneRecordClient, iri: string, signal?: AbortSignal): Promise<ActionRequestState> {
  const deadline = Date.now() + client.changeTimeoutMs;
  for (;;) {
    const state = await client.actionRequest(iri, signal);
    if (state.status !== 'REQUEST_PENDING') return state;
    if (Date.now() + client.changePollMs > deadline) {
      throw new TransientError(`change request ${iri} is still pending after ${client.changeTimeoutMs} ms; the partner decides later, the step checks again on retry`, { actionRequest: iri });
    }
    await sleep(client.changePollMs, signal);
  }
}

export interface ApplyChangeOptions {
  iri: string;
  desired: EmbeddedObject;
  classOf: (iri: string) => string | undefined;
  isObjectIri: (iri: string) => boolean;
  description: string;
  signal?: AbortSignal;
  /** Called with the action request before it is followed, so a retry can resume it instead of asking twice. */
  onRequested?(actionRequest: string): Promise<void>;
}

export async function applyChange(client: OneRecordClient, options: ApplyChangeOptions): Promise<ChangeOutcome> {
  let rebased = 0;
  for (;;) {
    const current = await client.getLogisticsObject(options.iri, options.signal);
    if (current?.node === undefined) throw new PermanentError(`logistics object ${options.iri} is bound but the server no longer returns it; remove the binding to create it again`);
    const operations = diffOperations(options.iri, treeOf(current.graph, current.node, options.isObjectIri), options.desired, options.classOf);
    if (operations.length === 0) return { changed: false, rebased, operations: 0 };
    const revision = current.latestRevision ?? current.revision;
    if (revision === undefined) throw new PermanentError(`the server did not say which revision ${options.iri} is at (no Latest-Revision header or api:hasRevision); a change request needs it`);
    const change = await compactDocument(await expandDocument(changeDocument(options.iri, revision, operations, options.description)), { what: 'the change request' });
    const actionRequest = await client.requestChange(options.iri, change, options.signal);
    await options.onRequested?.(actionRequest);
    const state = await followActionRequest(client, actionRequest, options.signal);
    const reasons = state.errors.map(describeApiError).join('; ') || 'no reason given';
    if (state.status === 'REQUEST_ACCEPTED') return { changed: true, actionRequest, rebased, operations: operations.length };
    if (state.status === 'REQUEST_FAILED') throw new TransientError(`change request ${actionRequest} for ${options.iri} failed at the server (${reasons}); will retry`, { actionRequest });
    if (state.status === 'REQUEST_REJECTED') {
      const after = await client.getLogisticsObject(options.iri, options.signal);
      const latest = after?.latestRevision ?? after?.revision;
      // Someone changed the object after it was read: rebuild the change on the new revision.
      if (latest !== undefined && latest > revision && rebased < MAX_REBASES) {
        rebased += 1;
        continue;
      }
      throw new PermanentError(`change request ${actionRequest} for ${options.iri} at revision ${revision} was rejected: ${reasons}`, { actionRequest, revision });
    }
    throw new PermanentError(`change request ${actionRequest} for ${options.iri} ended as ${state.status} (${reasons}); it will not be applied`, { actionRequest });
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new TransientError('the step was aborted while waiting for a change request'));
    }, { once: true });
  });
}
