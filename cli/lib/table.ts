/**
 * Renders rows as a plain-text table with padded columns. Columns from `rightAlignFrom` on (figures)
 * are aligned to the right; the others to the left, the last one unpadded.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: { rightAlignFrom?: number } = {},
): string {
  const right = options.rightAlignFrom ?? Infinity;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) =>
        i >= right ? cell.padStart(widths[i] ?? 0) : i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
