// JSONata compiled and evaluated under a time limit and a call-depth limit, because route predicates
// and JSONata mappings come from files edited outside code review and run on every message.
import jsonata from 'jsonata';
import { MappingError } from '../errors';

export interface JsonataLimits {
  /** Wall-clock budget for one evaluation, checked at every evaluation step. */
  timeoutMs: number;
  /** Function invocations (lambdas and `$eval`) allowed in flight at once: bounds recursion. */
  maxDepth: number;
}

/**
 * Deep JSONata recursion costs about 5 KB of heap per level (it is async, so it never hits the JS
 * stack limit; it just grows), so 1000 levels stay near 5 MB while leaving room for real helpers.
 */
export const DEFAULT_JSONATA_LIMITS: Readonly<JsonataLimits> = Object.freeze({ timeoutMs: 1000, maxDepth: 1000 });

/** The expression does not parse; `position` is the character offset JSONata reports (1-based). */
export class JsonataSyntaxError extends MappingError {
  readonly position: number;
  readonly code: string;
  constructor(message: string, details: { expression: string; position: number; code: string }) {
    super(message, details);
    this.position = details.position;
    this.code = details.code;
  }
}

/** An evaluation ran out of time or call depth; retrying the same message cannot help. */
export class JsonataLimitError extends MappingError {
  readonly limit: 'time' | 'depth';
  readonly value: number;
  constructor(message: string, details: { expression: string; limit: 'time' | 'depth'; value: number }) {
    super(message, details);
    this.limit = details.limit;
    this.value = details.value;
  }
}

export interface LimitedExpression {
  readonly source: string;
  /** How errors name the expression, e.g. "route 'x' from.when". */
  readonly name: string;
  readonly limits: Readonly<JsonataLimits>;
  evaluate(input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
}

export interface CompileOptions {
  name?: string;
  limits?: Partial<JsonataLimits>;
}

// jsonata 2.x looks its hooks up by these registered symbols (jsonata.js `evaluate()`:
// `environment.lookup(Symbol.for('jsonata.__evaluate_entry'))`), not by the bare names, and awaits
// them on entry to and exit from every evaluation step.
const ENTRY_HOOK = Symbol.for('jsonata.__evaluate_entry');
const EXIT_HOOK = Symbol.for('jsonata.__evaluate_exit');
// Per-evaluation state travels as a binding on the evaluation's root frame (`environment.base`),
// because the hooks are shared by every concurrent evaluation of one compiled expression.
const BUDGET_VARIABLE = '__interline_budget';

interface Budget {
  started: number;
  deadline: number;
  depth: number;
  /** Once set, every further step throws it, so sibling branches still running stop too. */
  exceeded?: JsonataLimitError;
}

interface JsonataNode {
  type: string;
  body?: unknown;
  procedure?: { type?: string; value?: unknown };
  position?: number;
}

interface HookEnvironment {
  base?: { lookup(name: string): unknown };
}

interface JsonataFailure {
  code?: string;
  position?: number;
  message?: string;
}

export function compileJsonata(source: string, options: CompileOptions = {}): LimitedExpression {
  const limits: JsonataLimits = { ...DEFAULT_JSONATA_LIMITS, ...options.limits };
  const label = describeExpression(source, options.name);
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source);
  } catch (error) {
    const failure = error as JsonataFailure;
    const position = failure.position ?? 0;
    throw new JsonataSyntaxError(`${label} has a syntax error at character ${position}: ${failure.message ?? String(error)}`, {
      expression: source,
      position,
      code: failure.code ?? 'S0000',
    });
  }

  // Depth counts function bodies, not every step: any other nesting is bounded by the size of the
  // expression, while recursion is not. Bodies are learnt when their lambda is defined, which
  // always happens (and passes through this hook) before the body runs.
  const lambdaBodies = new WeakSet<object>();
  const isCallBoundary = (node: JsonataNode): boolean =>
    lambdaBodies.has(node) || (node.type === 'function' && node.procedure?.type === 'variable' && node.procedure.value === 'eval');

  const budgetOf = (environment: HookEnvironment): Budget | undefined =>
    environment.base?.lookup(BUDGET_VARIABLE) as Budget | undefined;

  expression.assign(ENTRY_HOOK as unknown as string, (node: JsonataNode, _input: unknown, environment: HookEnvironment) => {
    const budget = budgetOf(environment);
    if (!budget) return;
    if (budget.exceeded) throw budget.exceeded;
    if (node.type === 'lambda' && node.body && typeof node.body === 'object') lambdaBodies.add(node.body);
    if (isCallBoundary(node) && ++budget.depth > limits.maxDepth) {
      budget.exceeded = new JsonataLimitError(
        `${label} exceeded its call depth limit of ${limits.maxDepth} nested function calls` +
          `${atCharacter(node)}; make the recursion tail-recursive or bounded, or raise maxDepth`,
        { expression: source, limit: 'depth', value: limits.maxDepth },
      );
      throw budget.exceeded;
    }
    const now = Date.now();
    if (now > budget.deadline) {
      budget.exceeded = new JsonataLimitError(
        `${label} exceeded its time limit of ${limits.timeoutMs} ms (stopped after ${now - budget.started} ms` +
          `${atCharacter(node)}); look for an unbounded loop or recursion, or raise timeoutMs`,
        { expression: source, limit: 'time', value: limits.timeoutMs },
      );
      throw budget.exceeded;
    }
  });
  expression.assign(EXIT_HOOK as unknown as string, (node: JsonataNode, _input: unknown, environment: HookEnvironment) => {
    const budget = budgetOf(environment);
    if (budget && isCallBoundary(node)) budget.depth--;
  });

  return {
    source,
    name: label,
    limits,
    async evaluate(input: unknown, bindings: Record<string, unknown> = {}): Promise<unknown> {
      const started = Date.now();
      const budget: Budget = { started, deadline: started + limits.timeoutMs, depth: 0 };
      try {
        return await expression.evaluate(input, { ...bindings, [BUDGET_VARIABLE]: budget });
      } catch (error) {
        // $eval and friends wrap inner errors in their own; the budget keeps the real cause.
        if (budget.exceeded) throw budget.exceeded;
        if (error instanceof MappingError) throw error;
        const failure = error as JsonataFailure;
        const code = failure.code ? ` (${failure.code})` : '';
        const where = failure.position !== undefined ? ` at character ${failure.position}` : '';
        throw new MappingError(`${label} failed${where}: ${failure.message ?? String(error)}${code}`, {
          expression: source,
          code: failure.code,
          position: failure.position,
        }, { cause: error });
      }
    },
  };
}

/** JSONata's `$boolean()` cast, so `when` and `filter` agree with what users try in the exerciser. */
export function jsonataBoolean(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) {
    if (value.length === 1) return jsonataBoolean(value[0]);
    return value.some((item) => jsonataBoolean(item));
  }
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'string':
      return value.length > 0;
    case 'number':
      return value !== 0;
    case 'function':
      return false;
    case 'object':
      return Object.keys(value).length > 0;
    default:
      return false;
  }
}

function describeExpression(source: string, name: string | undefined): string {
  const flat = source.replace(/\s+/g, ' ').trim();
  const snippet = flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
  return name ? `JSONata expression ${name} (\`${snippet}\`)` : `JSONata expression \`${snippet}\``;
}

function atCharacter(node: JsonataNode): string {
  return node.position !== undefined ? ` at character ${node.position}` : '';
}
