// The side-effect-free step services: validation against the canonical model, mappings and
// JSONata expressions (compiled once per expression text, evaluated under limits).
import type { StepServices } from '../routing/step-runner';
import type { MappingRegistry } from '../mapping';
import { compileJsonata } from '../mapping';
import type { LimitedExpression } from '../mapping';
import { MODEL_SCHEMAS, validateEventData } from '../model';
import { check } from '../validation';
import type { TSchema } from '@sinclair/typebox';

export function pureStepServices(mappings: MappingRegistry): Pick<StepServices, 'validate' | 'hasMapping' | 'map' | 'evaluate'> {
  const expressions = new Map<string, LimitedExpression>();
  const schemas = MODEL_SCHEMAS as Record<string, TSchema>;
  return {
    validate(schemaName, eventType, value) {
      if (schemaName !== undefined) {
        const schema = schemas[schemaName];
        if (!schema) return 'unknown-schema';
        const result = check(schema, value);
        return result.ok ? [] : result.issues;
      }
      const result = validateEventData(eventType, value);
      return result.ok ? [] : result.issues;
    },
    hasMapping: (id) => mappings.has(id),
    map: (id, input, ctx) => mappings.run(id, input, ctx),
    async evaluate(expression, input, bindings) {
      let compiled = expressions.get(expression);
      if (!compiled) {
        compiled = compileJsonata(expression, { name: `expression '${expression}'` });
        expressions.set(expression, compiled);
      }
      return compiled.evaluate(input, bindings);
    },
  };
}
