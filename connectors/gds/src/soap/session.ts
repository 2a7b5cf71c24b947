// One Amadeus-style stateful session (SoapHeader 4): the first call says Start and signs in with a
// UsernameToken; later calls say InSeries with the SessionId, the SecurityToken and a SequenceNumber
// one above the last; the last says End. The session learns its identity from each answer's header.
import { randomUUID } from 'node:crypto';
import { BASE64_ENCODING, NS, PASSWORD_DIGEST_TYPE, actionOf, escapeXml } from './namespaces';
import { newUsernameToken } from './password-digest';

export type TransactionStatus = 'Start' | 'InSeries' | 'End';

export interface SessionCredentials {
  username: string;
  password: string;
  officeId: string;
  endpoint: string;
}

export interface SessionHeaderValues {
  SessionId?: unknown;
  SequenceNumber?: unknown;
  SecurityToken?: unknown;
  attributes?: { TransactionStatusCode?: unknown };
}

export class GdsSession {
  sessionId: string | undefined;
  securityToken: string | undefined;
  /** The last sequence number the GDS acknowledged. */
  sequence = 0;
  ended = false;

  constructor(private readonly credentials: SessionCredentials) {}

  get started(): boolean {
    return this.sessionId !== undefined;
  }

  /** The SOAP header XML for the next call of `operation`; `status` End closes the session. */
  header(operation: string, status?: TransactionStatus): string {
    const code: TransactionStatus = status ?? (this.started ? 'InSeries' : 'Start');
    const addressing =
      `<wsa:MessageID xmlns:wsa="${NS.wsa}">urn:uuid:${randomUUID()}</wsa:MessageID>` +
      `<wsa:Action xmlns:wsa="${NS.wsa}">${escapeXml(actionOf(operation))}</wsa:Action>` +
      `<wsa:To xmlns:wsa="${NS.wsa}">${escapeXml(this.credentials.endpoint)}</wsa:To>`;
    if (!this.started) return addressing + this.signIn() + `<awsse:Session xmlns:awsse="${NS.awsse}" TransactionStatusCode="${code}"/>`;
    return (
      addressing +
      `<awsse:Session xmlns:awsse="${NS.awsse}" TransactionStatusCode="${code}">` +
      `<awsse:SessionId>${escapeXml(this.sessionId ?? '')}</awsse:SessionId>` +
      `<awsse:SequenceNumber>${this.sequence + 1}</awsse:SequenceNumber>` +
      `<awsse:SecurityToken>${escapeXml(this.securityToken ?? '')}</awsse:SecurityToken>` +
      `</awsse:Session>`
    );
  }

  /** Take SessionId, SequenceNumber and SecurityToken from an answer's Session header. */
  update(session: SessionHeaderValues | undefined, sentStatus: TransactionStatus | undefined): void {
    if (sentStatus === 'End') this.ended = true;
    if (!session) return;
    if (session.SessionId !== undefined) this.sessionId = String(session.SessionId);
    if (session.SecurityToken !== undefined) this.securityToken = String(session.SecurityToken);
    const sequence = Number(session.SequenceNumber);
    if (Number.isInteger(sequence)) this.sequence = sequence;
    if (session.attributes?.TransactionStatusCode === 'End') this.ended = true;
  }

  private signIn(): string {
    const token = newUsernameToken(this.credentials.password);
    const user = escapeXml(this.credentials.username);
    return (
      `<wsse:Security xmlns:wsse="${NS.wsse}" xmlns:wsu="${NS.wsu}">` +
      `<wsse:UsernameToken wsu:Id="UsernameToken-1">` +
      `<wsse:Username>${user}</wsse:Username>` +
      `<wsse:Nonce EncodingType="${BASE64_ENCODING}">${token.nonce}</wsse:Nonce>` +
      `<wsse:Password Type="${PASSWORD_DIGEST_TYPE}">${token.digest}</wsse:Password>` +
      `<wsu:Created>${token.created}</wsu:Created>` +
      `</wsse:UsernameToken></wsse:Security>` +
      `<sec:AMA_SecurityHostedUser xmlns:sec="${NS.hostedUser}">` +
      `<sec:UserID AgentDutyCode="SU" RequestorType="U" PseudoCityCode="${escapeXml(this.credentials.officeId)}" POS_Type="1"/>` +
      `</sec:AMA_SecurityHostedUser>`
    );
  }
}
