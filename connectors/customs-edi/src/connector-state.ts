// Durable connector state (the journal's connector_state table): interchange control references
// unique and persistent per partner, what was sent under each reference, and the duplicate register.
import { createHash } from 'node:crypto';
import type { ConnectorState, edifact } from '@interline/hub';

/** UNB 0020 / UNH 0062 references: 10 digits, counting from 1 per partner. */
export const REFERENCE_WIDTH = 10;
const MAX_REFERENCE = 9_999_999_999;

/** A ControlReferenceStore on ConnectorState; calls are serialised in the process (one worker owns a partner). */
export class StateControlReferences implements edifact.ControlReferenceStore {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly state: ConnectorState) {}

  next(partnerKey: string): Promise<string> {
    const result = this.queue.then(async () => {
      const key = `control-reference:${partnerKey}`;
      const last = (await this.state.get<number>(key)) ?? 0;
      const value = last >= MAX_REFERENCE ? 1 : last + 1;
      await this.state.set(key, value);
      return String(value).padStart(REFERENCE_WIDTH, '0');
    });
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** What was sent under a reference: enough to match the authority's answers and continue the trace. */
export interface SentMessage {
  kind: 'declaration' | 'manifest';
  /** Canonical id of the declaration or manifest. */
  id: string;
  /** LRN of the declaration, or the manifest reference: customs quotes it back. */
  reference: string;
  controlRef: string;
  messageRef: string;
  file: string;
  tenant: string;
  correlationid: string;
  causationid: string;
  traceparent: string;
  sentAt: string;
}

/** A delivery's plan, kept under its idempotency key so a redelivered step reuses reference and file. */
export interface DeliveryPlan {
  ref: string;
  file: string;
  preparedAt: string;
  written: boolean;
  sha256?: string;
}

export function idempotencyStateKey(idempotencyKey: string): string {
  return `delivery:${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}`;
}

/** Interchange keys seen from the authority, with the file that carried them, for CONTRL error 26. */
export class StateDuplicateRegistry implements edifact.DuplicateInterchangeRegistry {
  constructor(
    private readonly state: ConnectorState,
    /** The file being read: seeing its own interchange again (a retry of the same file) is no duplicate. */
    private readonly file: { name: string; sha256: string },
    private readonly windowMs: number,
  ) {}

  async checkAndRecord(key: edifact.InterchangeKey, receivedAt: Date): Promise<boolean> {
    const stateKey = `seen:${key.sender}/${key.recipient}/${key.controlReference}`;
    const seen = await this.state.get<{ file: string; sha256: string; at: string }>(stateKey);
    if (seen && receivedAt.getTime() - Date.parse(seen.at) <= this.windowMs) {
      return !(seen.file === this.file.name && seen.sha256 === this.file.sha256);
    }
    await this.state.set(stateKey, { file: this.file.name, sha256: this.file.sha256, at: receivedAt.toISOString() });
    return false;
  }
}
