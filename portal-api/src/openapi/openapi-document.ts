// The OpenAPI 3.1 document, generated at start from the endpoint declarations and the TypeBox
// schemas they validate with: the request bodies checked are exactly the ones documented.
import type { TObject } from '@sinclair/typebox';
import type { EndpointSpec } from '../http/endpoint';
import { IDEMPOTENCY_HEADER } from '../http/validation-guard';
import { TENANT_HEADER } from '../http/request-context';
import { namedSchemas } from '../schemas/named-schemas';
import { ProblemSchema } from '../schemas/problem';
import { SchemaRefs } from './schema-refs';

type Json = Record<string, unknown>;

const PROBLEM_TITLES: Record<number, string> = {
  400: 'The request is invalid; `errors` names every failing field.',
  401: 'No valid bearer token (missing, expired or not signed for this portal).',
  403: 'The token’s roles do not allow this endpoint.',
  404: 'No such resource for this caller (resources of other tenants are not found either).',
  409: 'The resource’s state does not allow this (no capacity left, already cancelled, …).',
  413: 'The request body is larger than the limit.',
  415: 'The request body’s media type is not accepted here.',
  422: 'Well-formed but refused (Idempotency-Key reused with another request, unknown flight, …).',
  429: 'Rate limit exceeded; see Retry-After.',
  500: 'The portal failed; the error is logged.',
  503: 'A dependency is not ready.',
};

export interface DocumentInfo {
  title: string;
  version: string;
  description: string;
  serverUrl?: string;
}

function parameters(schema: TObject | undefined, location: 'path' | 'query', refs: SchemaRefs): Json[] {
  if (!schema) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: refs.ref(property),
  }));
}

function problemResponse(status: number): Json {
  return { description: PROBLEM_TITLES[status] ?? 'Problem.', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
}

function operation(spec: EndpointSpec, refs: SchemaRefs): Json {
  const params: Json[] = [...parameters(spec.params, 'path', refs), ...parameters(spec.query, 'query', refs)];
  if (spec.idempotent) {
    params.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Makes the request safe to retry: the same key with the same body returns the first response again; with another body, 422.',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
    });
  }
  if (spec.method !== 'GET' && spec.roles !== 'public') {
    params.push({ name: 'Interline-Tenant', in: 'header', required: false, description: 'Staff tokens (tenant *) only: the tenant the new resource belongs to; default `default`.', schema: { type: 'string' } });
  }
  const responses: Json = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    const content = response.schema ? { 'application/json': { schema: refs.ref(response.schema) } } : response.mediaType ? { [response.mediaType]: { schema: { type: 'string', contentMediaType: response.mediaType } } } : undefined;
    responses[status] = {
      description: response.description,
      ...(content ? { content } : {}),
      ...(response.headers ? { headers: Object.fromEntries(Object.entries(response.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }])) } : {}),
    };
  }
  const limited = spec.roles !== 'public' && !spec.unlimited;
  const problems = new Set([400, 500, ...(limited ? [429] : []), ...(spec.roles === 'public' ? [] : [401, 403]), ...(spec.problems ?? []), ...(spec.body || spec.rawBody ? [413, 415] : [])]);
  for (const status of [...problems].sort((a, b) => a - b)) responses[String(status)] ??= problemResponse(status);
  const op: Json = {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    security: spec.roles === 'public' ? [] : [{ bearerAuth: [] }],
    'x-roles': spec.roles === 'public' ? [] : [...spec.roles],
    parameters: params,
    responses,
  };
  if (spec.body) op.requestBody = { required: true, content: { 'application/json': { schema: refs.ref(spec.body) } } };
  if (spec.rawBody) {
    op.requestBody = {
      required: true,
      description: spec.rawBody.description,
      content: Object.fromEntries(spec.rawBody.mediaTypes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])),
    };
  }
  return op;
}

export function buildOpenApiDocument(endpoints: EndpointSpec[], info: DocumentInfo): Json {
  const refs = new SchemaRefs(namedSchemas());
  void ProblemSchema; // imported for its registration under components.schemas.Problem
  const paths: Record<string, Json> = {};
  for (const spec of endpoints) {
    if (spec.internal) continue;
    paths[spec.path] ??= {};
    (paths[spec.path] as Json)[spec.method.toLowerCase()] = operation(spec, refs);
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    tags: [...new Set(endpoints.filter((e) => !e.internal).map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: refs.components(),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: `OAuth2/OIDC access token with claims roles (customer, agent, support, partner, admin) and tenant; staff tokens carry tenant "*" and may name the tenant of a new resource in the ${TENANT_HEADER} header. Idempotency: ${IDEMPOTENCY_HEADER} on POST.`,
        },
      },
    },
  };
}
