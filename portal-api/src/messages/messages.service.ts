// GET /v1/messages/{id}: a message the portal queued (outbox) or any message of the caller's tenant
// in the hub's journal, with the state of each route it went to.
import { messageDetail } from '@interline/hub';
import type { DeliveryRecord, MessageDetail, Principal, SqlExecutor } from '@interline/hub';
import { notFound } from '../http/problem';
import { canSee } from '../http/request-context';
import type { MessageStatus } from '../schemas/messages';

const STAFF = new Set(['support', 'admin']);
const INGRESS_ROUTE = '$ingress';

function overall(deliveries: DeliveryRecord[]): MessageStatus['status'] {
  if (deliveries.some((d) => d.routeId === INGRESS_ROUTE)) return 'rejected';
  if (deliveries.length === 0) return 'accepted';
  if (deliveries.some((d) => d.status === 'dead')) return 'failed';
  if (deliveries.some((d) => d.status === 'pending' || d.status === 'retrying' || d.status === 'replayed')) return 'in-progress';
  return 'delivered';
}

export class MessagesService {
  async status(db: SqlExecutor, principal: Principal, id: string): Promise<MessageStatus> {
    const queued = await db.query<{ tenant: string; type: string; published_at: unknown; correlation: string | null }>(
      `SELECT tenant, type, published_at, envelope->>'correlationid' AS correlation FROM portal_outbox WHERE id = $1`,
      [id],
    );
    const outboxRow = queued.rows[0];
    if (outboxRow && !canSee(principal, outboxRow.tenant)) throw notFound(`no message '${id}' for this caller`);
    const detail: MessageDetail | undefined = await messageDetail(db, id);
    if (!detail) {
      if (!outboxRow) throw notFound(`no message '${id}' for this caller`);
      return { id, type: outboxRow.type, status: 'queued', correlationId: outboxRow.correlation, receivedAt: null, routes: [] };
    }
    if (!canSee(principal, detail.message.tenant)) throw notFound(`no message '${id}' for this caller`);
    const staff = principal.roles.some((role) => STAFF.has(role));
    return {
      id,
      type: detail.message.type,
      status: overall(detail.deliveries),
      correlationId: detail.message.correlationId,
      receivedAt: detail.message.receivedAt,
      routes: detail.deliveries.map((d) => ({
        route: d.routeId,
        status: d.status,
        attempts: d.attempts,
        ...(d.lastError
          ? { error: { class: d.lastError.errorClass, ...(d.lastError.step ? { step: d.lastError.step } : {}), ...(staff ? { message: d.lastError.message } : {}) } }
          : {}),
      })),
    };
  }
}
