// The sweeper's query: an unfinished, unclaimed delivery untouched for a while is handed out once
// per stale period (so republishing never snowballs), and never while a worker holds its claim.
import { Journal, PgliteClient, createEnvelope, migrate } from '../../src';

it('hands a stale delivery out once, and not while it is claimed', async () => {
  const sql = await PgliteClient.open();
  try {
    await migrate(sql);
    const journal = new Journal(sql);
    const envelope = createEnvelope({ type: 'test.ping', source: 'test', data: {}, partitionkey: 'k1' });
    const claimedOne = createEnvelope({ type: 'test.ping', source: 'test', data: {} });
    for (const e of [envelope, claimedOne]) await journal.writer.submit({ kind: 'accept', accept: { envelope: e, routes: [{ routeId: 'r', connector: null }] } });
    await sql.query(`UPDATE deliveries SET updated_at = now() - interval '10 minutes'`);
    await sql.query(`UPDATE deliveries SET claimed_by = 'other', claimed_until = now() + interval '1 minute' WHERE message_id = $1`, [claimedOne.id]);

    expect(await journal.staleDeliveries(60_000, 10)).toEqual([{ messageId: envelope.id, routeId: 'r', partitionKey: 'k1', subject: null }]);
    expect(await journal.staleDeliveries(60_000, 10)).toEqual([]);
  } finally {
    await sql.close();
  }
});
