// The RFC 9457 problem document every error response carries, with the portal's field errors.
import { Type } from '@sinclair/typebox';
import { named } from './named-schemas';

export const FieldErrorSchema = named(
  'FieldError',
  Type.Object(
    {
      in: Type.Unsafe<'body' | 'query' | 'path' | 'header'>({ type: 'string', enum: ['body', 'query', 'path', 'header'], description: 'Part of the request the value is in.' }),
      path: Type.String({ description: 'JSON Pointer into the body (/pieces/0/grossWeightKg), or the parameter or header name.' }),
      message: Type.String({ description: 'What is wrong, in words.' }),
      rule: Type.String({ description: 'The rule that failed (required, type, pattern, awbCheckDigit, additionalProperties…).' }),
    },
    { additionalProperties: false, description: 'One failing field.' },
  ),
);

export const ProblemSchema = named(
  'Problem',
  Type.Object(
    {
      type: Type.String({ format: 'uri', description: 'Identifies the kind of problem.' }),
      title: Type.String({ description: 'Short, human-readable summary of the kind of problem.' }),
      status: Type.Integer({ minimum: 400, maximum: 599, description: 'The HTTP status code.' }),
      detail: Type.String({ description: 'What went wrong with this request and how to fix it.' }),
      instance: Type.Optional(Type.String({ description: 'The request path.' })),
      code: Type.Optional(Type.String({ description: 'Machine-readable reason (NO_CAPACITY, IDEMPOTENCY_KEY_REUSED, …).' })),
      errors: Type.Optional(Type.Array(FieldErrorSchema, { description: 'The failing fields, when the request was invalid.' })),
    },
    { additionalProperties: true, description: 'RFC 9457 problem details (application/problem+json).' },
  ),
);
