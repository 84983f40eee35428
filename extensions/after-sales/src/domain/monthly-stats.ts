import { DEPARTMENT_ROLES } from './departments';
import { startOfLocalDay, zonedParts } from './zoned-time';

export interface ClosedComplaint {
  complaint_no: string | null;
  registered_at: string | null;
  closed_at: string;
  due_at: string | null;
  responsible_department: string | null;
  countermeasures: string | null;
}

export interface MonthlyStats {
  period: string;
  closed_count: number;
  overdue_count: number;
  avg_days_to_close: number | null;
  by_department: Record<string, { label: string; count: number; ratio: number }>;
  improvement_actions: string;
}

/** The instants a `YYYY-MM` period spans in the business time zone: [start, end). */
export function periodBounds(period: string, timeZone: string): { start: Date; end: Date } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!match) throw new RangeError(`统计月份应为 YYYY-MM 格式，收到 “${period}”`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { start: startOfLocalDay(`${period}-01`, timeZone), end: startOfLocalDay(next, timeZone) };
}

/** The month before `now` in the business time zone, as `YYYY-MM`. */
export function previousPeriod(now: Date, timeZone: string): string {
  const { year, month } = zonedParts(now, timeZone);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** K-MONTHLY: the 客户投诉案件统计表 of the complaints closed in a month. */
export function monthlyStats(period: string, closed: ClosedComplaint[]): MonthlyStats {
  const byDepartment: MonthlyStats['by_department'] = {};
  for (const complaint of closed) {
    const key = complaint.responsible_department ?? 'none';
    const label = DEPARTMENT_ROLES[key as keyof typeof DEPARTMENT_ROLES] ?? '未判定';
    byDepartment[key] = { label, count: (byDepartment[key]?.count ?? 0) + 1, ratio: 0 };
  }
  for (const entry of Object.values(byDepartment)) entry.ratio = round(entry.count / closed.length, 4);
  const durations = closed.filter((c) => c.registered_at).map((c) => (Date.parse(c.closed_at) - Date.parse(c.registered_at!)) / 86_400_000);
  return {
    period,
    closed_count: closed.length,
    overdue_count: closed.filter((c) => c.due_at && Date.parse(c.closed_at) > Date.parse(c.due_at)).length,
    avg_days_to_close: durations.length ? round(durations.reduce((a, b) => a + b, 0) / durations.length, 2) : null,
    by_department: byDepartment,
    improvement_actions: closed
      .filter((c) => c.countermeasures)
      .map((c) => `${c.complaint_no ?? ''}：${c.countermeasures}`)
      .join('\n'),
  };
}

/**
 * What a rebuild writes into 改善对策及处理结果: the text as built when nobody changed it since the last
 * build; otherwise the text as edited, with the lines that are new since the last build added below it. An edit is never lost (第十三条 9: the GM Office writes up the improvement actions).
 */
export function mergeImprovementActions(stored: string | null, lastBuilt: string | null, built: string): string {
  if (!stored || stored === (lastBuilt ?? '')) return built;
  // Lines the last build already offered were the editor's to keep or drop; only what is new since then is added.
  const seen = new Set([...stored.split('\n'), ...(lastBuilt ?? '').split('\n')].map((line) => line.trim()));
  const added = built.split('\n').filter((line) => line.trim() && !seen.has(line.trim()));
  return added.length ? `${stored}\n${added.join('\n')}` : stored;
}

/**
 * The month a missed schedule still owes at `now`: the statistics of last month are built at 01:30 (local)
 * on the 1st; a console that was in use before that moment and off at it builds them when it starts.
 */
export function scheduledBuildAt(now: Date, timeZone: string): Date {
  const { year, month } = zonedParts(now, timeZone);
  return new Date(startOfLocalDay(`${year}-${String(month).padStart(2, '0')}-01`, timeZone).getTime() + 90 * 60_000);
}
