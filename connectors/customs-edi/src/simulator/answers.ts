// The interchanges the simulated authority writes back: CONTRL (acknowledgement, syntax rejection,
// or refusal of the whole interchange with one ISO 9735 code) and CUSRES with its verdict.
import { edifact } from '@interline/hub';
import type { CustomsResponse } from '@interline/hub';
import { responseToCusres } from '../canonical/response-to-cusres';
import { SIMULATED_AUTHORITY } from './identity';

function syntaxOf(interchange: edifact.Interchange): { identifier: string; version: 3 | 4 } {
  return { identifier: interchange.syntax.identifier, version: interchange.syntax.version >= 4 ? 4 : 3 };
}

function party(p: edifact.Party): string[] {
  return [p.id, p.qualifier ?? ''];
}

/**
 * CONTRL rejecting the interchange for a reason found in its UNB: 7 (not the actual recipient),
 * 11 (password invalid) or 17 (no agreement). `element` is the UNB data element at fault.
 */
export function refusal(interchange: edifact.Interchange, code: '7' | '11' | '17', element: number | undefined, controlRef: string, now: Date): string {
  const v4 = interchange.syntax.version >= 4;
  const uci: string[][] = [[interchange.controlReference], party(interchange.sender), party(interchange.recipient), [edifact.ACTION_REJECTED], [code], ['UNB']];
  // S011 0098 counts the segment tag as position 1.
  if (element !== undefined) uci.push([String(element + 1)]);
  return edifact.generateInterchange({
    sender: SIMULATED_AUTHORITY,
    recipient: interchange.sender,
    controlRef,
    date: now,
    syntax: syntaxOf(interchange),
    messages: [{ type: 'CONTRL', version: v4 ? '4' : 'D', release: v4 ? '1' : '3', agency: 'UN', reference: '1', segments: [{ tag: 'UCI', elements: uci }] }],
  });
}

/** CONTRL for the validation result: acknowledged (UCI 7) or rejected with every error. */
export function contrlFor(interchange: edifact.Interchange, errors: edifact.EdifactError[], controlRef: string, now: Date): string {
  const message = edifact.buildContrl(interchange, { errors }, { controlRef, date: now });
  return edifact.generateInterchange({ sender: SIMULATED_AUTHORITY, recipient: interchange.sender, controlRef, date: now, syntax: syntaxOf(interchange), messages: [message] });
}

/** A CUSRES interchange answering one message; it asks for a CONTRL back, as customs systems do. */
export function cusresInterchange(interchange: edifact.Interchange, answered: edifact.Message, response: CustomsResponse, controlRef: string, now: Date): string {
  return edifact.generateInterchange({
    sender: SIMULATED_AUTHORITY,
    recipient: interchange.sender,
    controlRef,
    date: now,
    ackRequested: true,
    syntax: syntaxOf(interchange),
    messages: [{ type: 'CUSRES', version: 'D', release: '96B', agency: 'UN', reference: controlRef, segments: responseToCusres(response, { answers: answered.reference }) }],
  });
}
