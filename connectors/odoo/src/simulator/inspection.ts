// What GET /__sim/state shows: the documents in the simulated database (as read() returns them), the
// effects (documents created, what the contract kit counts) and the log of calls with their outcome.
import type { Database, Effect } from './database';
import { SIM_USERS } from './users';

export interface CallRecord {
  seq: number;
  at: string;
  protocol: 'xmlrpc' | 'json2' | 'web';
  /** "res.partner.create", "common.authenticate" … the name faults are injected by. */
  operation: string;
  /** The login the credentials belong to; null when they matched nobody. */
  login: string | null;
  status: number | null;
  /** "ok", "fault 2: …", "HTTP 422: …", or the injected fault. */
  outcome: string;
  fault: string | null;
}

export interface OdooSimulatorState {
  serverVersion: string;
  effects: Effect[];
  records: Record<string, Array<Record<string, unknown>>>;
  calls: CallRecord[];
}

export const INSPECTED_MODELS = ['res.partner', 'sale.order', 'sale.order.line', 'account.move', 'account.move.line', 'account.payment', 'stock.picking'] as const;
const MAX_CALLS = 2000;

export class CallLog {
  private calls: CallRecord[] = [];
  private seq = 0;

  add(record: Omit<CallRecord, 'seq' | 'at' | 'status' | 'outcome' | 'fault'>): CallRecord {
    const entry: CallRecord = { ...record, seq: ++this.seq, at: new Date().toISOString(), status: null, outcome: 'pending', fault: null };
    this.calls.push(entry);
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
    return entry;
  }

  list(): CallRecord[] {
    return this.calls.map((call) => ({ ...call }));
  }

  clear(): void {
    this.calls = [];
  }
}

export function inspect(db: Database, serverVersion: string, calls: CallLog): OdooSimulatorState {
  const env = { uid: SIM_USERS.integration.uid, context: { active_test: false } };
  const records: OdooSimulatorState['records'] = {};
  for (const model of INSPECTED_MODELS) {
    records[model] = db.read(env, model, db.rows(model).map((row) => row.id));
  }
  return { serverVersion, effects: db.effects.map((effect) => ({ ...effect })), records, calls: calls.list() };
}
