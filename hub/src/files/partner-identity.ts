// Partner identity: a file's envelope names its sender (EDIFACT UNB, ONE Record issuer, …); the sender
// must be one the partner whose inbox the file came from is known to use.
import { PermanentError } from '../errors';

/** An interchange party: an id and, when the scheme needs one, its qualifier (UNB 0007). */
export interface PartnerParty {
  id: string;
  qualifier?: string;
}

export interface PartnerIdentity {
  /** The partner folder name. */
  partner: string;
  /** Every sender id the partner may use; a qualifier given here must match too. */
  senders: PartnerParty[];
}

function show(party: PartnerParty): string {
  return party.qualifier ? `"${party.id}" (qualifier ${party.qualifier})` : `"${party.id}"`;
}

function matches(expected: PartnerParty, actual: PartnerParty): boolean {
  return expected.id === actual.id && (!expected.qualifier || expected.qualifier === actual.qualifier);
}

/** Why the sender does not fit the partner the file came from, or undefined when it does. */
export function partnerSenderProblem(identity: PartnerIdentity, file: { name: string; partner?: string }, sender: PartnerParty): string | undefined {
  if (file.partner === undefined) {
    return `file ${file.name} came with no partner, so its sender ${show(sender)} cannot be checked; deliver files through the partner file exchange`;
  }
  if (file.partner !== identity.partner) {
    return `file ${file.name} arrived in the inbox of partner '${file.partner}', but this connector serves partner '${identity.partner}'; route that partner's files to its own connector`;
  }
  if (identity.senders.some((expected) => matches(expected, sender))) return undefined;
  const known = identity.senders.map(show).join(' or ') || 'no sender id at all';
  return `file ${file.name} in the inbox of partner '${identity.partner}' names sender ${show(sender)}, but that partner sends as ${known}; a file in the wrong inbox or a forged sender — move it to the right partner's inbox, or add the id to the partner's identities if it is genuine`;
}

/** Throws a PermanentError (the file is rejected and archived) when the sender does not fit. */
export function assertPartnerSender(identity: PartnerIdentity, file: { name: string; partner?: string }, sender: PartnerParty): void {
  const problem = partnerSenderProblem(identity, file, sender);
  if (problem) throw new PermanentError(problem, { partner: file.partner ?? null, sender: sender.id });
}
