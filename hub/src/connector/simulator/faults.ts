// Fault injection shared by every simulator: tests queue faults, the simulator consumes them per call.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

export const FaultSchema = Type.Object(
  {
    /** transient → 503, permanent → 400/422, auth → 401, timeout → no answer for delayMs, reset → socket destroyed. */
    kind: Type.Union([
      Type.Literal('transient'),
      Type.Literal('permanent'),
      Type.Literal('auth'),
      Type.Literal('timeout'),
      Type.Literal('reset'),
    ]),
    /** Which operation (simulator-specific name or path) the fault applies to; all when absent. */
    operation: Type.Optional(Type.String()),
    /** How many calls fail before the simulator behaves again; -1 = until cleared. */
    times: Type.Integer({ minimum: -1, default: 1 }),
    /** Override the HTTP status the fault answers with. */
    status: Type.Optional(Type.Integer({ minimum: 100, maximum: 599 })),
    delayMs: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Apply the fault after the side effect happened (the response is lost, the effect is not). */
    afterEffect: Type.Optional(Type.Boolean()),
    /** Apply it to this share of matching calls (0–1), at random; with times -1, a steady fault rate. */
    probability: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false },
);

export type Fault = Static<typeof FaultSchema>;

export class FaultPlan {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  /** The next fault for this operation and phase, consuming one of its `times`. */
  take(operation: string, phase: 'before' | 'after' = 'before'): Fault | undefined {
    const index = this.faults.findIndex(
      (fault) => (fault.operation === undefined || fault.operation === operation) && Boolean(fault.afterEffect) === (phase === 'after'),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index] as Fault;
    if (fault.probability !== undefined && Math.random() >= fault.probability) return undefined;
    if (fault.times > 0) {
      fault.times -= 1;
      if (fault.times === 0) this.faults.splice(index, 1);
    }
    return { ...fault };
  }
}
