// What a route is once loaded: the event it listens to, the steps it runs and how it delivers.
import type { RetryPolicy } from '../delivery/retry-policy';

export type RouteStep =
  /** Validate the current value: against the event type's catalog schema, or a named model schema. */
  | { kind: 'validate'; schema?: string }
  /** Transform the current value with a registered mapping. */
  | { kind: 'map'; mapping: string }
  /** Continue only when the expression holds for the current value (JSONata). */
  | { kind: 'filter'; expression: string }
  /** Fan out: the expression yields an array; later steps run once per element (JSONata). */
  | { kind: 'split'; expression: string }
  /**
   * Call a connector operation with the current value: the only step with a side effect. With
   * `mapping` (`with:` in the file) the call receives the mapped value and the next step still
   * receives the value this step was given.
   */
  | { kind: 'to'; connector: string; operation: string; mapping?: string };

export interface Route {
  id: string;
  description?: string;
  /** The file the route came from, for error messages and `interline routes`. */
  file: string;
  from: {
    /** An event type, or a pattern with `*` for one segment and `#` for the rest (AMQP style). */
    type: string;
    /** Optional JSONata predicate over the envelope; the route runs only when it is true. */
    when?: string;
  };
  steps: RouteStep[];
  retry: RetryPolicy;
  /** Per-step time limit for connector calls. */
  timeoutMs: number;
  /** Which envelope attribute orders deliveries; defaults to `partitionkey`. */
  orderingKey: 'partitionkey' | 'subject' | 'none';
  /** How many deliveries of this route may run at once. */
  concurrency: number;
  /** 1-based line of the route in `file`, when it was loaded from one. */
  line?: number;
  /** 1-based line of each step in `file`, index-aligned with `steps`. */
  stepLines?: number[];
}

export function stepLabel(step: RouteStep, index: number): string {
  switch (step.kind) {
    case 'validate':
      return `${index}:validate${step.schema ? `:${step.schema}` : ''}`;
    case 'map':
      return `${index}:map:${step.mapping}`;
    case 'filter':
      return `${index}:filter`;
    case 'split':
      return `${index}:split`;
    case 'to':
      return `${index}:to:${step.connector}.${step.operation}${step.mapping ? `:with:${step.mapping}` : ''}`;
  }
}
