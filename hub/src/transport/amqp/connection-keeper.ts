// Keeps one RabbitMQ connection alive for the transport: connects, runs the transport's setup
// (channels, topology, consumers) under a time limit, and when the connection — or a channel the
// transport reports lost — goes away, reconnects with capped exponential back-off and runs the
// setup again. amqplib's built-in recovery was not used: its setup runs without a time limit
// before the connection is watched, so a setup that hung or a connection that died during setup
// (a broker still booting after `start_app`) left it waiting forever without a 'connect'.
import type * as AmqplibModule from 'amqplib';
import type { ChannelModel } from 'amqplib';
import { ConfigError, TransientError } from '../../errors';
import { lazyRequire } from '../../lazy-require';
import type { Logger } from '../../observability/logger';

export interface ConnectionKeeperOptions {
  url: string;
  /** Runs on every fresh connection before it is handed out; a failure or timeout drops the connection. */
  setup(model: ChannelModel): Promise<void>;
  logger?: Logger | undefined;
  /** Attempts at the first connect before the start fails (a wrong URL must fail fast). */
  initialAttempts?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  setupTimeoutMs?: number;
  /** AMQP heartbeat: how soon a silently dead broker is noticed. */
  heartbeatSeconds?: number;
}

/** The URL without its password, for messages. */
export function safeAmqpUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The heartbeat goes in the URL (amqplib reads it there); one the user set wins. */
function withHeartbeat(url: string, seconds: number): string {
  if (/[?&]heartbeat=/.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}heartbeat=${seconds}`;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export class ConnectionKeeper {
  private model: ChannelModel | undefined;
  private stopped = false;
  private reconnecting = false;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly options: ConnectionKeeperOptions) {}

  /** The live, set-up connection, if there is one now. */
  get current(): ChannelModel | undefined {
    return this.model;
  }

  get closing(): boolean {
    return this.stopped;
  }

  /** First connect: a few quick attempts, then one clear line instead of endless retries. */
  async start(): Promise<void> {
    const attempts = this.options.initialAttempts ?? 3;
    let last: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.open();
        return;
      } catch (error) {
        last = error;
        if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, this.delay(attempt)));
      }
    }
    throw new ConfigError(`cannot reach RabbitMQ at ${safeAmqpUrl(this.options.url)}: ${message(last)}; check INTERLINE_TRANSPORT and that the broker runs`);
  }

  /** Wait until a connection is up (or the deadline passes, or the keeper closes). */
  async waitForConnection(deadline: number): Promise<ChannelModel> {
    for (;;) {
      if (this.model) return this.model;
      if (this.stopped) throw new TransientError('AMQP transport is closing');
      const left = deadline - Date.now();
      if (left <= 0) throw new TransientError(`RabbitMQ at ${safeAmqpUrl(this.options.url)} is unreachable; the transport keeps reconnecting in the background`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, 1000));
        const waiters = this.waiters;
        function done(): void {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        }
        this.waiters.add(done);
      });
    }
  }

  /** A channel the transport depends on is gone: drop the connection so everything is rebuilt. */
  reset(reason: string): void {
    const model = this.model;
    if (!model || this.stopped) return;
    // Channels close first when the whole connection goes: wait a turn, so a lost connection is
    // reported with its own reason (CONNECTION_FORCED…) and only a lone channel loss gets here.
    setImmediate(() => {
      if (this.model !== model || this.stopped) return;
      this.options.logger?.warn({ reason }, `RabbitMQ channel lost (${reason}); reopening the connection`);
      this.lost(model, new Error(reason));
      model.close().catch(() => undefined);
    });
  }

  async close(): Promise<void> {
    this.stopped = true;
    for (const wake of [...this.waiters]) wake();
    const model = this.model;
    this.model = undefined;
    await model?.close().catch(() => undefined);
  }

  private async open(): Promise<void> {
    const amqp = lazyRequire<typeof AmqplibModule>('amqplib', 'the AMQP transport');
    const model = await amqp.connect(withHeartbeat(this.options.url, this.options.heartbeatSeconds ?? 5));
    let closed: Error | undefined;
    // Errors always come with a 'close'; handling the close is enough, but an unheard 'error' would crash.
    model.on('error', () => undefined);
    model.on('close', (error?: Error) => {
      closed = error ?? new Error('connection closed');
      this.lost(model, closed);
    });
    try {
      await withTimeout(this.options.setup(model), this.options.setupTimeoutMs ?? 20_000, 'RabbitMQ topology and consumer setup');
      if (closed) throw closed;
    } catch (error) {
      await model.close().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await model.close().catch(() => undefined);
      return;
    }
    this.model = model;
    for (const wake of [...this.waiters]) wake();
  }

  private lost(model: ChannelModel, error: Error): void {
    if (model !== this.model) return;
    this.model = undefined;
    if (this.stopped) return;
    this.options.logger?.warn({ err: error.message }, `RabbitMQ connection lost: ${error.message}`);
    void this.reconnect();
  }

  private async reconnect(): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    const since = Date.now();
    try {
      let failure: string | undefined;
      for (let attempt = 1; !this.stopped; attempt++) {
        const delay = this.delay(attempt);
        // One line per attempt: why the last one failed (if any) and when the next one runs.
        const why = failure === undefined ? '' : `attempt ${attempt - 1} failed (${failure}); `;
        this.options.logger?.warn({ attempt, delayMs: delay, ...(failure === undefined ? {} : { err: failure }) }, `RabbitMQ reconnect: ${why}retrying in ${delay} ms`);
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (this.stopped) return;
        try {
          await this.open();
          this.options.logger?.warn({ attempts: attempt, downMs: Date.now() - since }, `RabbitMQ connection restored after ${attempt} attempt(s), ${Date.now() - since} ms`);
          return;
        } catch (error) {
          failure = message(error);
        }
      }
    } finally {
      this.reconnecting = false;
    }
  }

  /** Capped exponential back-off with jitter, so several workers do not reconnect in lockstep. */
  private delay(attempt: number): number {
    const initial = this.options.initialDelayMs ?? 100;
    const max = this.options.maxDelayMs ?? 3000;
    const base = Math.min(max, initial * 2 ** (attempt - 1));
    return Math.round(base / 2 + (Math.random() * base) / 2);
  }
}
