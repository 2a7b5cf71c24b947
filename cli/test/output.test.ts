// Output helpers: table fitting, progress on stderr, colors, durations.
import { memoryIo } from '../src/io';
import { parseDuration, parseTimeBound, relativeTime } from '../src/options/time';
import { createProgress } from '../src/output/progress';
import { renderTable } from '../src/output/table';
import type { Column } from '../src/output/table';
import { interline } from './support/cli';
import { startFakeAdminApi } from './support/fake-admin-api';
import { connector } from './support/fixtures';

interface Row {
  id: string;
  error: string;
  type: string;
}

const columns: Array<Column<Row>> = [
  { header: 'ID', value: (r) => r.id },
  { header: 'TYPE', value: (r) => r.type, shrink: 1, minWidth: 6 },
  { header: 'ERROR', value: (r) => r.error, shrink: 2, minWidth: 8 },
];
const rows: Row[] = [
  { id: 'a1', type: 'shipment.booking-requested', error: 'a long error message\nover two lines' },
  { id: 'b22', type: 'pnr.created', error: 'short' },
];

describe('renderTable', () => {
  it('aligns columns and leaves them whole when they fit', () => {
    expect(renderTable(rows, columns)).toBe(
      ['ID   TYPE                        ERROR', 'a1   shipment.booking-requested  a long error message over two lines', 'b22  pnr.created                 short', ''].join('\n'),
    );
  });

  it('shrinks the most shrinkable column first, then the next, to fit the width', () => {
    const narrow = renderTable(rows, columns, { width: 50 }).split('\n');
    expect(narrow[1]).toBe('a1   shipment.booking-requested  a long error mes…');
    expect(Math.max(...narrow.map((l) => l.length))).toBeLessThanOrEqual(50);
    const narrower = renderTable(rows, columns, { width: 30 }).split('\n');
    expect(narrower[1]).toBe('a1   shipment.booki…  a long…');
    expect(Math.max(...narrower.map((l) => l.length))).toBeLessThanOrEqual(30);
  });

  it('right-aligns when asked and styles after padding', () => {
    const table = renderTable([{ n: 5 }, { n: 120 }], [{ header: 'N', value: (r) => String(r.n), align: 'right', style: (cell) => `[${cell}]` }]);
    expect(table).toBe('  N\n[  5]\n[120]\n');
  });
});

describe('createProgress', () => {
  it('writes one line per 10% when stderr is not a terminal', () => {
    const io = memoryIo();
    const progress = createProgress(io.stderr, { total: 20, label: 'replaying', enabled: true });
    for (let i = 0; i < 20; i++) progress.advance(1);
    progress.done();
    const lines = io.err().trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('replaying: 10% (2/20)');
    expect(lines[9]).toBe('replaying: 100% (20/20)');
  });

  it('prints one line for a step that crosses several tenths', () => {
    const io = memoryIo();
    const progress = createProgress(io.stderr, { total: 3, label: 'dry run', enabled: true });
    progress.advance(2);
    progress.advance(1);
    expect(io.err()).toBe('dry run: 66% (2/3)\ndry run: 100% (3/3)\n');
  });

  it('redraws a bar in place on a terminal and ends with a newline', () => {
    const io = memoryIo({ tty: true, columns: 60 });
    const progress = createProgress(io.stderr, { total: 4, label: 'replaying', enabled: true });
    progress.advance(2);
    progress.advance(2);
    progress.done();
    const frames = io.err().split('\r').filter(Boolean);
    expect(frames).toHaveLength(3);
    expect(frames[1]).toMatch(/^replaying \[#+\.+\] 50% 2\/4$/);
    expect(frames[2]).toMatch(/^replaying \[#+\] 100% 4\/4\n$/);
  });

  it('is silent when disabled (--json)', () => {
    const io = memoryIo({ tty: true });
    const progress = createProgress(io.stderr, { total: 4, label: 'x', enabled: false });
    progress.advance(4);
    progress.done();
    expect(io.err()).toBe('');
  });
});

describe('colors', () => {
  it('are used only on a terminal with NO_COLOR unset, and never with --json', async () => {
    const api = await startFakeAdminApi({ connectors: [connector('odoo', { status: 'up', latencyMs: 3 })] });
    try {
      const tty = await interline(['connectors', 'check'], { url: api.url, tty: true, env: { NO_COLOR: undefined } });
      expect(tty.stdout).toContain('\u001b[32m');
      const noColor = await interline(['connectors', 'check'], { url: api.url, tty: true, env: { NO_COLOR: '1' } });
      expect(noColor.stdout).not.toContain('\u001b[');
      const piped = await interline(['connectors', 'check'], { url: api.url, tty: false, env: { NO_COLOR: undefined } });
      expect(piped.stdout).not.toContain('\u001b[');
      const json = await interline(['connectors', 'check', '--json'], { url: api.url, tty: true, env: { NO_COLOR: undefined } });
      expect(json.stdout).not.toContain('\u001b[');
      expect(JSON.parse(json.stdout)).toMatchObject({ down: [] });
    } finally {
      await api.close();
    }
  });
});

describe('times', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it('parses durations, alone or combined', () => {
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('2')).toBeUndefined();
    expect(parseDuration('h')).toBeUndefined();
  });

  it('turns --since values into ISO times: durations ago, ISO as given, anything else rejected', () => {
    expect(parseTimeBound('2h', now)).toBe('2025-03-01T10:00:00.000Z');
    expect(parseTimeBound('2025-02-28', now)).toBe('2025-02-28T00:00:00.000Z');
    expect(parseTimeBound('2025-02-28T10:00:00+01:00', now)).toBe('2025-02-28T09:00:00.000Z');
    expect(parseTimeBound('1', now)).toBeUndefined();
    expect(parseTimeBound('May 5', now)).toBeUndefined();
  });

  it('says how long ago', () => {
    expect(relativeTime('2025-03-01T11:59:58Z', now)).toBe('just now');
    expect(relativeTime('2025-03-01T11:59:15Z', now)).toBe('45s ago');
    expect(relativeTime('2025-03-01T09:00:00Z', now)).toBe('3h ago');
    expect(relativeTime('2025-02-26T12:00:00Z', now)).toBe('3d ago');
    expect(relativeTime('2025-03-01T12:05:00Z', now)).toBe('in 5m');
  });
});
