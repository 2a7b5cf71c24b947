// A connector for the hub's own tests: its "external system" is an in-process ledger that, like a
// real API, de-duplicates on the idempotency key and can be told to fail (transiently, permanently,
// slowly). Connector tests against real protocols live with each connector.
import { Type } from '@sinclair/typebox';
import { AuthError, PermanentError, TransientError, defineConnector, defineOperation } from '../../src';

export interface LedgerEntry {
  key: string;
  value: unknown;
  at: number;
  messageId: string;
}

export class Ledger {
  readonly entries: LedgerEntry[] = [];
  readonly calls: Array<{ key: string; at: number }> = [];
  private readonly byKey = new Map<string, LedgerEntry>();
  faults: Array<'transient' | 'permanent' | 'auth' | 'hang'> = [];
  /** Emit a follow-up event of this type after each effect (tests causation). */
  emitType: string | undefined;

  record(key: string, value: unknown, messageId: string): { duplicate: boolean } {
    if (this.byKey.has(key)) return { duplicate: true };
    const entry = { key, value, at: Date.now(), messageId };
    this.byKey.set(key, entry);
    this.entries.push(entry);
    return { duplicate: false };
  }
}

export function ledgerConnector(ledger: Ledger) {
  return defineConnector({
    id: 'ledger',
    version: '1.0.0',
    summary: 'In-process ledger for hub tests',
    config: Type.Object({ name: Type.Optional(Type.String()) }, { additionalProperties: false }),
    connect: () => ledger,
    health: async () => ({ status: 'up' as const }),
    operations: {
      write: defineOperation({
        summary: 'Record the value under the idempotency key',
        input: Type.Unknown(),
        sideEffect: true,
        async run(client: Ledger, input, ctx) {
          client.calls.push({ key: ctx.idempotencyKey, at: Date.now() });
          const fault = client.faults.shift();
          if (fault === 'transient') throw new TransientError('ledger temporarily unavailable (HTTP 503)');
          if (fault === 'permanent') throw new PermanentError('ledger rejected the entry: amount must be positive (HTTP 422)');
          if (fault === 'auth') throw new AuthError('ledger refused the credentials (HTTP 401)');
          if (fault === 'hang') {
            // Hang until the hub's time limit aborts the call, as a stuck partner would.
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, 60_000);
              ctx.signal.addEventListener('abort', () => {
                clearTimeout(timer);
                resolve();
              });
            });
          }
          const result = client.record(ctx.idempotencyKey, input, ctx.envelope.id);
          if (client.emitType && !result.duplicate) ctx.emit(client.emitType, { id: ctx.envelope.id, note: 'recorded' });
          return { recorded: !result.duplicate };
        },
      }),
    },
  });
}
