// The contract kit: one suite every connector runs against its own simulator. It proves what the
// hub relies on — config and secrets, health, effects, exactly one effect per redelivered step,
// retry of transient faults, dead-lettering of permanent and auth faults, the circuit breaker.
import type { TObject } from '@sinclair/typebox';
import type { ConnectorDefinition, SimulatorHandle } from '../connector/define-connector';
import { SimulatorControlClient } from '../connector/simulator/control';
import type { Fault } from '../connector/simulator/faults';
import { check } from '../validation';
import { secretPaths, unmarkedSecretLookingFields } from '../connector/secrets';
import { silentLogger } from '../observability/logger';
import { ContractHub, CONTRACT_INSTANCE } from './contract-hub';

export type ContractScenario = 'config' | 'secrets' | 'health' | 'effects' | 'redelivery' | 'transient' | 'permanent' | 'auth' | 'circuit';

export interface OperationContract {
  /** A valid input for the operation, unique per nonce (the kit makes a new nonce per call). */
  input(nonce: string): unknown;
  /** The simulator's operation name for fault injection, when it differs from the operation's. */
  faultOperation?: string;
}

export interface ConnectorContract<State = unknown> {
  definition: ConnectorDefinition<TObject, unknown>;
  operations: Record<string, OperationContract>;
  /** The operation used for the fault scenarios; it must have a side effect. */
  faultOperation: string;
  /** How many side effects the simulator holds (from GET /__sim/state). */
  countEffects(state: State): number;
  /** Configs the schema must reject, with the path the error must name. */
  invalidConfigs: Array<{ config: Record<string, unknown>; path: string }>;
  /** Scenarios that do not apply, each with the reason (printed in the test name). */
  exemptions?: Partial<Record<ContractScenario, string>>;
}

const CIRCUIT = { failureThreshold: 3, cooldownMs: 400 };
const RETRY_ATTEMPTS = 5;

function nonce(): string {
  return `n${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Declare the contract suite for a connector; call it at the top level of a jest test file. */
export function describeConnectorContract<State>(contract: ConnectorContract<State>): void {
  const { definition } = contract;
  const exempt = contract.exemptions ?? {};
  const scenario = (name: ContractScenario, title: string, body: () => Promise<void>, timeoutMs = 30_000): void => {
    const reason = exempt[name];
    if (reason) {
      // An exemption is visible in the report with its reason, never silently skipped.
      it(`${title} — exempt: ${reason}`, () => expect(reason.length).toBeGreaterThan(10));
    } else {
      it(title, body, timeoutMs);
    }
  };

  describe(`connector contract: ${definition.id} ${definition.version}`, () => {
    let simulator: SimulatorHandle;
    let control: SimulatorControlClient;
    let hub: ContractHub;
    const effects = async (): Promise<number> => contract.countEffects(await control.state<State>());
    const faultOp = contract.operations[contract.faultOperation]?.faultOperation ?? contract.faultOperation;

    beforeAll(async () => {
      if (!definition.simulator) throw new Error(`connector '${definition.id}' has no simulator; the contract kit needs one`);
      simulator = await definition.simulator.start({ host: '127.0.0.1', port: 0 });
      control = new SimulatorControlClient(simulator.baseUrl);
      hub = await ContractHub.start({
        definition,
        config: definition.simulator.configFor(simulator) as Record<string, unknown>,
        operations: Object.fromEntries(Object.entries(contract.operations).map(([op, c]) => [op, c.input])),
        circuit: CIRCUIT,
        retryAttempts: RETRY_ATTEMPTS,
      });
    }, 60_000);
    afterAll(async () => {
      await hub?.stop();
      await simulator?.stop();
    });
    beforeEach(async () => {
      await control.clearFaults();
    });

    scenario('config', 'rejects invalid configuration, naming the field', async () => {
      expect(contract.invalidConfigs.length).toBeGreaterThan(0);
      for (const { config, path } of contract.invalidConfigs) {
        const result = check(definition.config, config);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path);
      }
      const valid = check(definition.config, definition.simulator?.configFor(simulator));
      expect(valid).toMatchObject({ ok: true });
    });

    scenario('secrets', 'marks every secret-looking config field as secret', async () => {
      expect(unmarkedSecretLookingFields(definition.config)).toEqual([]);
      expect(secretPaths(definition.config).length).toBeGreaterThan(0);
    });

    scenario('health', 'reports health against the simulator', async () => {
      const result = await definition.health(hub.hub.connectors.get(CONTRACT_INSTANCE)?.client, { logger: silentLogger(), state: { get: async () => undefined, set: async () => undefined } });
      expect(result.status).toBe('up');
    });

    scenario('effects', 'each side-effecting operation leaves exactly one effect in the simulator', async () => {
      for (const [operation] of Object.entries(contract.operations)) {
        const sideEffect = Boolean(definition.operations[operation]?.sideEffect);
        const before = await effects();
        const id = await hub.send(operation, nonce());
        const delivery = await hub.settled(id, operation);
        expect({ operation, status: delivery.status, error: delivery.lastError?.message }).toEqual({ operation, status: 'delivered', error: undefined });
        expect({ operation, effects: (await effects()) - before }).toEqual({ operation, effects: sideEffect ? 1 : 0 });
      }
    });

    scenario('redelivery', 'a step redelivered after a lost response causes one side effect', async () => {
      const before = await effects();
      // The effect happens, then the response is lost: the hub must retry with the same key.
      await control.fault({ kind: 'transient', operation: faultOp, times: 1, afterEffect: true } as Fault);
      const id = await hub.send(contract.faultOperation, nonce());
      const delivery = await hub.settled(id, contract.faultOperation);
      expect(delivery.status).toBe('delivered');
      expect(delivery.attempts).toBe(2);
      expect((await effects()) - before).toBe(1);
    });

    scenario('transient', 'a transient fault is retried and then succeeds', async () => {
      const before = await effects();
      await control.fault({ kind: 'transient', operation: faultOp, times: 2 });
      const id = await hub.send(contract.faultOperation, nonce());
      const delivery = await hub.settled(id, contract.faultOperation);
      expect(delivery.status).toBe('delivered');
      expect(delivery.attempts).toBe(3);
      expect((await effects()) - before).toBe(1);
    });

    scenario('permanent', 'a permanent fault dead-letters at once, without a retry storm', async () => {
      const before = await effects();
      await control.fault({ kind: 'permanent', operation: faultOp, times: 1 });
      const id = await hub.send(contract.faultOperation, nonce());
      const delivery = await hub.settled(id, contract.faultOperation);
      expect(delivery.status).toBe('dead');
      expect(delivery.attempts).toBe(1);
      expect(delivery.lastError?.errorClass).toBe('permanent');
      expect((await effects()) - before).toBe(0);
    });

    scenario('auth', 'an authentication failure dead-letters with a clear error', async () => {
      await control.fault({ kind: 'auth', operation: faultOp, times: 1 });
      const id = await hub.send(contract.faultOperation, nonce());
      const delivery = await hub.settled(id, contract.faultOperation);
      expect(delivery.status).toBe('dead');
      expect(delivery.lastError?.errorClass).toBe('auth');
      expect(delivery.lastError?.message).toMatch(/credential|auth|401|403|login|password|key/i);
    });

    scenario('circuit', 'the circuit opens after repeated failures and recovers', async () => {
      const breaker = hub.hub.connectors.get(CONTRACT_INSTANCE)?.breaker;
      expect(breaker?.current()).toBe('closed');
      await control.fault({ kind: 'transient', operation: faultOp, times: -1 });
      const id = await hub.send(contract.faultOperation, nonce());
      const deadline = Date.now() + 10_000;
      while (breaker?.current() !== 'open' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(breaker?.current()).toBe('open');
      await control.clearFaults();
      const delivery = await hub.settled(id, contract.faultOperation, 20_000);
      expect(delivery.status).toBe('delivered');
      expect(breaker?.current()).toBe('closed');
    }, 40_000);
  });
}
