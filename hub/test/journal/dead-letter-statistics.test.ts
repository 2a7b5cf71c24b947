// Migration 004 (joint statistics for the dead-letter filters) must run on the embedded journal too:
// PGlite is the same PostgreSQL engine, and the migrations are shared unchanged.
import { PgliteClient, listDeadLetters, migrate } from '../../src';

it('creates the dead-letter statistics on PGlite, once, and the list still answers', async () => {
  const sql = await PgliteClient.open();
  try {
    expect(await migrate(sql)).toContain('004_dead_letter_statistics.sql');
    const stats = await sql.query<{ stxname: string }>(`SELECT stxname FROM pg_statistic_ext WHERE stxname LIKE 'deliveries_status_%' ORDER BY stxname`);
    expect(stats.rows.map((r) => r.stxname)).toEqual(['deliveries_status_connector', 'deliveries_status_route']);
    expect(await migrate(sql)).toEqual([]);
    await sql.query('ANALYZE deliveries');
    expect(await listDeadLetters(sql, { route: 'any', connector: 'any' })).toEqual({ items: [], total: 0 });
  } finally {
    await sql.close();
  }
});
