// The partner file exchange: per-partner inbox/outbox/archive folders, exactly-once pick-up of complete
// files, atomic outbound writes, a queryable ledger of every file, and partner identity checks.
export { startFileExchange } from './file-exchange';
export { startConfiguredFileExchange } from './configured-exchange';
export type { FileExchange, FileExchangeOptions, FilePartner } from './file-exchange';
export { writeOutboundFile } from './outbox';
export type { OutboundFile, WrittenFile } from './outbox';
export { getPartnerFile, listPartnerFiles, PARTNER_FILE_STATUSES } from './file-ledger';
export type { PartnerFileFilter, PartnerFileRecord, PartnerFileStatus } from './file-ledger';
export { assertPartnerSender, partnerSenderProblem } from './partner-identity';
export type { PartnerIdentity, PartnerParty } from './partner-identity';
export { ensurePartnerFolders, partnerFolders, PARTNER_NAME_PATTERN } from './partner-folders';
export type { PartnerFolders } from './partner-folders';
export { IN_PROGRESS_SUFFIXES, isIgnoredName } from './file-names';
export { archivePathFor, sha256Hex } from './archive';
export type { Direction as FileDirection } from './archive';
export { writeFileAtomic } from './atomic-write';
export { fileErrorFor } from './file-errors';
export type { FileSourceEvent } from './source-events';
