// Aligned text columns that fit the terminal: columns marked `shrink` give up width (most
// shrinkable first) and their cells are cut with "…"; the last column is never padded.

export interface Column<R> {
  header: string;
  value(row: R): string;
  align?: 'left' | 'right';
  /** Priority for giving up width when the table is too wide: higher goes first; unset = never. */
  shrink?: number;
  /** The narrowest a shrinking column gets (default: its header's width, at least 5). */
  minWidth?: number;
  /** Applied after padding, so color codes do not disturb alignment. */
  style?(cell: string, row: R): string;
}

export interface TableOptions {
  /** Total width available; Infinity (the default) means never cut. */
  width?: number;
  gap?: number;
}

export function displayWidth(text: string): number {
  return [...text].length;
}

export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return [...text].slice(0, width).join('');
  return `${[...text].slice(0, width - 1).join('').trimEnd()}…`;
}

/** Cells are one line each: newlines and tabs in values (error messages) become spaces. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function columnWidths(natural: number[], minimums: number[], priorities: Array<number | undefined>, available: number): number[] {
  const widths = [...natural];
  let excess = widths.reduce((sum, w) => sum + w, 0) - available;
  const order = priorities
    .map((priority, index) => ({ priority, index }))
    .filter((c): c is { priority: number; index: number } => c.priority !== undefined)
    .sort((a, b) => b.priority - a.priority || b.index - a.index);
  for (const { index } of order) {
    if (excess <= 0) break;
    const current = widths[index] ?? 0;
    const give = Math.min(excess, Math.max(0, current - (minimums[index] ?? 0)));
    widths[index] = current - give;
    excess -= give;
  }
  return widths;
}

export function renderTable<R>(rows: readonly R[], columns: ReadonlyArray<Column<R>>, options: TableOptions = {}): string {
  const gap = options.gap ?? 2;
  const cells = rows.map((row) => columns.map((column) => clean(column.value(row))));
  const natural = columns.map((column, i) => Math.max(displayWidth(column.header), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const minimums = columns.map((column, i) => Math.min(natural[i] ?? 0, column.minWidth ?? Math.max(5, displayWidth(column.header))));
  const available = (options.width ?? Number.POSITIVE_INFINITY) - gap * (columns.length - 1);
  const widths = columnWidths(natural, minimums, columns.map((c) => c.shrink), available);

  const line = (values: string[], row: R | undefined): string =>
    columns
      .map((column, i) => {
        const width = widths[i] ?? 0;
        const text = truncate(values[i] ?? '', width);
        const pad = ' '.repeat(Math.max(0, width - displayWidth(text)));
        const last = i === columns.length - 1;
        const padded = column.align === 'right' ? pad + text : last ? text : text + pad;
        return row !== undefined && column.style ? column.style(padded, row) : padded;
      })
      .join(' '.repeat(gap))
      .trimEnd();

  const header = line(columns.map((c) => c.header), undefined);
  const body = cells.map((values, r) => line(values, rows[r]));
  return [header, ...body].join('\n') + '\n';
}
