// GET / → api:ServerInformation: who holds the data and which API versions, content types and
// ontologies the server supports; read from whatever JSON-LD form the server answers in.
import { MalformedInputError } from '@interline/hub';
import { LinkedGraph, ref, refs, strings } from '../jsonld/graph';
import { api } from '../vocabulary';

export interface ServerInformation {
  dataHolder?: string;
  serverEndpoint?: string;
  apiVersions: string[];
  contentTypes: string[];
  ontologies: string[];
  ontologyVersions: string[];
}

export async function readServerInformation(body: unknown, url: string): Promise<ServerInformation> {
  const graph = await LinkedGraph.from(body, { what: `server information from ${url}`, base: url });
  const node = graph.ofType(api('ServerInformation'))[0];
  if (node === undefined) throw new MalformedInputError(`GET ${url} did not answer with an api:ServerInformation; check that serverUrl is the root of a ONE Record server`);
  const info: ServerInformation = {
    apiVersions: strings(node, api('hasSupportedApiVersion')),
    contentTypes: strings(node, api('hasSupportedContentType')),
    ontologies: refs(node, api('hasSupportedOntology')),
    ontologyVersions: refs(node, api('hasSupportedOntologyVersion')),
  };
  const holder = ref(node, api('hasDataHolder'));
  if (holder !== undefined) info.dataHolder = holder;
  const endpoint = ref(node, api('hasServerEndpoint'));
  if (endpoint !== undefined) info.serverEndpoint = endpoint;
  return info;
}
