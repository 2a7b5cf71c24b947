// Request body parsing with two limits: JSON documents (small) and partner file uploads (larger,
// kept as raw bytes so the stored SHA-256 is of exactly what the partner sent).

export interface BodyLimits {
  /** Largest JSON body accepted (bytes). */
  jsonBytes: number;
  /** Largest partner file upload accepted (bytes). */
  fileBytes: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = { jsonBytes: 1024 * 1024, fileBytes: 10 * 1024 * 1024 };

/** Media types a partner file may be uploaded as; the body is handed over as a Buffer. */
export const FILE_MEDIA_TYPES = ['application/edifact', 'application/ld+json', 'application/octet-stream'] as const;

type Done = (error: Error | null, body?: unknown) => void;

/** The few Fastify instance methods used here, structurally (Nest bundles its own Fastify copy). */
export interface ParserHost {
  addContentTypeParser(contentType: string | string[], options: { parseAs: 'string' | 'buffer'; bodyLimit: number }, parser: (request: unknown, body: string | Buffer, done: Done) => void): void;
  getDefaultJsonParser(onProto: 'error', onConstructor: 'error'): (request: unknown, body: string | Buffer, done: Done) => void;
  removeContentTypeParser(contentType: string): void;
}

export function registerBodyParsers(instance: ParserHost, limits: BodyLimits): void {
  // Fastify parses text/plain by default; no endpoint takes it, so it is a 415 like any other type.
  instance.removeContentTypeParser('text/plain');
  // The default parser refuses __proto__ and constructor.prototype keys (prototype poisoning).
  instance.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: limits.jsonBytes }, instance.getDefaultJsonParser('error', 'error'));
  instance.addContentTypeParser([...FILE_MEDIA_TYPES], { parseAs: 'buffer', bodyLimit: limits.fileBytes }, (_request, body, done) => done(null, body));
}
