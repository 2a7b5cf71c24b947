// Sending one message to the authority, effectively once: the control reference and file name are
// planned under the step's idempotency key, so a redelivered step writes the same file (or, once
// written, nothing at all) instead of a second declaration. The authority's own duplicate check on
// the control reference covers the narrow window between writing and recording.
import { writeOutboundFile } from '@interline/hub';
import type { OperationContext, edifact } from '@interline/hub';
import type { CustomsEdiClient } from '../client';
import { idempotencyStateKey } from '../connector-state';
import type { DeliveryPlan, SentMessage } from '../connector-state';

export interface Submission {
  kind: SentMessage['kind'];
  /** Binding entity: customs-declaration or cargo-manifest. */
  entity: string;
  id: string;
  reference: string;
  message: edifact.MessageInput;
}

export interface SubmitResult {
  file: string;
  controlRef: string;
  messageRef: string;
  sha256: string;
  /** True when this attempt found the file already written by an earlier attempt. */
  redelivered: boolean;
}

export async function submit(client: CustomsEdiClient, submission: Submission, ctx: OperationContext): Promise<SubmitResult> {
  const planKey = idempotencyStateKey(ctx.idempotencyKey);
  let plan = await client.state.get<DeliveryPlan>(planKey);
  if (plan?.written) {
    ctx.logger.info({ file: plan.file, controlRef: plan.ref }, `${submission.message.type} for ${submission.id} was already written as ${plan.file}; not sending it twice`);
    return { file: plan.file, controlRef: plan.ref, messageRef: plan.ref, sha256: plan.sha256 ?? '', redelivered: true };
  }
  if (!plan) {
    const ref = await client.nextReference();
    plan = { ref, file: `${submission.message.type}_${client.config.sender.id.replace(/[^A-Za-z0-9-]/g, '')}_${ref}.edi`, preparedAt: new Date().toISOString(), written: false };
    await client.state.set(planKey, plan);
  }
  const what = `${submission.message.type} for ${submission.kind} ${submission.id} (${submission.reference})`;
  const bytes = client.interchange(submission.message, plan.ref, new Date(plan.preparedAt), what);
  // Recorded before the file exists: the authority may answer as soon as it sees it.
  await client.recordSent({
    kind: submission.kind,
    id: submission.id,
    reference: submission.reference,
    controlRef: plan.ref,
    messageRef: plan.ref,
    file: plan.file,
    tenant: ctx.envelope.tenant,
    correlationid: ctx.envelope.correlationid,
    causationid: ctx.envelope.id,
    traceparent: ctx.envelope.traceparent,
    sentAt: plan.preparedAt,
  });
  const written = await writeOutboundFile({ root: client.config.root, partner: client.config.partner, name: plan.file, bytes, messageIds: [ctx.envelope.id] });
  await ctx.bindings.put(submission.entity, submission.id, plan.ref, { reference: submission.reference, file: plan.file, partner: client.config.partner, sha256: written.sha256 });
  await client.state.set(planKey, { ...plan, written: true, sha256: written.sha256 });
  return { file: plan.file, controlRef: plan.ref, messageRef: plan.ref, sha256: written.sha256, redelivered: written.outcome === 'unchanged' };
}
