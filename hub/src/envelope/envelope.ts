// The CloudEvents 1.0 envelope every message travels in, with Interline's extension attributes.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { randomBytes } from 'node:crypto';
import { check } from '../validation';
import { MalformedInputError, ValidationError } from '../errors';
import { uuidv7 } from './ids';

const TRACEPARENT = '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';
export const EVENT_TYPE_PATTERN = '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$';

export const EnvelopeSchema = Type.Object(
  {
    specversion: Type.Literal('1.0'),
    id: Type.String({ minLength: 1, maxLength: 200 }),
    source: Type.String({ minLength: 1, maxLength: 500 }),
    type: Type.String({ pattern: EVENT_TYPE_PATTERN, maxLength: 200 }),
    subject: Type.Optional(Type.String({ maxLength: 500 })),
    time: Type.Optional(Type.String({ format: 'date-time' })),
    datacontenttype: Type.Optional(Type.String()),
    dataschema: Type.Optional(Type.String()),
    data: Type.Optional(Type.Unknown()),
    correlationid: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    causationid: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    partitionkey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    tenant: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$' })),
    traceparent: Type.Optional(Type.String({ pattern: TRACEPARENT })),
  },
  { additionalProperties: true },
);

export type EnvelopeInput = Static<typeof EnvelopeSchema>;

/** An envelope after ingress: the attributes the hub relies on are always present. */
export interface Envelope<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  datacontenttype: string;
  dataschema?: string;
  data: T;
  correlationid: string;
  causationid?: string;
  partitionkey?: string;
  tenant: string;
  traceparent: string;
  [extension: string]: unknown;
}

export const DEFAULT_TENANT = 'default';

export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/** A child span in the same trace, so a derived message stays in its parent's trace. */
export function childTraceparent(parent: string): string {
  const traceId = parent.split('-')[1] ?? randomBytes(16).toString('hex');
  return `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
}

export interface NewEnvelope<T> {
  type: string;
  source: string;
  data: T;
  id?: string;
  subject?: string;
  tenant?: string;
  partitionkey?: string;
  /** The message this one is caused by: carries its correlation id and trace forward. */
  parent?: Pick<Envelope, 'id' | 'correlationid' | 'tenant' | 'traceparent'>;
  time?: string;
}

export function createEnvelope<T>(init: NewEnvelope<T>): Envelope<T> {
  const id = init.id ?? uuidv7();
  const envelope: Envelope<T> = {
    specversion: '1.0',
    id,
    source: init.source,
    type: init.type,
    time: init.time ?? new Date().toISOString(),
    datacontenttype: 'application/json',
    data: init.data,
    correlationid: init.parent?.correlationid ?? id,
    tenant: init.tenant ?? init.parent?.tenant ?? DEFAULT_TENANT,
    traceparent: init.parent ? childTraceparent(init.parent.traceparent) : newTraceparent(),
  };
  if (init.parent) envelope.causationid = init.parent.id;
  if (init.subject !== undefined) envelope.subject = init.subject;
  if (init.partitionkey !== undefined) envelope.partitionkey = init.partitionkey;
  return envelope;
}

/** Validate an incoming envelope and fill the attributes the hub needs (time, correlation, tenant, trace). */
export function normalizeEnvelope(input: unknown): Envelope {
  const result = check(EnvelopeSchema, input);
  if (!result.ok) throw new ValidationError('Envelope', result.issues);
  const value = result.value;
  return {
    ...value,
    time: value.time ?? new Date().toISOString(),
    datacontenttype: value.datacontenttype ?? 'application/json',
    data: value.data ?? null,
    correlationid: value.correlationid ?? value.id,
    tenant: value.tenant ?? DEFAULT_TENANT,
    traceparent: value.traceparent ?? newTraceparent(),
  } as Envelope;
}

/** Parse raw bytes from the wire into JSON, with the byte position of a syntax error. */
export function parseJson(raw: string, what: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MalformedInputError(`${what} is not valid JSON: ${reason}. Send a JSON document (Content-Type: application/json).`);
  }
}
