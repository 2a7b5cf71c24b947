// The only JSON-LD document loader the connector uses: contexts come from the files shipped in
// contexts/, never from the network, so a partner document cannot make the hub fetch a URL.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MalformedInputError } from '@interline/hub';

/** Where the context files live: contexts/ at the package root, the same from src/ and dist/. */
export const CONTEXTS_DIR = path.resolve(__dirname, '..', '..', 'contexts');

/**
 * Context IRIs served from local copies. IATA publishes no context document; documents that name the
 * ontology namespaces as their context get the matching local file instead of a fetch.
 */
export const LOCAL_CONTEXTS: Readonly<Record<string, string>> = Object.freeze({
  'https://onerecord.iata.org/ns/cargo': 'cargo.context.jsonld',
  'https://onerecord.iata.org/ns/cargo#': 'cargo.context.jsonld',
  'https://onerecord.iata.org/ns/api': 'api.context.jsonld',
  'https://onerecord.iata.org/ns/api#': 'api.context.jsonld',
});

export interface RemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: unknown;
}

/** A document named a context the connector has no local copy of; nothing was fetched. */
export class RemoteContextRefusedError extends MalformedInputError {
  readonly url: string;
  constructor(url: string) {
    super(
      `JSON-LD context "${url}" was refused: the connector loads contexts from local copies only and never fetches one over the network ` +
        `(known: ${Object.keys(LOCAL_CONTEXTS).filter((iri) => !iri.endsWith('#')).join(', ')}); inline the context in the document or use the cargo:/api: prefixes`,
      { url },
    );
    this.url = url;
  }
}

const cache = new Map<string, unknown>();

function localContext(file: string): unknown {
  let document = cache.get(file);
  if (document === undefined) {
    document = JSON.parse(readFileSync(path.join(CONTEXTS_DIR, file), 'utf8')) as unknown;
    cache.set(file, document);
  }
  return structuredClone(document);
}

/** The loader handed to every jsonld call: local files for known IRIs, a refusal for anything else. */
export async function localDocumentLoader(url: string): Promise<RemoteDocument> {
  const file = LOCAL_CONTEXTS[url];
  if (file === undefined) throw new RemoteContextRefusedError(url);
  return { contextUrl: null, documentUrl: url, document: localContext(file) };
}

/** The inline context the connector compacts with: the cargo and API context files merged. */
export function oneRecordContext(): Record<string, unknown> {
  const cargoContext = (localContext('cargo.context.jsonld') as { '@context': Record<string, unknown> })['@context'];
  const apiContext = (localContext('api.context.jsonld') as { '@context': Record<string, unknown> })['@context'];
  return { ...cargoContext, ...apiContext };
}
