// The route file format (routes/*.yaml) as a TypeBox schema, plus the step grammar and durations,
// so the loader, editor tooling (the schema is plain JSON Schema) and docs share one definition.
import { Type } from '@sinclair/typebox';
import type { Static, TSchema } from '@sinclair/typebox';
import type { RouteStep } from './route';

export const ROUTE_ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
const TYPE_SEGMENT = '(?:[a-z][a-z0-9-]*|\\*|#)';
/** An event type, or a pattern in which a segment may be `*` (exactly one) or `#` (zero or more). */
export const TYPE_PATTERN_PATTERN = `^${TYPE_SEGMENT}(?:\\.${TYPE_SEGMENT})*$`;
export const DURATION_PATTERN = '^\\d+(?:\\.\\d+)?(?:ms|s|m|h|d)$';
export const CONNECTOR_OPERATION_PATTERN = '^[a-z][a-z0-9-]*\\.[A-Za-z][A-Za-z0-9_-]*$';
/** `<connector>/<name>`, as derived from `mappings/src/<connector>/<name>.*`. */
export const MAPPING_ID_PATTERN = '^[A-Za-z0-9_-]+/[A-Za-z0-9_.-]+$';
export const SCHEMA_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_.-]*$';

export const STEP_KINDS = ['validate', 'map', 'filter', 'split', 'to'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const ORDERINGS = ['partitionkey', 'subject', 'none'] as const;

// Strings are checked by `pattern` and numbers by `minimum`: one keyword set instead of an anyOf,
// whose per-branch errors would bury the one that matters.
const Duration = Type.Unsafe<string | number>({
  type: ['string', 'number'],
  pattern: DURATION_PATTERN,
  minimum: 0,
  description: 'milliseconds as a number, or a number with ms, s, m, h or d (200ms, 30s, 5m, 1h, 1d)',
});
const Expression = Type.String({ minLength: 1, description: 'a JSONata expression' });
const OneKeyStep = <K extends string, V extends TSchema>(key: K, value: V) =>
  Type.Object({ [key]: value } as { [P in K]: V }, { additionalProperties: false });

export const StepSchema = Type.Union([
  Type.Literal('validate'),
  OneKeyStep('validate', Type.Union([Type.String({ pattern: SCHEMA_NAME_PATTERN }), Type.Null()])),
  OneKeyStep('map', Type.String({ pattern: MAPPING_ID_PATTERN })),
  OneKeyStep('filter', Expression),
  OneKeyStep('split', Expression),
  OneKeyStep('to', Type.String({ pattern: CONNECTOR_OPERATION_PATTERN })),
  // `with` shapes what this one call receives; the value flowing to the next step stays as it was,
  // so a later step (e.g. telling the portal a saga step went through) still sees the event's data.
  Type.Object(
    { to: Type.String({ pattern: CONNECTOR_OPERATION_PATTERN }), with: Type.String({ pattern: MAPPING_ID_PATTERN }) },
    { additionalProperties: false },
  ),
]);

export const RetrySpecSchema = Type.Object(
  {
    attempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    baseDelay: Type.Optional(Duration),
    maxDelay: Type.Optional(Duration),
    maxAge: Type.Optional(Duration),
  },
  { additionalProperties: false },
);

export const RouteSpecSchema = Type.Object(
  {
    id: Type.String({ pattern: ROUTE_ID_PATTERN, maxLength: 100 }),
    description: Type.Optional(Type.String()),
    from: Type.Object(
      { type: Type.String({ pattern: TYPE_PATTERN_PATTERN, maxLength: 200 }), when: Type.Optional(Expression) },
      { additionalProperties: false },
    ),
    steps: Type.Array(StepSchema, { minItems: 1 }),
    retry: Type.Optional(RetrySpecSchema),
    timeout: Type.Optional(Duration),
    ordering: Type.Optional(Type.Unsafe<(typeof ORDERINGS)[number]>({ type: 'string', enum: [...ORDERINGS] })),
    concurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

export const RouteFileSchema = Type.Object({ routes: Type.Array(RouteSpecSchema, { minItems: 1 }) }, { additionalProperties: false });

export type StepSpec = Static<typeof StepSchema>;
export type RouteSpec = Static<typeof RouteSpecSchema>;
export type RouteFileSpec = Static<typeof RouteFileSchema>;

/** The fields each object in the file accepts, for "unknown field" messages. */
export const KNOWN_FIELDS = {
  file: Object.keys(RouteFileSchema.properties),
  route: Object.keys(RouteSpecSchema.properties),
  from: Object.keys(RouteSpecSchema.properties.from.properties),
  retry: Object.keys(RetrySpecSchema.properties),
};

const DURATION_HINT = 'must be a duration: milliseconds as a number, or a number with ms, s, m, h or d (200ms, 30s, 5m, 1h, 1d)';

/** The fix for a field whose value breaks its pattern or type, keyed by the field's name. */
export const FIELD_HINTS: Readonly<Record<string, string>> = {
  id: "must be lowercase letters, digits and '-' (e.g. shipment-to-partner)",
  type: "must be an event type like shipment.booking-requested; use '*' for one segment and '#' for any number",
  baseDelay: DURATION_HINT,
  maxDelay: DURATION_HINT,
  maxAge: DURATION_HINT,
  timeout: DURATION_HINT,
  when: 'must be a JSONata expression in a string (quote it)',
  from: 'must be a map such as { type: shipment.booking-requested }',
  steps: "must be a list of steps such as '- validate' and '- to: http.deliver'",
  retry: 'must be a map such as { attempts: 5, baseDelay: 200ms, maxDelay: 30s, maxAge: 1h }',
};

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds from a schema-valid duration (a number of ms, or "30s"-style text). */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return Math.round(value);
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value);
  if (!match) throw new Error(`'${value}' ${DURATION_HINT}`);
  return Math.round(Number(match[1]) * (UNIT_MS[match[2] ?? 'ms'] ?? 1));
}

const STEP_EXAMPLES: Readonly<Record<StepKind, string>> = {
  validate: 'validate: CargoBooking',
  map: 'map: http/shipment-to-partner',
  filter: 'filter: "data.pieces.count > 0"',
  split: 'split: "pieces"',
  to: 'to: http.deliver',
};

const EXPECTED_KINDS = `(expected one of ${STEP_KINDS.join(', ')})`;

/**
 * What is wrong with one step, in words a route author can act on; undefined when it is valid.
 * Hand-written because a union's schema errors list every branch instead of the likely intent.
 */
export function describeStepProblem(step: unknown): string | undefined {
  if (typeof step === 'string') {
    if (step === 'validate') return undefined;
    if (isStepKind(step)) return `step '${step}' needs a value, e.g. '- ${STEP_EXAMPLES[step]}'`;
    return unknownKind(step);
  }
  if (step === null || typeof step !== 'object' || Array.isArray(step)) {
    return `a step is 'validate' or one 'kind: value' entry such as '- ${STEP_EXAMPLES.map}' (got ${JSON.stringify(step)})`;
  }
  const keys = Object.keys(step);
  if (keys.includes('with')) return describeToWith(step as Record<string, unknown>, keys);
  const unknown = keys.find((key) => !isStepKind(key));
  if (unknown !== undefined) return unknownKind(unknown);
  const [kind, ...more] = keys as StepKind[];
  if (kind === undefined) return `a step is 'validate' or one 'kind: value' entry such as '- ${STEP_EXAMPLES.map}' (got {})`;
  if (more.length > 0) {
    return `one step has several kinds (${keys.join(', ')}); start each step with its own '- ', e.g. '- ${STEP_EXAMPLES[kind]}'`;
  }
  const value = (step as Record<string, unknown>)[kind];
  const got = JSON.stringify(value);
  switch (kind) {
    case 'validate':
      return value === null || (typeof value === 'string' && new RegExp(SCHEMA_NAME_PATTERN).test(value))
        ? undefined
        : `validate: expects a schema name such as CargoBooking, or write just '- validate' (got ${got})`;
    case 'map':
      return typeof value === 'string' && new RegExp(MAPPING_ID_PATTERN).test(value)
        ? undefined
        : `map: expects a mapping id '<connector>/<name>' such as http/shipment-to-partner (got ${got})`;
    case 'filter':
    case 'split':
      return typeof value === 'string' && value.trim().length > 0
        ? undefined
        : `${kind}: expects a JSONata expression as a string; quote it, e.g. '- ${STEP_EXAMPLES[kind]}' (got ${got})`;
    case 'to':
      return typeof value === 'string' && new RegExp(CONNECTOR_OPERATION_PATTERN).test(value)
        ? undefined
        : `to: expects '<connector>.<operation>' such as http.deliver (got ${got})`;
  }
}

/** A `to` step with a `with` mapping: both present, nothing else, each well formed. */
function describeToWith(step: Record<string, unknown>, keys: string[]): string | undefined {
  if (!keys.includes('to')) return `'with:' belongs to a 'to:' step ('- to: odoo.createSaleOrder' with 'with: odoo/order-to-sale-order' on the next line, indented alike)`;
  const extra = keys.filter((key) => key !== 'to' && key !== 'with');
  if (extra.length > 0) return `a 'to:' step takes only 'with:' beside it (got ${extra.join(', ')}); start each step with its own '- '`;
  const to = describeStepProblem({ to: step.to });
  if (to !== undefined) return to;
  return typeof step.with === 'string' && new RegExp(MAPPING_ID_PATTERN).test(step.with)
    ? undefined
    : `with: expects a mapping id '<connector>/<name>' such as odoo/order-to-sale-order (got ${JSON.stringify(step.with)})`;
}

/** The RouteStep for a step that passed the schema. */
export function toRouteStep(step: StepSpec): RouteStep {
  if (step === 'validate') return { kind: 'validate' };
  if ('validate' in step) return step.validate === null ? { kind: 'validate' } : { kind: 'validate', schema: step.validate };
  if ('map' in step) return { kind: 'map', mapping: step.map };
  if ('filter' in step) return { kind: 'filter', expression: step.filter };
  if ('split' in step) return { kind: 'split', expression: step.split };
  const dot = step.to.indexOf('.');
  const to = { kind: 'to' as const, connector: step.to.slice(0, dot), operation: step.to.slice(dot + 1) };
  return 'with' in step ? { ...to, mapping: step.with } : to;
}

function isStepKind(value: string): value is StepKind {
  return (STEP_KINDS as readonly string[]).includes(value);
}

function unknownKind(kind: string): string {
  const guess = closest(kind, STEP_KINDS);
  return `unknown step '${kind}' ${EXPECTED_KINDS}${guess ? `; did you mean '${guess}'?` : ''}`;
}

/** The candidate within edit distance 2, for "did you mean" hints on typos. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
