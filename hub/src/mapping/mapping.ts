// What a mapping is: a named, pure transformation from one shape to another, with fixture cases.

export interface MappingContext {
  /** The envelope of the message being mapped (type, tenant, subject, ids). */
  envelope: { id: string; type: string; tenant: string; subject?: string; correlationid: string; time: string };
  /** Lookup of external ids kept by connectors (canonical id → external id). */
  binding?: (connector: string, entity: string, canonicalId: string) => Promise<string | undefined>;
}

export interface Mapping<In = unknown, Out = unknown> {
  id: string;
  /** What it reads and writes: a canonical schema name, an event type, or a connector shape. */
  from: string;
  to: string;
  description?: string;
  map(input: In, ctx: MappingContext): Out | Promise<Out>;
}

/** Define a TypeScript mapping module; `export default defineMapping({...})`. */
export function defineMapping<In, Out>(mapping: Mapping<In, Out>): Mapping<In, Out> {
  return mapping;
}

/** One fixture case beside a mapping: input and either the expected output or the expected error. */
export interface MappingCase {
  name: string;
  input: unknown;
  expected?: unknown;
  /** A substring (or /regex/) the error message must contain when the input is meant to fail. */
  error?: string;
  /** Envelope attributes for the context; defaults are filled in. */
  envelope?: Partial<MappingContext['envelope']>;
}
