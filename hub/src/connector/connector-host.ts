// Runs the configured connector instances: loads their definitions, validates config, starts
// simulators, connects clients, and calls operations with a time limit and a circuit breaker.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TObject } from '@sinclair/typebox';
import type { ConnectorDefinition, ConnectorContext, HealthResult, OperationContext, SimulatorHandle } from './define-connector';
import { check } from '../validation';
import { CircuitBreaker, DEFAULT_CIRCUIT_OPTIONS } from '../delivery/circuit-breaker';
import type { CircuitBreakerOptions, CircuitState } from '../delivery/circuit-breaker';
import { CircuitOpenError, ConfigError, HubError, PermanentError, TimeoutError, TransientError, ValidationError, formatIssue } from '../errors';
import type { ErrorClass } from '../errors';
import { redactConfig, secretValues } from './secrets';
import type { Logger } from '../observability/logger';
import type { BucketSpec, RateDecision } from '../cache/cache';

export interface ConnectorInstanceConfig {
  /** The connector package (npm name) or a built-in id; defaults to @interline/connector-<instance>. */
  use?: string;
  /** Start the connector's simulator on loopback and point this instance at it. */
  simulator?: boolean;
  config?: Record<string, unknown>;
  circuit?: Partial<CircuitBreakerOptions>;
  /** The partner's rate limit: calls per second with a burst, shared by every worker when the cache is Redis. */
  rateLimit?: { perSecond: number; burst?: number };
}

/** Takes a token from a named bucket (the hub's cache: memory, or Redis shared across workers). */
export type TakeToken = (bucket: string, spec: BucketSpec) => Promise<RateDecision>;

export interface ConnectorInstance {
  name: string;
  definition: ConnectorDefinition<TObject, unknown>;
  config: Record<string, unknown>;
  client: unknown;
  breaker: CircuitBreaker;
  simulator?: SimulatorHandle;
  context: ConnectorContext;
  rateLimit?: BucketSpec;
}

export type DefinitionResolver = (use: string, instance: string) => ConnectorDefinition<TObject, unknown>;

function isDefinition(value: unknown): value is ConnectorDefinition<TObject, unknown> {
  const candidate = value as Partial<ConnectorDefinition>;
  return Boolean(candidate && typeof candidate.id === 'string' && candidate.operations && typeof candidate.connect === 'function');
}

/**
 * Finds a connector definition in an npm package (its default export or any exported definition),
 * resolving the package from each folder in turn: the project first, then the CLI's own install.
 */
export function resolveFromPackages(...fromDirs: string[]): DefinitionResolver {
  const requirers = fromDirs.map((dir) => createRequire(path.join(dir, 'package.json')));
  return (use, instance) => {
    const packageName = use.includes('/') || use.startsWith('@') ? use : `@interline/connector-${use}`;
    let mod: Record<string, unknown> | undefined;
    let lastError: unknown;
    for (const requireFrom of requirers) {
      try {
        mod = requireFrom(packageName) as Record<string, unknown>;
        break;
      } catch (error) {
        lastError = error;
      }
    }
    if (!mod) {
      const reason = lastError instanceof Error ? lastError.message.split('\n')[0] : String(lastError);
      throw new ConfigError(`connector '${instance}': cannot load package '${packageName}' (${reason}); install it or fix 'use' under connectors.${instance} in interline.yaml`);
    }
    const found = [mod.default, ...Object.values(mod)].find(isDefinition);
    if (!found) throw new ConfigError(`connector '${instance}': package '${packageName}' exports no connector definition (defineConnector)`);
    return found;
  };
}

export interface CallOptions {
  timeoutMs: number;
  context: Omit<OperationContext, 'signal' | 'logger'> & { signal?: AbortSignal };
}

export class ConnectorHost {
  private readonly instances = new Map<string, ConnectorInstance>();

  constructor(
    private readonly logger: Logger,
    private readonly contextFor: (instance: string) => ConnectorContext,
    private readonly onCircuitChange?: (instance: string, state: CircuitState) => void,
    private readonly takeToken?: TakeToken,
  ) {}

  /** Validate, start simulators and connect every configured instance; fails with one clear line. */
  async start(configs: Record<string, ConnectorInstanceConfig>, resolve: DefinitionResolver, hub: { hubUrl?: string } = {}): Promise<void> {
    for (const [name, entry] of Object.entries(configs)) {
      const definition = resolve(entry.use ?? name, name);
      let simulator: SimulatorHandle | undefined;
      let config: Record<string, unknown> = { ...(entry.config ?? {}) };
      if (entry.simulator) {
        if (!definition.simulator) throw new ConfigError(`connector '${name}': '${definition.id}' has no simulator; remove 'simulator: true' or configure a real endpoint`);
        simulator = await definition.simulator.start({ host: '127.0.0.1', port: 0 });
        config = { ...(definition.simulator.configFor(simulator, { instance: name, ...hub }) as Record<string, unknown>), ...config };
      }
      const checked = check(definition.config, config);
      if (!checked.ok) {
        await simulator?.stop();
        throw new ConfigError(`connector '${name}' (${definition.id}) config is invalid: ${checked.issues.map(formatIssue).join('; ')}; fix connectors.${name}.config in interline.yaml`);
      }
      const context = this.contextFor(name);
      const client = await definition.connect(checked.value, context);
      const breaker = new CircuitBreaker(name, { ...DEFAULT_CIRCUIT_OPTIONS, ...entry.circuit }, Date.now, (state) => {
        this.logger.warn({ connector: name, circuit: state }, `circuit for connector '${name}' is now ${state}`);
        this.onCircuitChange?.(name, state);
      });
      const instance: ConnectorInstance = { name, definition, config: checked.value, client, breaker, context };
      if (entry.rateLimit) instance.rateLimit = { refillPerSecond: entry.rateLimit.perSecond, capacity: entry.rateLimit.burst ?? Math.max(1, Math.ceil(entry.rateLimit.perSecond)) };
      if (simulator) instance.simulator = simulator;
      this.instances.set(name, instance);
      this.logger.info({ connector: name, definition: definition.id, version: definition.version, simulator: simulator?.baseUrl }, `connector '${name}' ready`);
    }
  }

  get(name: string): ConnectorInstance | undefined {
    return this.instances.get(name);
  }

  list(): ConnectorInstance[] {
    return [...this.instances.values()];
  }

  hasOperation(name: string, operation: string): boolean {
    return Boolean(this.instances.get(name)?.definition.operations[operation]);
  }

  secretValues(): string[] {
    return this.list().flatMap((i) => secretValues(i.definition.config, i.config));
  }

  describe(name: string): Record<string, unknown> | undefined {
    const i = this.instances.get(name);
    if (!i) return undefined;
    return {
      name: i.name,
      id: i.definition.id,
      version: i.definition.version,
      summary: i.definition.summary,
      config: redactConfig(i.definition.config, i.config),
      configSchema: i.definition.config,
      operations: Object.fromEntries(Object.entries(i.definition.operations).map(([op, d]) => [op, { summary: d.summary, sideEffect: Boolean(d.sideEffect), input: d.input }])),
      sources: Object.fromEntries(Object.entries(i.definition.sources ?? {}).map(([s, d]) => [s, { kind: d.kind, summary: d.summary }])),
      simulator: i.simulator?.baseUrl ?? null,
      circuit: i.breaker.current(),
    };
  }

  async health(name: string): Promise<HealthResult> {
    const i = this.instances.get(name);
    if (!i) return { status: 'down', detail: `no connector '${name}'` };
    const started = Date.now();
    try {
      const result = await Promise.race([
        i.definition.health(i.client, i.context),
        new Promise<HealthResult>((resolve) => setTimeout(() => resolve({ status: 'down', detail: 'health check timed out after 5 s' }), 5000).unref()),
      ]);
      return { latencyMs: Date.now() - started, ...result };
    } catch (error) {
      return { status: 'down', detail: error instanceof Error ? error.message : String(error), latencyMs: Date.now() - started };
    }
  }

  /** Call an operation: input checked, breaker consulted, time-limited, errors classified. */
  async call(name: string, operation: string, input: unknown, options: CallOptions): Promise<unknown> {
    const instance = this.instances.get(name);
    if (!instance) {
      throw new ConfigError(`no connector instance '${name}' is configured (have: ${[...this.instances.keys()].join(', ') || 'none'}); add it under 'connectors' in interline.yaml or fix the route`);
    }
    const op = instance.definition.operations[operation];
    if (!op) {
      throw new ConfigError(`connector '${name}' has no operation '${operation}' (has: ${Object.keys(instance.definition.operations).join(', ')}); fix the route's 'to' step`);
    }
    const checked = check(op.input, input);
    if (!checked.ok) throw new ValidationError(`input of ${name}.${operation}`, checked.issues);
    if (!instance.breaker.tryAcquire()) {
      const waitMs = instance.breaker.waitMs();
      throw new CircuitOpenError(`circuit for connector '${name}' is open after repeated failures; next trial in ${waitMs} ms`, { retryAfterMs: waitMs });
    }
    await this.awaitRateLimit(instance, options.context.signal);
    const controller = new AbortController();
    const outer = options.context.signal;
    const onOuterAbort = (): void => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new TimeoutError(`${name}.${operation} did not answer within ${options.timeoutMs} ms; will retry`);
        controller.abort(error);
        reject(error);
      }, options.timeoutMs);
    });
    try {
      const result = await Promise.race([
        op.run(instance.client, checked.value as never, { ...options.context, signal: controller.signal, logger: this.logger.child({ connector: name, operation }) }),
        timeout,
      ]);
      instance.breaker.recordSuccess();
      return result;
    } catch (raw) {
      const error = classify(raw, op.classify, `${name}.${operation}`);
      instance.breaker.recordFailure(error.errorClass === 'transient' || error.errorClass === 'timeout');
      throw error;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }

  /**
   * Wait for the partner's rate limit before the call (the wait is not part of the call's time
   * limit, and no attempt is used up). A cache that fails lets the call through: the partner's own
   * 429 answers are still retried.
   */
  private async awaitRateLimit(instance: ConnectorInstance, signal: AbortSignal | undefined): Promise<void> {
    if (!instance.rateLimit || !this.takeToken) return;
    for (;;) {
      let decision: RateDecision;
      try {
        decision = await this.takeToken(`connector:${instance.name}`, instance.rateLimit);
      } catch (error) {
        this.logger.warn({ connector: instance.name, err: error instanceof Error ? error.message : String(error) }, `rate limit of connector '${instance.name}' unavailable; calling without it`);
        return;
      }
      if (decision.allowed) return;
      if (signal?.aborted) throw new TransientError(`connector '${instance.name}': stopped while waiting for its rate limit`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, decision.retryAfterMs));
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        }, { once: true });
      });
    }
  }

  async stop(): Promise<void> {
    for (const instance of this.instances.values()) {
      try {
        await instance.definition.disconnect?.(instance.client);
      } catch (error) {
        this.logger.warn({ connector: instance.name, err: error }, 'connector disconnect failed');
      }
      await instance.simulator?.stop();
    }
    this.instances.clear();
  }
}

function classify(raw: unknown, classifier: ((error: unknown) => ErrorClass | undefined) | undefined, where: string): HubError {
  if (raw instanceof HubError) return raw;
  const verdict = classifier?.(raw);
  const message = `${where} failed: ${raw instanceof Error ? raw.message : String(raw)}`;
  if (verdict === 'permanent' || verdict === 'validation' || verdict === 'auth') return new PermanentError(message, { classifiedAs: verdict }, { cause: raw });
  return new TransientError(message, {}, { cause: raw });
}
