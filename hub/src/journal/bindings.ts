// Connector bindings (canonical id ↔ external id) and small per-connector durable state.
import type { Binding, BindingStore, ConnectorState } from '../connector/define-connector';
import { jsonb } from './sql-client';
import type { SqlExecutor } from './sql-client';
import { iso } from './row-mapping';

function toBinding(row: Record<string, unknown>): Binding {
  return {
    connector: String(row.connector),
    entity: String(row.entity),
    canonicalId: String(row.canonical_id),
    externalId: String(row.external_id),
    tenant: String(row.tenant),
    syncedAt: iso(row.synced_at),
    extra: (row.extra ?? {}) as Record<string, unknown>,
  };
}

export function bindingStore(db: SqlExecutor, connector: string, tenant: string): BindingStore {
  return {
    async get(entity, canonicalId) {
      const result = await db.query<Record<string, unknown>>(
        'SELECT * FROM bindings WHERE connector = $1 AND entity = $2 AND tenant = $3 AND canonical_id = $4',
        [connector, entity, tenant, canonicalId],
      );
      return result.rows[0] ? toBinding(result.rows[0]) : undefined;
    },
    async getByExternal(entity, externalId) {
      const result = await db.query<Record<string, unknown>>(
        'SELECT * FROM bindings WHERE connector = $1 AND entity = $2 AND tenant = $3 AND external_id = $4',
        [connector, entity, tenant, externalId],
      );
      return result.rows[0] ? toBinding(result.rows[0]) : undefined;
    },
    async put(entity, canonicalId, externalId, extra = {}) {
      await db.query(
        `INSERT INTO bindings (connector, entity, tenant, canonical_id, external_id, extra) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (connector, entity, tenant, canonical_id)
         DO UPDATE SET external_id = EXCLUDED.external_id, extra = EXCLUDED.extra, synced_at = now()`,
        [connector, entity, tenant, canonicalId, externalId, jsonb(extra)],
      );
    },
  };
}

export function connectorState(db: SqlExecutor, connector: string): ConnectorState {
  return {
    async get<T>(key: string) {
      const result = await db.query<{ value: T }>('SELECT value FROM connector_state WHERE connector = $1 AND key = $2', [connector, key]);
      return result.rows[0]?.value;
    },
    async set<T>(key: string, value: T) {
      await db.query(
        `INSERT INTO connector_state (connector, key, value) VALUES ($1, $2, $3)
         ON CONFLICT (connector, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [connector, key, jsonb(value)],
      );
    },
  };
}
