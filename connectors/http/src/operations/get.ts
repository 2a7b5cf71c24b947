// get: read a resource from the remote API (no side effect), e.g. to enrich a message in a route.
import { Type } from '@sinclair/typebox';
import { defineOperation } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type { HttpClient, HttpResult } from '../client';
import { PathSchema } from '../config';

export const GetInputSchema = Type.Object(
  {
    path: PathSchema,
    query: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]), { description: 'Query parameters, URL-encoded and appended to path.' }),
    ),
  },
  { additionalProperties: false },
);

export const get = defineOperation({
  summary: 'GET a path relative to baseUrl and return its JSON body.',
  input: GetInputSchema,
  sideEffect: false,
  async run(client: HttpClient, input, ctx: OperationContext): Promise<HttpResult> {
    return client.request({ method: 'GET', path: withQuery(input.path, input.query), idempotencyKey: ctx.idempotencyKey, signal: ctx.signal });
  },
});

function withQuery(path: string, query: Record<string, string | number | boolean> | undefined): string {
  if (query === undefined || Object.keys(query).length === 0) return path;
  const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]));
  return `${path}${path.includes('?') ? '&' : '?'}${search.toString()}`;
}
