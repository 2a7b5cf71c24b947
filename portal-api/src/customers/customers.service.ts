// Customers are canonical Parties owned by a tenant: registering or changing one writes the row and
// a party.registered / party.updated event in the same transaction.
import { check, jsonb, PartySchema, uuidv7 } from '@interline/hub';
import type { Party, Principal, SqlExecutor } from '@interline/hub';
import { json } from '../db/rows';
import { fieldErrors, invalidRequest, notFound } from '../http/problem';
import { readScope } from '../http/request-context';
import type { WriteResult } from '../http/write-runner';
import { MESSAGE_ID_HEADER } from '../http/write-runner';
import { appendEvent } from '../outbox/outbox-writer';
import type { CustomerRegistration, CustomerUpdate } from '../schemas/customers';

export class CustomersService {
  async register(tx: SqlExecutor, tenant: string, input: CustomerRegistration): Promise<WriteResult<Party>> {
    const party: Party = {
      ...input,
      id: uuidv7(),
      roles: input.roles.includes('customer') ? input.roles : [...input.roles, 'customer'],
      active: true,
      createdAt: new Date().toISOString(),
    };
    await tx.query('INSERT INTO portal_customers (id, tenant, party) VALUES ($1, $2, $3::jsonb)', [party.id, tenant, jsonb(party)]);
    const { id: messageId } = await appendEvent(tx, { type: 'party.registered', data: party, tenant, subject: `party/${party.id}`, partitionkey: party.id });
    return { body: party, headers: { location: `/v1/customers/${party.id}`, [MESSAGE_ID_HEADER]: messageId } };
  }

  async get(db: SqlExecutor, principal: Principal, id: string): Promise<Party> {
    const scope = readScope(principal);
    const found = await db.query<{ party: unknown }>(`SELECT party FROM portal_customers WHERE id = $1 ${scope ? 'AND tenant = $2' : ''}`, scope ? [id, scope] : [id]);
    const row = found.rows[0];
    if (!row) throw notFound(`no customer '${id}' for this caller`);
    return json<Party>(row.party);
  }

  async update(tx: SqlExecutor, principal: Principal, id: string, patch: CustomerUpdate): Promise<WriteResult<Party>> {
    const scope = readScope(principal);
    const found = await tx.query<{ party: unknown; tenant: string }>(`SELECT party, tenant FROM portal_customers WHERE id = $1 ${scope ? 'AND tenant = $2' : ''} FOR UPDATE`, scope ? [id, scope] : [id]);
    const row = found.rows[0];
    if (!row) throw notFound(`no customer '${id}' for this caller`);
    const current = json<Party>(row.party);
    const updated = { ...current, ...patch, id: current.id, createdAt: current.createdAt, updatedAt: new Date().toISOString() } as Party;
    // The merge of two valid halves can still be invalid as a whole (a role list without customer).
    const result = check(PartySchema, updated);
    if (!result.ok) throw invalidRequest(fieldErrors('body', result.issues));
    await tx.query('UPDATE portal_customers SET party = $2::jsonb, updated_at = now() WHERE id = $1', [id, jsonb(updated)]);
    const { id: messageId } = await appendEvent(tx, { type: 'party.updated', data: updated, tenant: row.tenant, subject: `party/${id}`, partitionkey: id });
    return { body: updated, headers: { [MESSAGE_ID_HEADER]: messageId } };
  }
}
