// Which routes a message goes to: the event type against each route's pattern (AMQP topic style),
// then the route's `when` predicate over the envelope, in the order the routes were loaded.
import { ConfigError, MappingError } from '../errors';
import { compileJsonata, JsonataSyntaxError, jsonataBoolean } from '../mapping/jsonata-limits';
import type { JsonataLimits, LimitedExpression } from '../mapping/jsonata-limits';
import type { Route } from './route';

/** `*` matches exactly one dot-separated segment, `#` zero or more; anything else matches itself. */
export function matchesType(pattern: string, type: string): boolean {
  return segmentsMatch(pattern.split('.'), type.split('.'));
}

function segmentsMatch(pattern: readonly string[], type: readonly string[]): boolean {
  // reach[j]: the pattern segments so far can consume exactly the first j type segments.
  let reach: boolean[] = Array.from({ length: type.length + 1 }, (_, j) => j === 0);
  for (const segment of pattern) {
    const next: boolean[] = new Array<boolean>(type.length + 1).fill(false);
    if (segment === '#') {
      let reachable = false;
      for (let j = 0; j <= type.length; j++) {
        reachable = reachable || reach[j] === true;
        next[j] = reachable;
      }
    } else {
      for (let j = 0; j < type.length; j++) {
        if (reach[j] && (segment === '*' || segment === type[j])) next[j + 1] = true;
      }
    }
    reach = next;
  }
  return reach[type.length] === true;
}

function isWildcard(pattern: string): boolean {
  return pattern.split('.').some((segment) => segment === '*' || segment === '#');
}

interface Entry {
  route: Route;
  /** Position in the input, so exact and wildcard candidates merge back into file order. */
  order: number;
  when: LimitedExpression | undefined;
}

export interface RouteMatchFailure {
  route: Route;
  /** The predicate could not be evaluated (error, time or depth limit): dead-letter for this route. */
  error: MappingError;
}

export interface RouteMatch {
  /** Routes to run, in file order. */
  routes: Route[];
  /** Routes whose type matched but whose predicate failed; the other routes are unaffected. */
  failures: RouteMatchFailure[];
}

export interface RouteTableOptions {
  /** Limits for `when` predicates; they run for every message of the type, so keep them tight. */
  limits?: Partial<JsonataLimits>;
}

export class RouteTable {
  // Most routes name one exact type: a map lookup. Only wildcard routes are scanned per message.
  private readonly exact = new Map<string, Entry[]>();
  private readonly wildcard: Entry[] = [];
  readonly routes: readonly Route[];

  constructor(routes: readonly Route[], options: RouteTableOptions = {}) {
    this.routes = routes;
    routes.forEach((route, order) => {
      const entry: Entry = { route, order, when: compileWhen(route, options.limits) };
      if (isWildcard(route.from.type)) {
        this.wildcard.push(entry);
      } else {
        const list = this.exact.get(route.from.type) ?? [];
        list.push(entry);
        this.exact.set(route.from.type, list);
      }
    });
  }

  /** Routes whose type pattern matches, before predicates, in file order. */
  routesForType(type: string): Route[] {
    return this.candidates(type).map((entry) => entry.route);
  }

  /** Routes for this envelope: type matched and `when` (JSONata, over the whole envelope) true. */
  async match(envelope: { type: string }): Promise<RouteMatch> {
    const routes: Route[] = [];
    const failures: RouteMatchFailure[] = [];
    for (const entry of this.candidates(envelope.type)) {
      if (!entry.when) {
        routes.push(entry.route);
        continue;
      }
      try {
        if (jsonataBoolean(await entry.when.evaluate(envelope))) routes.push(entry.route);
      } catch (error) {
        const mappingError =
          error instanceof MappingError
            ? error
            : new MappingError(`route '${entry.route.id}' from.when failed: ${(error as Error).message}`, { route: entry.route.id }, { cause: error });
        failures.push({ route: entry.route, error: mappingError });
      }
    }
    return { routes, failures };
  }

  private candidates(type: string): Entry[] {
    const exact = this.exact.get(type) ?? [];
    const wild = this.wildcard.filter((entry) => matchesType(entry.route.from.type, type));
    if (wild.length === 0) return exact;
    if (exact.length === 0) return wild;
    // Both lists are already in file order: merge them.
    const merged: Entry[] = [];
    let i = 0;
    let j = 0;
    while (i < exact.length || j < wild.length) {
      const a = exact[i];
      const b = wild[j];
      if (b === undefined || (a !== undefined && a.order < b.order)) {
        merged.push(a as Entry);
        i++;
      } else {
        merged.push(b);
        j++;
      }
    }
    return merged;
  }
}

function compileWhen(route: Route, limits: Partial<JsonataLimits> | undefined): LimitedExpression | undefined {
  if (route.from.when === undefined) return undefined;
  try {
    return compileJsonata(route.from.when, { name: `route '${route.id}' from.when`, ...(limits ? { limits } : {}) });
  } catch (error) {
    if (!(error instanceof JsonataSyntaxError)) throw error;
    const where = route.line !== undefined ? `${route.file}:${route.line}: ` : '';
    throw new ConfigError(`${where}${error.message}`, { route: route.id }, { cause: error });
  }
}
