// Runs a route's steps over one message: pure steps (validate, map, filter, split) every time,
// side-effecting `to` steps only when the journal does not already record them as done.
import type { Route, RouteStep } from './route';
import { stepLabel } from './route';
import type { Envelope } from '../envelope';
import { ConfigError, HubError, ValidationError } from '../errors';
import type { ValidationIssue } from '../errors';
import type { MappingContext } from '../mapping/mapping';

/** What the step runner needs from the rest of the hub. */
export interface StepServices {
  validate(schemaName: string | undefined, eventType: string, value: unknown): ValidationIssue[] | 'unknown-schema';
  hasMapping(id: string): boolean;
  map(id: string, input: unknown, ctx: MappingContext): Promise<unknown>;
  evaluate(expression: string, input: unknown, bindings: Record<string, unknown>): Promise<unknown>;
  /** Perform a `to` step (the caller checks and records it in the journal). */
  deliver(step: Extract<RouteStep, { kind: 'to' }>, stepKey: string, value: unknown): Promise<void>;
  isDone(stepKey: string): boolean;
}

export interface StepRunResult {
  /** Items that came through every step; 0 means a filter (or an empty split) stopped them all. */
  remainingItems: number;
}

/** Error raised by a step, carrying where it happened for the journal. */
export function placeError(error: unknown, route: Route, step: RouteStep, index: number): unknown {
  if (error instanceof HubError) {
    error.details.step ??= stepLabel(step, index);
    error.details.route ??= route.id;
  }
  return error;
}

export async function runSteps(route: Route, envelope: Envelope, services: StepServices): Promise<StepRunResult> {
  let items: Array<{ value: unknown; path: string }> = [{ value: envelope.data, path: '' }];
  const where = (index: number): string => `route '${route.id}' step ${index + 1} (${route.file}${route.stepLines?.[index] ? `:${route.stepLines[index]}` : ''})`;
  const mappingContext: MappingContext = {
    envelope: {
      id: envelope.id,
      type: envelope.type,
      tenant: envelope.tenant,
      correlationid: envelope.correlationid,
      time: envelope.time,
      ...(envelope.subject !== undefined ? { subject: envelope.subject } : {}),
    },
  };
  const applyMapping = async (mapping: string, value: unknown, index: number): Promise<unknown> => {
    if (!services.hasMapping(mapping)) {
      throw new ConfigError(`${where(index)}: no mapping '${mapping}' is registered; add mappings/src/${mapping}.mapping.ts (or .jsonata) or fix the route, then replay`);
    }
    return services.map(mapping, value, mappingContext);
  };
  for (const [index, step] of route.steps.entries()) {
    const next: Array<{ value: unknown; path: string }> = [];
    for (const item of items) {
      try {
        switch (step.kind) {
          case 'validate': {
            const issues = services.validate(step.schema, envelope.type, item.value);
            if (issues === 'unknown-schema') {
              throw new ConfigError(`${where(index)}: no schema '${step.schema ?? envelope.type}' in the canonical model; fix the route, then replay`);
            }
            if (issues.length > 0) throw new ValidationError(`${step.schema ?? envelope.type} payload${item.path ? ` item ${item.path}` : ''}`, issues);
            next.push(item);
            break;
          }
          case 'map': {
            const value = await applyMapping(step.mapping, item.value, index);
            next.push({ value, path: item.path });
            break;
          }
          case 'filter': {
            const keep = await services.evaluate(step.expression, item.value, { envelope });
            if (keep === true) next.push(item);
            break;
          }
          case 'split': {
            const parts = await services.evaluate(step.expression, item.value, { envelope });
            const list = parts === undefined ? [] : Array.isArray(parts) ? parts : [parts];
            list.forEach((value, i) => next.push({ value, path: `${item.path}/${i}` }));
            break;
          }
          case 'to': {
            const stepKey = `${index}${item.path}`;
            if (!services.isDone(stepKey)) {
              const input = step.mapping === undefined ? item.value : await applyMapping(step.mapping, item.value, index);
              await services.deliver(step, stepKey, input);
            }
            next.push(item);
            break;
          }
        }
      } catch (error) {
        throw placeError(error, route, step, index);
      }
    }
    items = next;
    if (items.length === 0) break;
  }
  return { remainingItems: items.length };
}
