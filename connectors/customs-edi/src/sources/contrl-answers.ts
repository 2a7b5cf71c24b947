// CONTRL from the authority about an interchange we sent: an acknowledgement (UCI 7) is noted; a
// rejection (UCI 4, or UCM 4 for the message) means the declaration never reached customs, so it
// becomes a customs.response-received with status rejected and the syntax errors as reasons.
import { PermanentError, deterministicId, edifact } from '@interline/hub';
import type { CustomsResponse } from '@interline/hub';
import type { CustomsEdiClient } from '../client';
import { SYNTAX_ERRORS } from '../canonical/customs-codes';
import type { SentMessage } from '../connector-state';

type CustomsError = CustomsResponse['errors'][number];

function describe(code: string, where: string): CustomsError {
  if (!code) return { code: 'CONTRL', pointer: where, text: `the authority rejected the interchange without a syntax error code (${where})`, severity: 'error' };
  const words = SYNTAX_ERRORS[code] ?? 'syntax error';
  return { code: `CONTRL-${code}`, pointer: where, text: `the authority rejected the interchange: ${words} (ISO 9735 syntax error ${code}) at ${where}`, severity: 'error' };
}

/** The errors a CONTRL reports, each with where it points (UCI/UCM/UCS/UCD). */
function contrlErrors(segments: edifact.Segment[]): { action: string; errors: CustomsError[] } {
  let action = '';
  const errors: CustomsError[] = [];
  let segmentPosition = '';
  for (const s of segments) {
    const v = (e: number, c = 0) => edifact.valueAt(s, e, c);
    if (s.tag === 'UCI') {
      action = v(3);
      if (v(4)) errors.push(describe(v(4), `interchange ${v(0)}${v(5) ? ` ${v(5)}` : ''}`));
    } else if (s.tag === 'UCM') {
      if (v(2) === edifact.ACTION_REJECTED) action = edifact.ACTION_REJECTED;
      if (v(3)) errors.push(describe(v(3), `message ${v(0)}${v(4) ? ` ${v(4)}` : ''}`));
    } else if (s.tag === 'UCS') {
      segmentPosition = v(0);
      if (v(1)) errors.push(describe(v(1), `message segment ${segmentPosition}`));
    } else if (s.tag === 'UCD') {
      errors.push(describe(v(0), `message segment ${segmentPosition}, element ${v(1, 0)}${v(1, 1) ? `, component ${v(1, 1)}` : ''}`));
    }
  }
  return { action, errors };
}

export interface ContrlVerdict {
  sent: SentMessage;
  /** The rejection as a canonical response; undefined when the CONTRL acknowledges. */
  response?: CustomsResponse;
}

export async function readContrl(client: CustomsEdiClient, interchange: edifact.Interchange, message: edifact.Message, receivedAt: string, fileSha256: string): Promise<ContrlVerdict> {
  const uci = message.segments.find((s) => s.tag === 'UCI');
  const answered = uci ? edifact.valueAt(uci, 0) : '';
  const sent = await client.sent(answered);
  if (!sent) {
    throw new PermanentError(`CONTRL ${message.reference} in interchange ${interchange.controlReference} answers interchange "${answered}", which this connector did not send to partner ${client.config.partner}; check the authority's test/production setting`);
  }
  const { action, errors } = contrlErrors(message.segments);
  await client.state.set(`acknowledged:${sent.messageRef}`, { action, at: receivedAt });
  if (action !== edifact.ACTION_REJECTED) return { sent };
  if (errors.length === 0) errors.push(describe('', `interchange ${answered}`));
  const response: CustomsResponse = {
    id: deterministicId('customs-edi', 'contrl', interchange.sender.id, interchange.controlReference, message.reference, fileSha256),
    declaration: { id: sent.id, lrn: sent.reference },
    status: 'rejected',
    authority: client.config.authority,
    errors,
    receivedAt,
  };
  return { sent, response };
}
