// Customs declarations: submitted with customs.declaration-submitted in one transaction; answers
// (customs.response-received, matched by declaration id or LRN) update the status.
import { check, CustomsDeclarationSchema, jsonb, uuidv7 } from '@interline/hub';
import type { CustomsDeclaration, CustomsResponse, Principal, SqlExecutor } from '@interline/hub';
import { json } from '../db/rows';
import { fieldErrors, invalidRequest, notFound } from '../http/problem';
import { readScope } from '../http/request-context';
import type { WriteResult } from '../http/write-runner';
import { MESSAGE_ID_HEADER } from '../http/write-runner';
import { appendEvent } from '../outbox/outbox-writer';
import type { CustomsCase, CustomsSubmission } from '../schemas/customs';
import type { InternalOutcome } from '../schemas/internal';

interface CaseRow {
  id: string;
  tenant: string;
  status: string;
  declaration: unknown;
  responses: unknown;
}

function toCase(row: CaseRow): CustomsCase {
  return { declaration: json<CustomsDeclaration>(row.declaration), status: row.status as CustomsCase['status'], responses: json<CustomsResponse[]>(row.responses) };
}

export class CustomsService {
  async submit(tx: SqlExecutor, tenant: string, input: CustomsSubmission): Promise<WriteResult<CustomsCase>> {
    const at = new Date().toISOString();
    const declaration = { ...input, id: uuidv7(), createdAt: at, submittedAt: at } as CustomsDeclaration;
    const checked = check(CustomsDeclarationSchema, declaration);
    if (!checked.ok) throw invalidRequest(fieldErrors('body', checked.issues));
    await tx.query('INSERT INTO portal_customs_declarations (id, tenant, lrn, status, declaration) VALUES ($1, $2, $3, $4, $5::jsonb)', [
      declaration.id,
      tenant,
      declaration.references.lrn,
      'submitted',
      jsonb(declaration),
    ]);
    const { id: messageId } = await appendEvent(tx, {
      type: 'customs.declaration-submitted',
      data: declaration,
      tenant,
      subject: `customs-declaration/${declaration.id}`,
      partitionkey: declaration.references.awb ?? declaration.references.lrn,
    });
    return { body: { declaration, status: 'submitted', responses: [] }, headers: { location: `/v1/customs-declarations/${declaration.id}`, [MESSAGE_ID_HEADER]: messageId } };
  }

  async get(db: SqlExecutor, principal: Principal, id: string): Promise<CustomsCase> {
    const scope = readScope(principal);
    const row = (await db.query<CaseRow>(`SELECT id, tenant, status, declaration, responses FROM portal_customs_declarations WHERE id = $1${scope ? ' AND tenant = $2' : ''}`, scope ? [id, scope] : [id])).rows[0];
    if (!row) throw notFound(`no customs declaration '${id}' for this caller`);
    return toCase(row);
  }

  /** Apply a customs answer to its declaration (by id, else by LRN within the event's tenant). */
  async recordResponse(tx: SqlExecutor, tenant: string, response: CustomsResponse): Promise<InternalOutcome> {
    const byId = response.declaration.id;
    const row = (
      await tx.query<CaseRow>(
        byId
          ? 'SELECT id, tenant, status, declaration, responses FROM portal_customs_declarations WHERE id = $1 FOR UPDATE'
          : 'SELECT id, tenant, status, declaration, responses FROM portal_customs_declarations WHERE lrn = $1 AND tenant = $2 ORDER BY created_at DESC LIMIT 1 FOR UPDATE',
        byId ? [byId] : [response.declaration.lrn, tenant],
      )
    ).rows[0];
    if (!row) return { outcome: 'ignored', reason: `no declaration ${byId ?? `with LRN ${response.declaration.lrn}`} in the portal` };
    const responses = json<CustomsResponse[]>(row.responses);
    if (responses.some((known) => known.id === response.id)) return { outcome: 'duplicate', id: row.id };
    responses.push(response);
    const declaration = json<CustomsDeclaration>(row.declaration);
    if (response.declaration.mrn && !declaration.references.mrn) declaration.references.mrn = response.declaration.mrn;
    await tx.query('UPDATE portal_customs_declarations SET status = $2, responses = $3::jsonb, declaration = $4::jsonb, updated_at = now() WHERE id = $1', [
      row.id,
      response.status,
      jsonb(responses),
      jsonb(declaration),
    ]);
    return { outcome: 'recorded', id: row.id };
  }
}
