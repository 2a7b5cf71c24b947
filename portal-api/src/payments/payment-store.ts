// Payment and refund rows: the canonical document plus the columns the portal queries.
import { jsonb } from '@interline/hub';
import type { Payment, Refund, SqlExecutor } from '@interline/hub';
import { json, num } from '../db/rows';

export interface PaymentRecord {
  tenant: string;
  payment: Payment;
  refundedMinor: number;
}

export async function insertPayment(tx: SqlExecutor, tenant: string, payment: Payment): Promise<void> {
  await tx.query('INSERT INTO portal_payments (id, tenant, status, payment) VALUES ($1, $2, $3, $4::jsonb)', [payment.id, tenant, payment.status, jsonb(payment)]);
}

export async function loadPayment(db: SqlExecutor, id: string, tenant: string | undefined, lock = false): Promise<PaymentRecord | undefined> {
  const params: unknown[] = [id];
  if (tenant !== undefined) params.push(tenant);
  const row = (
    await db.query<{ tenant: string; payment: unknown; refunded_minor: unknown }>(
      `SELECT tenant, payment, refunded_minor FROM portal_payments WHERE id = $1${tenant !== undefined ? ' AND tenant = $2' : ''}${lock ? ' FOR UPDATE' : ''}`,
      params,
    )
  ).rows[0];
  return row ? { tenant: row.tenant, payment: json<Payment>(row.payment), refundedMinor: num(row.refunded_minor) } : undefined;
}

export async function savePayment(tx: SqlExecutor, payment: Payment, refundedMinor?: number): Promise<void> {
  await tx.query(
    `UPDATE portal_payments SET status = $2, payment = $3::jsonb, refunded_minor = COALESCE($4::bigint, refunded_minor), updated_at = now() WHERE id = $1`,
    [payment.id, payment.status, jsonb(payment), refundedMinor ?? null],
  );
}

export async function insertRefund(tx: SqlExecutor, tenant: string, refund: Refund): Promise<void> {
  await tx.query('INSERT INTO portal_refunds (id, tenant, payment_id, status, refund) VALUES ($1, $2, $3, $4, $5::jsonb)', [refund.id, tenant, refund.paymentId, refund.status, jsonb(refund)]);
}

export async function loadRefund(db: SqlExecutor, id: string, lock = false): Promise<{ tenant: string; refund: Refund } | undefined> {
  const row = (await db.query<{ tenant: string; refund: unknown }>(`SELECT tenant, refund FROM portal_refunds WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])).rows[0];
  return row ? { tenant: row.tenant, refund: json<Refund>(row.refund) } : undefined;
}

export async function saveRefund(tx: SqlExecutor, refund: Refund): Promise<void> {
  await tx.query('UPDATE portal_refunds SET status = $2, refund = $3::jsonb, updated_at = now() WHERE id = $1', [refund.id, refund.status, jsonb(refund)]);
}
