// The file source: every interchange the authority drops in the inbox is read with the engine,
// checked against the partner's identity, validated, checked for duplicates (CONTRL error 26),
// acknowledged with CONTRL when asked, and each CUSRES becomes customs.response-received,
// correlated with the declaration it answers (RFF+ACW → what was sent under that reference).
import { CustomsResponseSchema, PermanentError, assertPartnerSender, check, deterministicId, edifact, formatIssue, sha256Hex } from '@interline/hub';
import type { ConnectorContext, CustomsResponse, EmitEvent, FileSourceEvent, SourceDefinition } from '@interline/hub';
import { DUPLICATE_WINDOW_MS } from '../client';
import type { CustomsEdiClient } from '../client';
import { answeredMessageRef, cusresToResponse } from '../canonical/cusres-to-response';
import { StateDuplicateRegistry } from '../connector-state';
import type { SentMessage } from '../connector-state';
import { sendAcknowledgement } from './acknowledgement';
import { readContrl } from './contrl-answers';

const HANDLED = new Set(['CUSRES', 'CONTRL']);

function unsupported(message: edifact.Message): edifact.EdifactError {
  return new edifact.EdifactError({
    code: 'UNKNOWN_MESSAGE',
    syntaxError: edifact.SyntaxErrorCode.MESSAGE_NOT_SUPPORTED,
    detail: `message ${message.reference} is ${message.type} ${message.version}:${message.release}, which the customs connector does not take (it takes CUSRES and CONTRL)`,
    segmentNumber: message.header.index,
    segmentTag: 'UNH',
    messageIndex: message.index,
    byteOffset: message.header.offset,
  });
}

function responseEvent(response: CustomsResponse, sent: SentMessage | undefined): FileSourceEvent {
  const event: FileSourceEvent = { type: 'customs.response-received', data: response, id: response.id, subject: sent?.id ?? response.declaration.lrn, partitionkey: response.declaration.lrn };
  if (sent) Object.assign(event, { tenant: sent.tenant, correlationid: sent.correlationid, causationid: sent.causationid, traceparent: sent.traceparent });
  return event;
}

async function emitResponse(emit: EmitEvent, response: CustomsResponse, sent: SentMessage | undefined, where: string): Promise<void> {
  const checked = check(CustomsResponseSchema, response);
  if (!checked.ok) throw new PermanentError(`${where} does not make a valid CustomsResponse: ${checked.issues.map(formatIssue).join('; ')}`);
  await emit(responseEvent(response, sent));
}

async function receiveFile(client: CustomsEdiClient, file: { name: string; bytes: Buffer; partner?: string }, ctx: ConnectorContext & { emit: EmitEvent }): Promise<void> {
  const leniency = client.config.leniency ?? 'strict';
  let interchange: edifact.Interchange;
  try {
    interchange = edifact.parseInterchange(file.bytes, { leniency });
  } catch (error) {
    throw new PermanentError(`file ${file.name} from partner ${file.partner ?? '?'} is not a readable EDIFACT interchange: ${error instanceof Error ? error.message : String(error)}`);
  }
  assertPartnerSender(client.identity, file, interchange.sender);
  if (interchange.recipient.id !== client.config.sender.id) {
    throw new PermanentError(`file ${file.name}: interchange ${interchange.controlReference} is addressed to "${interchange.recipient.id}", not to us ("${client.config.sender.id}"); the authority sent it to the wrong mailbox`);
  }
  const sha256 = sha256Hex(file.bytes);
  const result = edifact.validateInterchange(interchange, { leniency });
  const messages = edifact.allMessages(interchange);
  for (const message of messages) if (!HANDLED.has(message.type)) result.errors.push(unsupported(message));
  const duplicate = await edifact.checkDuplicate(interchange, new StateDuplicateRegistry(client.state, { name: file.name, sha256 }, DUPLICATE_WINDOW_MS));
  if (duplicate) result.errors.push(duplicate);
  const contrl = await sendAcknowledgement(client, interchange, result.errors, { name: file.name, sha256 });
  if (result.errors.length > 0) {
    const shown = result.errors.slice(0, 5).map((e) => `${e.message} (syntax error ${e.syntaxError})`).join('; ');
    throw new PermanentError(`file ${file.name}: interchange ${interchange.controlReference} from ${interchange.sender.id} rejected with ${result.errors.length} error(s)${contrl ? `, answered with ${contrl}` : ''}: ${shown}`);
  }
  const receivedAt = new Date().toISOString();
  for (const message of messages) {
    const where = `file ${file.name}, message ${message.reference} (${message.type})`;
    if (message.type === 'CONTRL') {
      const verdict = await readContrl(client, interchange, message, receivedAt, sha256);
      if (verdict.response) await emitResponse(ctx.emit, verdict.response, verdict.sent, where);
      else ctx.logger.info({ file: file.name, controlRef: verdict.sent.controlRef }, `authority acknowledged interchange ${verdict.sent.controlRef} (${verdict.sent.file})`);
      continue;
    }
    const answered = answeredMessageRef(message.segments);
    const sent = answered ? await client.sent(answered) : undefined;
    if (!sent) ctx.logger.warn({ file: file.name, answered }, `${where} answers ${answered ? `message ${answered}, which this connector did not send` : 'no message (no RFF+ACW)'}; emitted without the declaration's correlation`);
    let response: CustomsResponse;
    try {
      response = cusresToResponse({
        segments: message.segments,
        // The file's checksum too: an authority may reuse a reference once the duplicate window has passed.
        id: deterministicId('customs-edi', 'cusres', interchange.sender.id, interchange.controlReference, message.reference, sha256),
        receivedAt,
        authority: client.config.authority,
        ...(sent ? { declarationId: sent.id } : {}),
      });
    } catch (error) {
      throw new PermanentError(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await emitResponse(ctx.emit, response, sent, where);
  }
}

export const responses: SourceDefinition<CustomsEdiClient> = {
  kind: 'file',
  summary: 'Interchanges from the authority (CUSRES, CONTRL): acknowledged with CONTRL when asked; each CUSRES (or CONTRL rejection) becomes customs.response-received, correlated with the declaration.',
  receive: receiveFile,
};
