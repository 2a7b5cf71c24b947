// Checks path parameters, query, headers and body against the endpoint's declared schemas before
// the handler runs: a handler only ever sees input of its declared shape, and a bad request is a
// 400 problem naming every failing field, with nothing written.
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { check } from '@interline/hub';
import type { TSchema } from '@sinclair/typebox';
import { endpointOf } from './endpoint';
import { fieldErrors, invalidRequest, portalProblem, ProblemException } from './problem';
import type { FieldError, IssueLocation } from './problem';
import { header } from './request-context';
import type { PortalRequest } from './request-context';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

function errorsOf(location: IssueLocation, schema: TSchema | undefined, value: unknown): FieldError[] {
  if (!schema) return [];
  const result = check(schema, value ?? {});
  return result.ok ? [] : fieldErrors(location, result.issues);
}

function mediaTypeOf(request: PortalRequest): string {
  return (header(request, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export class ValidationGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const spec = endpointOf(context.getHandler());
    if (!spec) return true;
    const request = context.switchToHttp().getRequest<PortalRequest>();
    const errors = [...errorsOf('path', spec.params, request.params), ...errorsOf('query', spec.query, request.query)];
    const key = header(request, IDEMPOTENCY_HEADER);
    if (key !== undefined && (!spec.idempotent || !IDEMPOTENCY_KEY.test(key))) {
      const message = spec.idempotent ? 'must be 1 to 255 printable ASCII characters without spaces' : `is not accepted by ${spec.method} ${spec.path}`;
      errors.push({ in: 'header', path: IDEMPOTENCY_HEADER, message, rule: spec.idempotent ? 'pattern' : 'not' });
    }
    if (spec.body) {
      if (request.body === undefined || request.body === null) {
        errors.push({ in: 'body', path: '/', message: 'is required: send a JSON document with Content-Type: application/json', rule: 'required' });
      } else {
        errors.push(...errorsOf('body', spec.body, request.body));
      }
    }
    if (spec.rawBody) {
      const mediaType = mediaTypeOf(request);
      if (!spec.rawBody.mediaTypes.includes(mediaType)) {
        throw new ProblemException(
          portalProblem(415, 'Unsupported Media Type', `Content-Type '${mediaType || 'none'}' is not accepted here; send one of ${spec.rawBody.mediaTypes.join(', ')}`, {
            errors: [{ in: 'header', path: 'content-type', message: `must be one of ${spec.rawBody.mediaTypes.join(', ')}`, rule: 'enum' }],
          }),
        );
      }
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
        errors.push({ in: 'body', path: '/', message: 'is required: the file bytes are the request body', rule: 'required' });
      }
    }
    if (errors.length > 0) throw invalidRequest(errors);
    return true;
  }
}
