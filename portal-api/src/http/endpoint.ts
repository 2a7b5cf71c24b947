// One declaration per endpoint drives routing, authorization, request validation and the OpenAPI
// document, so what the API checks and what it documents cannot drift apart.
import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put, SetMetadata } from '@nestjs/common';
import type { TObject, TSchema } from '@sinclair/typebox';
import type { Role } from '@interline/hub';

export const ENDPOINT_METADATA = 'interline:portal:endpoint';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ResponseSpec {
  description: string;
  /** JSON body schema; absent for an empty body or a raw one (see mediaType). */
  schema?: TSchema;
  /** A non-JSON body (file downloads). */
  mediaType?: string;
  headers?: Record<string, string>;
}

export interface EndpointSpec {
  method: HttpMethod;
  /** OpenAPI-style path: /v1/shipments/{awb}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Roles allowed to call it; 'public' needs no token and is not rate limited by subject. */
  roles: readonly Role[] | 'public';
  params?: TObject;
  query?: TObject;
  /** A JSON request body, validated against this schema before the handler runs. */
  body?: TSchema;
  /** A raw request body (file upload) in one of these media types, handed over as a Buffer. */
  rawBody?: { mediaTypes: string[]; description: string };
  /** Accepts an Idempotency-Key header (state-changing POSTs). */
  idempotent?: boolean;
  responses: Record<number, ResponseSpec>;
  /** Problem statuses this endpoint can answer besides 400/401/403/429/500, which every one can. */
  problems?: number[];
  /** Hidden from the document (docs assets). */
  internal?: boolean;
  /** Not rate limited: the hub's own deliveries (internal endpoints) must not be throttled as a client. */
  unlimited?: boolean;
}

const ROUTE = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete } as const;

/** Declare an endpoint: the Nest route, its success status and the spec the guards and the document read. */
export function Endpoint(spec: EndpointSpec): MethodDecorator {
  const success = Object.keys(spec.responses).map(Number).find((status) => status >= 200 && status < 300) ?? 200;
  const nestPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
  return applyDecorators(ROUTE[spec.method](nestPath), HttpCode(success), SetMetadata(ENDPOINT_METADATA, spec));
}

export function endpointOf(handler: unknown): EndpointSpec | undefined {
  return typeof handler === 'function' ? (Reflect.getMetadata(ENDPOINT_METADATA, handler) as EndpointSpec | undefined) : undefined;
}

/** Every endpoint declared on the given controllers, in declaration order. */
export function collectEndpoints(controllers: ReadonlyArray<abstract new (...args: never[]) => unknown>): EndpointSpec[] {
  const specs: EndpointSpec[] = [];
  for (const controller of controllers) {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      if (name === 'constructor') continue;
      const spec = endpointOf(prototype[name]);
      if (spec) specs.push(spec);
    }
  }
  return specs;
}
