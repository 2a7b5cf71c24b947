// Duplicate interchange detection on sender + recipient + control reference, within a time window.
import { EdifactError, SyntaxErrorCode } from './errors';
import type { Interchange } from './interchange';

export interface InterchangeKey {
  sender: string;
  recipient: string;
  controlReference: string;
}

/** Remembers interchange keys; the hub's journal can implement it for durable, shared detection. */
export interface DuplicateInterchangeRegistry {
  /** Records the key and resolves true when it was already recorded within the registry's window. */
  checkAndRecord(key: InterchangeKey, receivedAt: Date): Promise<boolean>;
}

export interface InMemoryDuplicateOptions {
  /** How long a key counts as seen; 7 days by default. */
  windowMs?: number;
  /** Oldest keys are forgotten beyond this many; 100 000 by default. */
  maxEntries?: number;
}

export function interchangeKey(interchange: Pick<Interchange, 'sender' | 'recipient' | 'controlReference'>): InterchangeKey {
  const party = (p: Interchange['sender']): string => (p.qualifier ? `${p.id}:${p.qualifier}` : p.id);
  return { sender: party(interchange.sender), recipient: party(interchange.recipient), controlReference: interchange.controlReference };
}

export class InMemoryDuplicateRegistry implements DuplicateInterchangeRegistry {
  private readonly seen = new Map<string, number>();
  private readonly windowMs: number;
  private readonly maxEntries: number;

  constructor(options: InMemoryDuplicateOptions = {}) {
    this.windowMs = options.windowMs ?? 7 * 24 * 60 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 100_000;
  }

  async checkAndRecord(key: InterchangeKey, receivedAt: Date): Promise<boolean> {
    const now = receivedAt.getTime();
    this.forgetBefore(now - this.windowMs);
    const id = JSON.stringify([key.sender, key.recipient, key.controlReference]);
    const previous = this.seen.get(id);
    const duplicate = previous !== undefined && now - previous <= this.windowMs;
    // Re-inserting moves the key to the end, keeping the map ordered by last sighting.
    this.seen.delete(id);
    this.seen.set(id, now);
    while (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value!);
    return duplicate;
  }

  private forgetBefore(limit: number): void {
    for (const [id, at] of this.seen) {
      if (at >= limit) break;
      this.seen.delete(id);
    }
  }
}

/** The error to add to a validation result when the interchange was already received (CONTRL code 26). */
export async function checkDuplicate(
  interchange: Interchange,
  registry: DuplicateInterchangeRegistry,
  receivedAt: Date = new Date(),
): Promise<EdifactError | undefined> {
  const key = interchangeKey(interchange);
  if (!(await registry.checkAndRecord(key, receivedAt))) return undefined;
  return new EdifactError({
    code: 'DUPLICATE_INTERCHANGE',
    syntaxError: SyntaxErrorCode.DUPLICATE_DETECTED,
    detail: `interchange ${key.controlReference} from ${key.sender} to ${key.recipient} was already received`,
    segmentNumber: interchange.header.index,
    segmentTag: 'UNB',
    elementPosition: 5,
    byteOffset: interchange.header.offset,
    hint: 'the partner must use a new control reference for every interchange',
  });
}
