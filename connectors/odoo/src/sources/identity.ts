// Canonical ids for what the poller finds in Odoo, and deterministic event ids. A record the connector
// created carries its canonical id in the reference it wrote; any other gets an id derived from the
// Odoo server, database, model and record id, so the same record always has the same canonical id.
import { createHash } from 'node:crypto';
import { many2oneId } from '../client';

const CANONICAL_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export interface Identity {
  /** host/database: which Odoo the records come from. */
  origin: string;
  /** The integration user: records it created hold canonical ids; its writes are not echoed. */
  uid: number;
}

export function canonicalIdOf(identity: Identity, model: string, record: { id: number; create_uid?: unknown }, reference: unknown): { id: string; ours: boolean } {
  const ours = many2oneId(record.create_uid) === identity.uid && typeof reference === 'string' && CANONICAL_ID.test(reference);
  return ours ? { id: reference as string, ours } : { id: derivedId(identity.origin, model, record.id), ours };
}

/** A UUID-shaped id (version 8 layout) from a hash: stable, and no external id in plain sight. */
export function derivedId(...parts: Array<string | number>): string {
  const hash = createHash('sha256').update(['odoo', ...parts].join('\u001f')).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The same record state read twice yields the same event id, which the hub's journal then drops. */
export function eventIdFor(identity: Identity, model: string, id: number, ...state: unknown[]): string {
  const digest = createHash('sha256').update(JSON.stringify(state)).digest('hex');
  return derivedId('event', identity.origin, model, id, digest);
}

export function isOwnWrite(identity: Identity, row: { write_uid?: unknown }): boolean {
  return many2oneId(row.write_uid) === identity.uid;
}
