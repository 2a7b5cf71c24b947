// Loads routes/*.yaml into Route[], failing the start with file:line:column messages that say what
// to fix, and reports (without failing) references to mappings, connectors or schemas that are missing.
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { ConfigError } from '../errors';
import type { ValidationIssue } from '../errors';
import { DEFAULT_RETRY_POLICY } from '../delivery/retry-policy';
import { compileJsonata, JsonataSyntaxError } from '../mapping/jsonata-limits';
import { check } from '../validation';
import type { Route } from './route';
import {
  FIELD_HINTS,
  KNOWN_FIELDS,
  RouteFileSchema,
  closest,
  describeStepProblem,
  parseDuration,
  toRouteStep,
} from './route-schema';
import type { RouteSpec } from './route-schema';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_CONCURRENCY = 8;

export interface LoadRoutesOptions {
  /** File names in messages and in Route.file are relative to this folder; defaults to the cwd. */
  displayRoot?: string;
}

interface Place {
  line: number;
  col: number;
}

interface ParsedFile {
  routes: Array<{ route: Route; idAt: Place }>;
  problems: string[];
}

interface Problem extends Place {
  text: string;
}

/** Every route in `dir` (its *.yaml and *.yml files, in file-name order), or one ConfigError listing every problem. */
export async function loadRoutes(dir: string, options: LoadRoutesOptions = {}): Promise<Route[]> {
  const displayRoot = options.displayRoot ?? process.cwd();
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries.filter((e) => e.isFile() && /\.ya?ml$/.test(e.name)).map((e) => e.name).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const shown = displayPath(dir, displayRoot);
    if (code === 'ENOENT') throw new ConfigError(`routes directory ${shown} does not exist; create it or point the hub at the folder that holds the route files`, { dir });
    throw new ConfigError(`routes directory ${shown} cannot be read: ${(error as Error).message}`, { dir }, { cause: error });
  }

  const problems: string[] = [];
  const routes: Route[] = [];
  const firstSeen = new Map<string, { file: string; idAt: Place }>();
  for (const name of names) {
    const full = path.join(dir, name);
    const file = displayPath(full, displayRoot);
    const parsed = parseRouteSource(await readFile(full, 'utf8'), file);
    problems.push(...parsed.problems);
    for (const { route, idAt } of parsed.routes) {
      const first = firstSeen.get(route.id);
      if (first && first.file !== file) {
        problems.push(
          `${file}:${idAt.line}:${idAt.col}: route id '${route.id}' is already used at ${first.file}:${first.idAt.line}; ` +
            'route ids must be unique across all route files, so rename one of them',
        );
        continue;
      }
      firstSeen.set(route.id, { file, idAt });
      routes.push(route);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'), { problems });
  return routes;
}

/** The routes of one file's text; `file` is the name used in messages and Route.file. */
export function parseRouteFile(text: string, file: string): Route[] {
  const parsed = parseRouteSource(text, file);
  if (parsed.problems.length > 0) throw new ConfigError(parsed.problems.join('\n'), { problems: parsed.problems });
  return parsed.routes.map((r) => r.route);
}

function parseRouteSource(text: string, file: string): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const at = (place: Place, message: string): Problem => ({ ...place, text: `${file}:${place.line}:${place.col}: ${message}` });
  // Reported in source order, whichever check found them.
  const done = (routes: ParsedFile['routes'], problems: Problem[]): ParsedFile => ({
    routes: problems.length > 0 ? [] : routes,
    problems: [...problems].sort((a, b) => a.line - b.line || a.col - b.col).map((problem) => problem.text),
  });

  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => {
      const place = error.linePos?.[0] ?? { line: 1, col: 1 };
      const reason = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
      return at(place, `YAML syntax error: ${reason} (check the indentation, and quote values that contain ': ' or ' #')`);
    });
    return done([], problems);
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return done([], [at({ line: 1, col: 1 }, `cannot read the YAML: ${(error as Error).message}`)]);
  }
  if (value === null || value === undefined) {
    return done([], [at({ line: 1, col: 1 }, "the file is empty; a route file holds a top-level 'routes:' list")]);
  }

  const locate = (pointer: string[], pointAtKey = false): Place => placeOf(doc, lineCounter, pointer, pointAtKey);
  const problems: Problem[] = [];

  // Steps first, in the author's terms; schema issues inside a step already explained are dropped.
  const explainedSteps = new Set<string>();
  const rawRoutes = (value as { routes?: unknown }).routes;
  if (Array.isArray(rawRoutes)) {
    rawRoutes.forEach((raw, r) => {
      const steps = (raw as { steps?: unknown } | null)?.steps;
      if (!Array.isArray(steps)) return;
      steps.forEach((step, s) => {
        const problem = describeStepProblem(step);
        if (problem === undefined) return;
        explainedSteps.add(`/routes/${r}/steps/${s}`);
        problems.push(at(locate(['routes', String(r), 'steps', String(s)]), `${routeName(raw, r)} step ${s + 1}: ${problem}`));
      });
    });
  }

  const result = check(RouteFileSchema, value);
  if (!result.ok) {
    for (const issue of result.issues) {
      const stepPath = /^\/routes\/\d+\/steps\/\d+/.exec(issue.path)?.[0];
      if (stepPath !== undefined && explainedSteps.has(stepPath)) continue;
      const segments = issue.path.split('/').slice(1).map(unescapePointer);
      problems.push(at(locate(segments, issue.rule === 'additionalProperties'), explainIssue(issue, segments, value)));
    }
  }
  if (!result.ok || problems.length > 0) return done([], problems);

  const routes: ParsedFile['routes'] = [];
  const idsInFile = new Map<string, Place>();
  result.value.routes.forEach((spec, r) => {
    const base = ['routes', String(r)];
    const idAt = locate([...base, 'id']);
    const earlier = idsInFile.get(spec.id);
    if (earlier) {
      problems.push(at(idAt, `route id '${spec.id}' is already used at line ${earlier.line} of this file; route ids must be unique, so rename one of them`));
      return;
    }
    idsInFile.set(spec.id, idAt);
    const route = toRoute(spec, file, locate(base).line, spec.steps.map((_, s) => locate([...base, 'steps', String(s)]).line));
    problems.push(...semanticProblems(spec, (pointer, message) => at(locate([...base, ...pointer]), message)));
    routes.push({ route, idAt });
  });
  return done(routes, problems);
}

function toRoute(spec: RouteSpec, file: string, line: number, stepLines: number[]): Route {
  const retry = spec.retry ?? {};
  return {
    id: spec.id,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    file,
    from: { type: spec.from.type, ...(spec.from.when !== undefined ? { when: spec.from.when } : {}) },
    steps: spec.steps.map(toRouteStep),
    retry: {
      attempts: retry.attempts ?? DEFAULT_RETRY_POLICY.attempts,
      baseDelayMs: retry.baseDelay !== undefined ? parseDuration(retry.baseDelay) : DEFAULT_RETRY_POLICY.baseDelayMs,
      maxDelayMs: retry.maxDelay !== undefined ? parseDuration(retry.maxDelay) : DEFAULT_RETRY_POLICY.maxDelayMs,
      maxAgeMs: retry.maxAge !== undefined ? parseDuration(retry.maxAge) : DEFAULT_RETRY_POLICY.maxAgeMs,
    },
    timeoutMs: spec.timeout !== undefined ? parseDuration(spec.timeout) : DEFAULT_TIMEOUT_MS,
    orderingKey: spec.ordering ?? 'partitionkey',
    concurrency: spec.concurrency ?? DEFAULT_CONCURRENCY,
    line,
    stepLines,
  };
}

/** Rules the schema cannot say: expressions must compile, delays must be ordered, timeouts positive. */
function semanticProblems(spec: RouteSpec, at: (pointer: string[], message: string) => Problem): Problem[] {
  const problems: Problem[] = [];
  const name = `route '${spec.id}'`;
  const expressions: Array<{ pointer: string[]; label: string; source: string }> = [];
  if (spec.from.when !== undefined) expressions.push({ pointer: ['from', 'when'], label: 'from.when', source: spec.from.when });
  spec.steps.forEach((step, s) => {
    if (typeof step !== 'object') return;
    if ('filter' in step) expressions.push({ pointer: ['steps', String(s), 'filter'], label: `step ${s + 1} (filter)`, source: step.filter });
    if ('split' in step) expressions.push({ pointer: ['steps', String(s), 'split'], label: `step ${s + 1} (split)`, source: step.split });
  });
  for (const { pointer, label, source } of expressions) {
    try {
      compileJsonata(source);
    } catch (error) {
      if (!(error instanceof JsonataSyntaxError)) throw error;
      problems.push(at(pointer, `${name} ${label}: ${error.message}; fix the expression (try it at try.jsonata.org)`));
    }
  }
  const retry = spec.retry ?? {};
  const baseDelayMs = retry.baseDelay !== undefined ? parseDuration(retry.baseDelay) : DEFAULT_RETRY_POLICY.baseDelayMs;
  const maxDelayMs = retry.maxDelay !== undefined ? parseDuration(retry.maxDelay) : DEFAULT_RETRY_POLICY.maxDelayMs;
  if (baseDelayMs > maxDelayMs) {
    const pointer = retry.baseDelay !== undefined ? ['retry', 'baseDelay'] : ['retry', 'maxDelay'];
    problems.push(at(pointer, `${name} retry: baseDelay (${baseDelayMs} ms) is larger than maxDelay (${maxDelayMs} ms); lower baseDelay or raise maxDelay`));
  }
  if (spec.timeout !== undefined && parseDuration(spec.timeout) === 0) {
    problems.push(at(['timeout'], `${name} timeout: must be more than 0 (e.g. 10s); leave it out for the default of 10s`));
  }
  return problems;
}

function explainIssue(issue: ValidationIssue, segments: string[], document: unknown): string {
  const inRoute = segments[0] === 'routes' && segments[1] !== undefined;
  const routeIndex = Number(segments[1]);
  const prefix = inRoute ? routeName((document as { routes: unknown[] }).routes[routeIndex], routeIndex) : '';
  const fieldPath = inRoute ? segments.slice(2) : segments;
  const got = valueAt(document, segments);

  if (issue.rule === 'additionalProperties') {
    const field = fieldPath[fieldPath.length - 1] ?? '';
    const owner = fieldPath.slice(0, -1);
    const known = !inRoute ? KNOWN_FIELDS.file : owner.length === 0 ? KNOWN_FIELDS.route : owner[0] === 'from' ? KNOWN_FIELDS.from : KNOWN_FIELDS.retry;
    const guess = closest(field, known);
    const text = `unknown field '${field}' (expected one of ${known.join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`;
    return join(prefix, describeField(owner), text);
  }
  if (issue.rule === 'required') {
    const field = fieldPath[fieldPath.length - 1] ?? '';
    if (!inRoute && field === 'routes') return "missing the top-level 'routes:' list";
    return join(prefix, describeField(fieldPath.slice(0, -1)), `missing required field '${field}'`);
  }
  const last = fieldPath[fieldPath.length - 1] ?? '';
  const hint = FIELD_HINTS[last];
  const reason = hint !== undefined && ['pattern', 'type', 'minimum'].includes(issue.rule) ? hint : issue.message;
  if (!inRoute && fieldPath.length === 0) return `the file must be a map with a 'routes:' list (got ${show(got)})`;
  if (issue.rule === 'minItems' && last === 'routes') return "the 'routes:' list is empty; add a route or delete the file";
  if (issue.rule === 'minItems' && last === 'steps') return join(prefix, '', "'steps:' is empty; a route needs at least one step");
  return join(prefix, describeField(fieldPath), `${reason} (got ${show(got)})`);
}

/** "retry.baseDelay", "from.type", "steps" — how a route author names a field. */
function describeField(pointer: string[]): string {
  return pointer.join('.');
}

function join(routePart: string, field: string, text: string): string {
  if (routePart && field) return `${routePart} ${field}: ${text}`;
  if (routePart) return `${routePart}: ${text}`;
  return field ? `${field}: ${text}` : text;
}

function routeName(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 ? `route '${id}'` : `route ${index + 1}`;
}

function valueAt(document: unknown, segments: string[]): unknown {
  let current: unknown = document;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Where a JSON pointer lands in the YAML source: the deepest node that exists on the way. */
function placeOf(doc: Document, lineCounter: LineCounter, pointer: string[], pointAtKey: boolean): Place {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of pointer) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      const valueStart = rangeStart(pair.value);
      offset = (pointAtKey || valueStart === undefined ? keyStart : valueStart) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}

function rangeStart(node: unknown): number | undefined {
  return (node as YamlNode | null | undefined)?.range?.[0];
}

function displayPath(file: string, root: string): string {
  const relative = path.relative(root, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative;
}

export interface RouteReferenceResolver {
  hasMapping(id: string): boolean;
  hasOperation(connector: string, operation: string): boolean;
  hasSchema(name: string): boolean;
}

export interface RouteWarning {
  route: string;
  file: string;
  line: number | undefined;
  message: string;
}

/**
 * Steps that name a mapping, connector operation or schema nobody provides. These warn instead of
 * failing the start: the other routes keep working, and messages for this one dead-letter with the same reason.
 */
export function checkRouteReferences(routes: readonly Route[], resolver: RouteReferenceResolver): RouteWarning[] {
  const warnings: RouteWarning[] = [];
  for (const route of routes) {
    route.steps.forEach((step, s) => {
      let problem: string | undefined;
      if (step.kind === 'map' && !resolver.hasMapping(step.mapping)) {
        problem = `mapping '${step.mapping}' is not registered; add mappings/src/${step.mapping}.mapping.ts (or .jsonata) and run \`npm run build\``;
      } else if (step.kind === 'to' && !resolver.hasOperation(step.connector, step.operation)) {
        problem = `connector operation '${step.connector}.${step.operation}' is not available; check that connector '${step.connector}' is configured and has an operation '${step.operation}'`;
      } else if (step.kind === 'to' && step.mapping !== undefined && !resolver.hasMapping(step.mapping)) {
        problem = `mapping '${step.mapping}' (with:) is not registered; add mappings/src/${step.mapping}.mapping.ts (or .jsonata) and run \`npm run build\``;
      } else if (step.kind === 'validate' && step.schema !== undefined && !resolver.hasSchema(step.schema)) {
        problem = `schema '${step.schema}' is not in the model; use a canonical schema name such as CargoBooking`;
      }
      if (problem === undefined) return;
      const line = route.stepLines?.[s] ?? route.line;
      warnings.push({
        route: route.id,
        file: route.file,
        line,
        message: `${route.file}:${line ?? '?'}: route '${route.id}' step ${s + 1}: ${problem}; messages on this route will dead-letter until it is fixed`,
      });
    });
  }
  return warnings;
}
