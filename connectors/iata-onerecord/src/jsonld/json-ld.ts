// JSON-LD processing with the jsonld package, always in safe mode and always through the local
// document loader: expand, flatten and compact, with failures turned into errors that say what to fix.
import jsonld from 'jsonld';
import { MalformedInputError } from '@interline/hub';
import { RemoteContextRefusedError, localDocumentLoader, oneRecordContext } from './document-loader';

/** A node in expanded form: full IRIs as keys, every value an array of value or node objects. */
export type ExpandedNode = Record<string, unknown> & { '@id'?: string; '@type'?: string[] };

interface ProcessorOptions {
  base?: string | null;
  safe?: boolean;
  documentLoader: typeof localDocumentLoader;
  compactToRelative?: boolean;
}

/** The slice of the jsonld API the connector uses; @types/jsonld predates safe mode and promise loaders. */
interface JsonLdProcessor {
  expand(input: unknown, options: ProcessorOptions): Promise<unknown[]>;
  flatten(input: unknown, context: null, options: ProcessorOptions): Promise<unknown[]>;
  compact(input: unknown, context: Record<string, unknown>, options: ProcessorOptions): Promise<Record<string, unknown>>;
}

const processor = jsonld as unknown as JsonLdProcessor;

/** The document is not usable JSON-LD; `code` is the jsonld or safe-mode code behind it. */
export class JsonLdDocumentError extends MalformedInputError {
  readonly code: string;
  constructor(what: string, code: string, detail: string) {
    super(`${what} is not usable JSON-LD (${code}): ${detail}`, { code });
    this.code = code;
  }
}

interface JsonLdFailure {
  name?: string;
  message?: string;
  details?: { code?: string; cause?: unknown; event?: { code?: string; details?: Record<string, unknown> } };
}

/**
 * A loader for one call that remembers what it refused: jsonld wraps some loader failures (scoped
 * contexts) without keeping the cause, and the refusal must still surface as what it is.
 */
function trackingLoader(): { loader: typeof localDocumentLoader; refused: string[] } {
  const refused: string[] = [];
  const loader = async (url: string) => {
    try {
      return await localDocumentLoader(url);
    } catch (error) {
      if (error instanceof RemoteContextRefusedError) refused.push(url);
      throw error;
    }
  };
  return { loader, refused };
}

function translate(error: unknown, what: string, refused: string[] = []): Error {
  if (refused[0] !== undefined) return new RemoteContextRefusedError(refused[0]);
  const failure = (error ?? {}) as JsonLdFailure;
  const cause = failure.details?.cause;
  if (cause instanceof RemoteContextRefusedError) return cause;
  if (error instanceof RemoteContextRefusedError) return error;
  const event = failure.details?.event;
  if (event?.code === 'invalid property') {
    const property = String(event.details?.property ?? '?');
    return new JsonLdDocumentError(what, 'invalid property', `property "${property}" does not expand to an IRI; prefix it (cargo:${property}) or define it in the @context — it would otherwise be dropped silently`);
  }
  if (event?.code === 'relative @type reference' || event?.code === 'invalid @type value') {
    const type = String(event.details?.type ?? '?');
    return new JsonLdDocumentError(what, event.code, `type "${type}" is not an absolute IRI; write it as cargo:${type} or set @vocab to the cargo namespace`);
  }
  if (event?.code !== undefined) {
    return new JsonLdDocumentError(what, event.code, `${failure.message ?? 'safe mode refused the document'} ${JSON.stringify(event.details ?? {})}`);
  }
  const code = failure.details?.code ?? failure.name ?? 'error';
  return new JsonLdDocumentError(what, code, failure.message ?? String(error));
}

function assertDocument(document: unknown, what: string): void {
  if (document === null || typeof document !== 'object') {
    throw new JsonLdDocumentError(what, 'not an object', `expected a JSON object or array, got ${document === null ? 'null' : typeof document}`);
  }
}

/** Expand to full IRIs; relative @id values resolve against `base` (the partner server). */
export async function expandDocument(document: unknown, options: { base?: string; what?: string } = {}): Promise<ExpandedNode[]> {
  const what = options.what ?? 'the document';
  assertDocument(document, what);
  const { loader, refused } = trackingLoader();
  try {
    return (await processor.expand(document, { base: options.base ?? null, safe: true, documentLoader: loader })) as ExpandedNode[];
  } catch (error) {
    throw translate(error, what, refused);
  }
}

/** Flatten into one node per subject, blank nodes named _:b0…; accepts expanded, compacted or @graph input. */
export async function flattenDocument(document: unknown, options: { base?: string; what?: string } = {}): Promise<ExpandedNode[]> {
  const what = options.what ?? 'the document';
  assertDocument(document, what);
  const { loader, refused } = trackingLoader();
  try {
    return (await processor.flatten(document, null, { base: options.base ?? null, safe: true, documentLoader: loader })) as ExpandedNode[];
  } catch (error) {
    throw translate(error, what, refused);
  }
}

/** Compact with the ONE Record context (inline, as the specification's examples do); IRIs stay absolute. */
export async function compactDocument(document: unknown, options: { what?: string; context?: Record<string, unknown> } = {}): Promise<Record<string, unknown>> {
  const what = options.what ?? 'the document';
  assertDocument(document, what);
  const { loader, refused } = trackingLoader();
  try {
    return await processor.compact(document, options.context ?? oneRecordContext(), { safe: true, compactToRelative: false, documentLoader: loader });
  } catch (error) {
    throw translate(error, what, refused);
  }
}
