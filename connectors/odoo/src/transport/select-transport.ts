// Choose the protocol by the server's version: JSON-2 from Odoo 19 (XML-RPC is deprecated there and
// removed in 22), XML-RPC before. The config can force either; "auto" asks the server.
import { HubError, PermanentError } from '@interline/hub';
import { fetchWebVersion, Json2Transport } from './json2-transport';
import { XmlRpcTransport } from './xmlrpc-transport';
import type { CallOptions, OdooEndpoint, OdooProtocol, OdooServerVersion, OdooTransport } from './transport';

export type ProtocolChoice = OdooProtocol | 'auto';

const NOT_THERE = new Set([400, 404, 405, 501]);

/** The first Odoo major version that serves /json/2. */
export const JSON2_SINCE_MAJOR = 19;

export interface SelectedTransport {
  transport: OdooTransport;
  /** Undefined when the protocol was forced and the version was not asked. */
  version?: OdooServerVersion;
}

export async function selectTransport(endpoint: OdooEndpoint, choice: ProtocolChoice, options: CallOptions = {}): Promise<SelectedTransport> {
  if (choice === 'xmlrpc') return { transport: new XmlRpcTransport(endpoint) };
  if (choice === 'json2') return { transport: new Json2Transport(endpoint) };
  const version = await detectVersion(endpoint, options);
  const transport = version.major >= JSON2_SINCE_MAJOR ? new Json2Transport(endpoint) : new XmlRpcTransport(endpoint);
  return { transport, version };
}

/** /web/version where it exists (JSON, no XML involved), else XML-RPC common.version(). */
async function detectVersion(endpoint: OdooEndpoint, options: CallOptions): Promise<OdooServerVersion> {
  try {
    return await fetchWebVersion(endpoint, options);
  } catch (error) {
    // Only "not there" falls through to XML-RPC (404, or a server that does not serve GET at all,
    // as Python's SimpleXMLRPCServer answers 501); an outage or a timeout is the answer itself.
    const status = error instanceof HubError ? error.details.status : undefined;
    const notThere = status === undefined ? error instanceof PermanentError : NOT_THERE.has(Number(status));
    if (!notThere) throw error;
  }
  return new XmlRpcTransport(endpoint).version(options);
}
