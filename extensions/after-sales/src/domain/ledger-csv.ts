import type { LedgerRow } from './ledger-row';

/** The ledger's columns, in the order the screen shows them. */
export const LEDGER_COLUMNS: { key: keyof LedgerRow; label: string }[] = [
  { key: 'complaint_no', label: '投诉编号' },
  { key: 'registered_on', label: '登记日期' },
  { key: 'customer_name', label: '客户' },
  { key: 'demand', label: '客户要求' },
  { key: 'stage_label', label: '处理阶段' },
  { key: 'holding_label', label: '当前办理部门' },
  { key: 'time_used', label: '已用时间' },
  { key: 'time_left', label: '剩余时间' },
  { key: 'status_label', label: '时效状态' },
  { key: 'urge_count', label: '催办次数' },
  { key: 'responsible_label', label: '责任部门' },
  { key: 'closed_on', label: '结案日期' },
];

/**
 * A cell a spreadsheet reads as text: quoted when needed, and a leading = + - @ defused so a
 * customer name can never run as a formula in Excel.
 */
function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 with a byte-order mark, CRLF lines: what Excel needs to open Chinese text correctly. */
export function ledgerCsv(rows: LedgerRow[]): string {
  const lines = [LEDGER_COLUMNS.map((column) => cell(column.label)).join(',')];
  for (const row of rows) lines.push(LEDGER_COLUMNS.map((column) => cell(row[column.key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
