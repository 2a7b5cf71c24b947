// A connector with a file source for the file exchange's tests: each line "ping <nonce>" becomes a
// test.ping event; "BAD…" is refused for good, "FLAKY…" fails once transiently, then passes.
import { Type } from '@sinclair/typebox';
import { PermanentError, TransientError, defineConnector, defineOperation } from '../../src';

export class DropBox {
  readonly received: Array<{ name: string; partner: string | undefined; bytes: Buffer }> = [];
  private readonly flaky = new Set<string>();

  take(name: string, partner: string | undefined, bytes: Buffer): string[] {
    this.received.push({ name, partner, bytes });
    const text = bytes.toString('utf8');
    if (text.startsWith('BAD')) throw new PermanentError(`file ${name} is not a ping list: line 1 starts with "BAD"; send lines "ping <nonce>"`);
    if (text.startsWith('FLAKY') && !this.flaky.has(name)) {
      this.flaky.add(name);
      throw new TransientError(`the drop box is busy reading ${name}; will retry`);
    }
    const nonces = text
      .split('\n')
      .filter((line) => line.startsWith('ping '))
      .map((line) => line.slice(5).trim());
    if (nonces.length === 0) throw new PermanentError(`file ${name} holds no "ping <nonce>" line (${bytes.length} bytes)`);
    return nonces;
  }
}

export function dropBoxConnector(box: DropBox) {
  return defineConnector({
    id: 'drop-box',
    version: '1.0.0',
    summary: 'File source for file exchange tests',
    config: Type.Object({}, { additionalProperties: false }),
    connect: () => box,
    health: async () => ({ status: 'up' as const }),
    operations: {
      note: defineOperation({ summary: 'Accept a routed ping (no effect)', input: Type.Unknown(), run: async () => ({ ok: true }) }),
    },
    sources: {
      pings: {
        kind: 'file',
        summary: 'ping lists',
        async receive(client: DropBox, file, ctx) {
          for (const nonce of client.take(file.name, file.partner, file.bytes)) {
            await ctx.emit({ type: 'test.ping', data: { nonce, sentAt: '2025-03-14T09:00:00Z' }, subject: file.name });
          }
        },
      },
    },
  });
}
