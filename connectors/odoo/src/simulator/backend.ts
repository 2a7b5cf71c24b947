// What both protocol endpoints share: the simulated database, the server version it claims, and the
// shape of a prepared call (named for fault injection, executed once the faults allow it).
import type { Database } from './database';

export interface SimVersion {
  /** "17.0", "19.0": what version() and /web/version report. */
  serverVersion: string;
  major: number;
}

export function simVersion(serverVersion: string): SimVersion {
  const major = Number.parseInt(serverVersion, 10);
  if (!Number.isInteger(major) || major < 8) throw new Error(`simulator version "${serverVersion}" is not an Odoo version such as 17.0 or 19.0`);
  return { serverVersion, major };
}

export function versionInfo(version: SimVersion): [number, number, number, string, number, string] {
  return [version.major, 0, 0, 'final', 0, ''];
}

export interface SimBackend {
  db: Database;
  version: SimVersion;
}

export interface Answer {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
  /** For the call log: ok, or what Odoo raised. */
  outcome: string;
}

export interface PreparedCall {
  /** The fault-injection name: "res.partner.create", "common.authenticate", "web.version". */
  operation: string;
  protocol: 'xmlrpc' | 'json2' | 'web';
  login: string | null;
  execute(): Answer;
}

export function immediate(protocol: PreparedCall['protocol'], operation: string, answer: Answer): PreparedCall {
  return { operation, protocol, login: null, execute: () => answer };
}

export function jsonAnswer(status: number, body: unknown, outcome: string, headers?: Record<string, string>): Answer {
  return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body), outcome, ...(headers ? { headers } : {}) };
}
