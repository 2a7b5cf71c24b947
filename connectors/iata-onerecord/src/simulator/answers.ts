// The shape route handlers answer in: a status, headers, and either an expanded tree the server renders
// in its current style or a ready body; plus the api:Error answer every failure uses.
import type { ExpandedTree } from './store';
import { apiError } from './render';

export interface SimAnswer {
  status: number;
  headers?: Record<string, string>;
  /** Rendered as compacted JSON-LD (or NE:ONE style) by the server. */
  tree?: ExpandedTree;
  /** Sent as JSON as it is. */
  json?: unknown;
}

export function failure(status: number, title: string, message: string, extra: { property?: string; resource?: string } = {}): SimAnswer {
  return { status, tree: apiError(title, [{ code: String(status), message, ...extra }]) };
}

export interface SimRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Who the access token names (logistics_agent_uri), for isRequestedBy. */
  agent: string;
}
