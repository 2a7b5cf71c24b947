// Where a partner's files live under the exchange root: the inbox they write to, the outbox we write
// to, the archive that keeps every raw byte, and a spool of outbound notes for the ledger.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors';

export interface PartnerFolders {
  partner: string;
  /** <root>/<partner> */
  base: string;
  /** Files the partner drops for us (written with temp-then-rename). */
  inbox: string;
  /** Files we drop for the partner (always temp-then-rename). */
  outbox: string;
  /** Raw bytes of every file in and out, named by checksum, kept before anything else happens. */
  archive: string;
  /** Notes about outbound files waiting to be recorded in the ledger (a dot folder partners never read). */
  spool: string;
}

/** A partner name is one safe folder name: no separators, no dot files, no "..". */
export const PARTNER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function assertPartnerName(partner: string, where = 'partner'): void {
  if (!PARTNER_NAME_PATTERN.test(partner) || partner.includes('..')) {
    throw new ConfigError(`${where} "${partner}" is not a usable folder name; use 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit`);
  }
}

export function partnerFolders(root: string, partner: string): PartnerFolders {
  assertPartnerName(partner);
  const base = path.join(path.resolve(root), partner);
  return {
    partner,
    base,
    inbox: path.join(base, 'inbox'),
    outbox: path.join(base, 'outbox'),
    archive: path.join(base, 'archive'),
    spool: path.join(base, '.outbound'),
  };
}

/** Create the partner's folders when missing (idempotent) and return them. */
export async function ensurePartnerFolders(root: string, partner: string): Promise<PartnerFolders> {
  const folders = partnerFolders(root, partner);
  for (const dir of [folders.inbox, folders.outbox, folders.archive, folders.spool]) await mkdir(dir, { recursive: true });
  return folders;
}
