// The bench table: figure | baseline | ours | ratio | target | ok.

/** Three significant digits, thousands kept whole. */
export function formatNumber(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function formatTable(rows) {
  const header = ['figure', 'baseline', 'ours', 'ratio', 'target', 'ok'];
  const unit = (row, value) => (value === null || value === undefined ? '—' : `${formatNumber(value)}${row.unit ? ` ${row.unit}` : ''}`);
  const body = rows.map((row) => [
    row.figure,
    unit(row, row.baseline),
    unit(row, row.ours),
    row.ratio === null || row.ratio === undefined ? '—' : `${formatNumber(row.ratio)}×`,
    row.target ?? '',
    row.pass ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
