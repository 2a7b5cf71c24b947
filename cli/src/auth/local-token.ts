// Tokens for a local embedded hub: signed with the key in <dataDir>/signing-key by
// @interline/hub's issueLocalToken. The hub module is loaded only when a local token is needed,
// so commands given --token or INTERLINE_TOKEN never pay for loading the whole runtime.
import os from 'node:os';
import path from 'node:path';
import { CliError, messageOf } from '../errors';
import type { CliIo } from '../io';
import type { Role } from '../api/types';

/** The options @interline/hub's issueLocalToken takes (hub/src/auth/tokens.ts). */
export interface LocalTokenRequest {
  dataDir: string;
  role: Role;
  subject: string;
  tenant?: string;
  /** Lifetime in seconds; the hub's default is one hour. */
  ttlSeconds?: number;
}

type IssueLocalToken = (options: LocalTokenRequest) => Promise<string>;

// A variable, not a literal: the hub is resolved at run time (see the header comment).
const HUB_MODULE = '@interline/hub';

async function loadIssuer(): Promise<IssueLocalToken> {
  let hub: { issueLocalToken?: unknown; default?: { issueLocalToken?: unknown } };
  try {
    hub = (await import(HUB_MODULE)) as typeof hub;
  } catch (error) {
    throw new CliError(`cannot load ${HUB_MODULE} to sign a local token (${messageOf(error)}); pass --token or set INTERLINE_TOKEN`);
  }
  const issue = hub.issueLocalToken ?? hub.default?.issueLocalToken;
  if (typeof issue !== 'function') {
    throw new CliError(`${HUB_MODULE} does not export issueLocalToken, so no local token can be signed; pass --token or set INTERLINE_TOKEN`);
  }
  return issue as IssueLocalToken;
}

export function localDataDir(io: CliIo): string {
  return path.resolve(io.cwd, io.env.INTERLINE_DATA_DIR ?? '.interline');
}

export function localSubject(): string {
  try {
    return `local:${os.userInfo().username}`;
  } catch {
    // No passwd entry (some containers): still say who, as far as the environment knows.
    return `local:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;
  }
}

export async function issueLocalToken(request: LocalTokenRequest): Promise<string> {
  const issue = await loadIssuer();
  try {
    return await issue(request);
  } catch (error) {
    throw new CliError(messageOf(error));
  }
}

/** --token, else INTERLINE_TOKEN, else an admin token signed with the local hub's key. */
export function tokenSource(io: CliIo, flag: string | undefined): () => Promise<string> {
  return async () => {
    const given = flag ?? io.env.INTERLINE_TOKEN;
    if (given !== undefined && given !== '') return given;
    return issueLocalToken({ dataDir: localDataDir(io), role: 'admin', subject: localSubject() });
  };
}
