// SoapHeader 4 on the simulator side: signs in a Start (UsernameToken PasswordDigest checked against
// the one user, nonce not reused, Created fresh, office from AMA_SecurityHostedUser), keeps sessions
// with SessionId, SecurityToken and SequenceNumber, and faults like the GDS when a session expired
// (95|Session|Inactive conversation), is out of sequence (93|Session|Illogical conversation) or the
// sign-in is wrong (11|Session|).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { passwordDigest } from '../soap/password-digest';
import { NS, escapeXml } from '../soap/namespaces';
import type { SimPnr } from './records';

export interface SimSession {
  id: string;
  token: string;
  sequence: number;
  lastUsed: number;
  /** The PNR the session works on (a draft, or a copy of a retrieved record). */
  context?: SimPnr;
  calls: number;
}

export interface SoapFaultBody {
  Fault: { faultcode: string; faultstring: string; statusCode: number };
}

export type GateResult = { ok: true; session: SimSession; status: string; header: string; sequence: number } | { ok: false; fault: SoapFaultBody };

export interface SessionFault {
  kind: 'expired' | 'out-of-sequence';
  operation?: string;
  /** Calls the session must have made before the fault hits (1 = its second call). */
  afterCalls: number;
  times: number;
}

export function soapFault(code: 'Client' | 'Server', text: string, statusCode = 500): SoapFaultBody {
  return { Fault: { faultcode: `soap:${code}`, faultstring: text, statusCode } };
}

const CREATED_TOLERANCE_MS = 5 * 60_000;

function value(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'object') return value((node as Record<string, unknown>).$value);
  return String(node).trim();
}

function attribute(node: unknown, name: string): string | undefined {
  const attributes = (node as { attributes?: Record<string, unknown> } | undefined)?.attributes;
  const found = attributes?.[name];
  return found === undefined ? undefined : String(found);
}

export class SessionStore {
  readonly sessions = new Map<string, SimSession>();
  private readonly nonces = new Set<string>();
  readonly faults: SessionFault[] = [];

  constructor(
    private readonly user: { username: string; password: string; office: string },
    private readonly idleTimeoutMs: number,
  ) {}

  private signIn(headers: Record<string, unknown>): SoapFaultBody | undefined {
    const token = (headers.Security as Record<string, unknown> | undefined)?.UsernameToken as Record<string, unknown> | undefined;
    const username = value(token?.Username);
    const nonce = value(token?.Nonce);
    const digest = value(token?.Password);
    const created = value(token?.Created);
    const office = attribute((headers.AMA_SecurityHostedUser as Record<string, unknown> | undefined)?.UserID, 'PseudoCityCode');
    const refused = soapFault('Client', '11|Session|');
    if (!username || !nonce || !digest || !created || username !== this.user.username || office !== this.user.office) return refused;
    if (this.nonces.has(nonce) || Math.abs(Date.now() - Date.parse(created)) > CREATED_TOLERANCE_MS) return refused;
    const expected = Buffer.from(passwordDigest(nonce, created, this.user.password));
    const given = Buffer.from(digest);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return refused;
    this.nonces.add(nonce);
    return undefined;
  }

  private takeFault(session: SimSession, operation: string): SessionFault | undefined {
    const index = this.faults.findIndex((f) => (f.operation === undefined || f.operation === operation) && session.calls >= f.afterCalls);
    if (index < 0) return undefined;
    const fault = this.faults[index] as SessionFault;
    if (--fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  /** Check the headers of one call; on success the answer's Session header is ready. */
  gate(headers: Record<string, unknown> | undefined, operation: string): GateResult {
    const h = headers ?? {};
    if (!value(h.MessageID) || !value(h.Action) || !h.Session) return { ok: false, fault: soapFault('Client', '12|Presentation|soap message header incorrect') };
    const status = attribute(h.Session, 'TransactionStatusCode') ?? 'Start';
    const relates = `<wsa:RelatesTo xmlns:wsa="${NS.wsa}" RelationshipType="http://www.w3.org/2005/08/addressing/reply">${escapeXml(value(h.MessageID) ?? '')}</wsa:RelatesTo>`;
    let session: SimSession;
    let sequence: number;
    if (status === 'Start') {
      const refused = this.signIn(h);
      if (refused) return { ok: false, fault: refused };
      session = { id: randomBytes(5).toString('hex').toUpperCase(), token: randomBytes(13).toString('hex').toUpperCase(), sequence: 0, lastUsed: Date.now(), calls: 0 };
      this.sessions.set(session.id, session);
      sequence = 1;
    } else {
      const session0 = this.sessions.get(value((h.Session as Record<string, unknown>).SessionId) ?? '');
      if (!session0 || Date.now() - session0.lastUsed > this.idleTimeoutMs) {
        if (session0) this.sessions.delete(session0.id);
        return { ok: false, fault: soapFault('Client', '95|Session|Inactive conversation') };
      }
      session = session0;
      if (value((h.Session as Record<string, unknown>).SecurityToken) !== session.token) return { ok: false, fault: soapFault('Client', '98|Session|Bad SecurityToken') };
      const injected = this.takeFault(session, operation);
      if (injected?.kind === 'expired') {
        // An expired session loses its context: an uncommitted PNR is gone with it.
        this.sessions.delete(session.id);
        return { ok: false, fault: soapFault('Client', '95|Session|Inactive conversation') };
      }
      sequence = Number(value((h.Session as Record<string, unknown>).SequenceNumber));
      if (injected?.kind === 'out-of-sequence' || sequence !== session.sequence + 1) {
        this.sessions.delete(session.id);
        return { ok: false, fault: soapFault('Client', '93|Session|Illogical conversation') };
      }
    }
    const answerStatus = status === 'End' ? 'End' : 'InSeries';
    const header =
      relates +
      `<awsse:Session xmlns:awsse="${NS.awsse}" TransactionStatusCode="${answerStatus}">` +
      `<awsse:SessionId>${session.id}</awsse:SessionId><awsse:SequenceNumber>${sequence}</awsse:SequenceNumber><awsse:SecurityToken>${session.token}</awsse:SecurityToken>` +
      `</awsse:Session>`;
    return { ok: true, session, status, header, sequence };
  }

  /** The call went through: the session moves on (or ends). */
  advance(result: Extract<GateResult, { ok: true }>): void {
    result.session.sequence = result.sequence;
    result.session.lastUsed = Date.now();
    result.session.calls++;
    if (result.status === 'End') this.sessions.delete(result.session.id);
  }

  reset(): void {
    this.sessions.clear();
    this.faults.length = 0;
  }
}
