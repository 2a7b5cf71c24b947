// AWB numbers from the portal's stock per airline prefix: the next serial comes from the prefix's
// sequence (no row lock, so concurrent bookings do not queue on it), and the check digit is the
// serial mod 7. The sequence's MAXVALUE is the end of the stock.
import { formatAwb } from '@interline/hub';
import type { SqlExecutor } from '@interline/hub';
import { unavailable, unprocessable } from '../http/problem';

/** PostgreSQL: sequence_generator_limit_exceeded. */
const STOCK_EXHAUSTED = '2200H';

export async function allocateAwb(tx: SqlExecutor, carrier: string): Promise<string> {
  let row: { awb_prefix: string; serial: string | number } | undefined;
  try {
    row = (await tx.query<{ awb_prefix: string; serial: string | number }>('SELECT awb_prefix, nextval(awb_sequence::regclass) AS serial FROM portal_carriers WHERE designator = $1', [carrier])).rows[0];
  } catch (error) {
    if ((error as { code?: string }).code === STOCK_EXHAUSTED) {
      throw unavailable(`AWB stock for carrier ${carrier} is used up; give its sequence a new range (ALTER SEQUENCE … MAXVALUE) or a new one`, 'AWB_STOCK_EXHAUSTED');
    }
    throw error;
  }
  if (!row) throw unknownCarrier(carrier);
  return awbOf(row.awb_prefix, row.serial);
}

/** Several AWBs in one statement, one per entry of `carriers` (in that order); every carrier must have stock. */
export async function allocateAwbs(tx: SqlExecutor, carriers: string[]): Promise<string[]> {
  if (carriers.length === 0) return [];
  let rows: Array<{ n: string | number; awb_prefix: string; serial: string | number }>;
  try {
    rows = (
      await tx.query<{ n: string | number; awb_prefix: string; serial: string | number }>(
        `SELECT v.n, c.awb_prefix, nextval(c.awb_sequence::regclass) AS serial
           FROM unnest($1::text[]) WITH ORDINALITY AS v(carrier, n) JOIN portal_carriers c ON c.designator = v.carrier`,
        [carriers],
      )
    ).rows;
  } catch (error) {
    if ((error as { code?: string }).code === STOCK_EXHAUSTED) {
      throw unavailable(`AWB stock of one of the carriers ${[...new Set(carriers)].join(', ')} is used up; give its sequence a new range (ALTER SEQUENCE … MAXVALUE) or a new one`, 'AWB_STOCK_EXHAUSTED');
    }
    throw error;
  }
  const awbs: string[] = new Array<string>(carriers.length);
  for (const row of rows) awbs[Number(row.n) - 1] = awbOf(row.awb_prefix, row.serial);
  const missing = carriers.find((carrier, i) => awbs[i] === undefined);
  if (missing !== undefined) throw unknownCarrier(missing);
  return awbs;
}

export function unknownCarrier(carrier: string): Error {
  return unprocessable(`carrier ${carrier} has no AWB stock in the portal; book on a carrier the portal sells`, 'UNKNOWN_CARRIER', {
    errors: [{ in: 'body', path: '/flight/carrier', message: 'is not a carrier the portal issues AWBs for', rule: 'carrier' }],
  });
}

function awbOf(prefix: string, serial: string | number): string {
  return formatAwb(prefix, String(serial).padStart(7, '0'));
}
