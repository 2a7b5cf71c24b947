// SOAP faults from the GDS, read from the raw envelope (SOAP 1.1 faultcode/faultstring or SOAP 1.2
// Code/Reason) and sorted into what the hub does next. Amadeus fault strings read
// "<code>|<category>|<text>": 95|Session|Inactive conversation, 93|Session|Illogical conversation,
// 11|Session| (sign-in refused), 12|Presentation|soap message header incorrect.
import { XMLParser } from 'fast-xml-parser';
import { AuthError, PermanentError, TransientError } from '@interline/hub';
import type { HubError } from '@interline/hub';

export interface SoapFault {
  /** faultcode (1.1) or Code/Value (1.2), without its prefix: Client, Server, Sender, Receiver. */
  code: string;
  text: string;
  /** Amadeus error number and category, when the text has that shape. */
  errorNumber?: string;
  category?: string;
  httpStatus: number;
}

/** Session problems a new session cures: the conversation expired or lost its sequence. */
const SESSION_LOST = new Set(['95', '93', '98', '97']);
/** Sign-in refused (bad user, password, digest or office). */
const SIGN_IN_REFUSED = new Set(['11', '99', '16']);

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, processEntities: false, parseTagValue: false, trimValues: true });

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') {
    const node = value as Record<string, unknown>;
    return textOf(node['#text'] ?? node.Text ?? node.Value ?? '');
  }
  return String(value).trim();
}

/** The fault in a SOAP envelope, or undefined when the body holds none. */
export function readFault(xml: string, httpStatus: number): SoapFault | undefined {
  if (!/Fault[\s>]/.test(xml)) return undefined;
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const envelope = doc.Envelope as Record<string, unknown> | undefined;
  const body = envelope?.Body as Record<string, unknown> | undefined;
  const fault = body?.Fault as Record<string, unknown> | undefined;
  if (!fault) return undefined;
  const code = textOf(fault.faultcode ?? (fault.Code as Record<string, unknown> | undefined)?.Value).replace(/^.*:/, '');
  const text = textOf(fault.faultstring ?? fault.Reason);
  const parts = /^\s*(\d+)\|([A-Za-z]+)\|(.*)$/.exec(text);
  return { code, text, httpStatus, ...(parts ? { errorNumber: parts[1] as string, category: parts[2] as string } : {}) };
}

/** A session the GDS no longer knows (expired, out of sequence): open a new one and redo the flow. */
export class SessionLostError extends TransientError {
  constructor(
    readonly fault: SoapFault,
    what: string,
  ) {
    super(`${what}: the GDS session was lost (${fault.text.trim()}); a new session is opened and the call redone`, { fault: fault.text, code: fault.code });
    this.name = 'SessionLostError';
  }
}

export function isSessionLost(fault: SoapFault): boolean {
  return fault.category === 'Session' && fault.errorNumber !== undefined && SESSION_LOST.has(fault.errorNumber);
}

/** The hub error for a fault: session lost, sign-in refused (auth), server side (transient), or our request (permanent). */
export function errorForFault(fault: SoapFault, what: string): HubError {
  const details = { faultcode: fault.code, faultstring: fault.text, httpStatus: fault.httpStatus };
  if (isSessionLost(fault)) return new SessionLostError(fault, what);
  if ((fault.category === 'Session' || fault.category === 'Security') && fault.errorNumber !== undefined && SIGN_IN_REFUSED.has(fault.errorNumber)) {
    return new AuthError(`${what} was refused by the GDS sign-in (${fault.text.trim()}): check the connector's username, password (credentials) and officeId`, details);
  }
  if (fault.code === 'Server' || fault.code === 'Receiver') return new TransientError(`${what} failed on the GDS side (${fault.code}: ${fault.text.trim()}); will retry`, details);
  return new PermanentError(`${what} was rejected by the GDS (${fault.code}: ${fault.text.trim()}); fix the request data or the connector configuration`, details);
}
