import type { StoredDeadlineRule } from '../domain/case-clocks';
import { previousPeriod } from '../domain/monthly-stats';
import { addCalendarDays } from '../domain/work-calendar';
import { formatLocal, startOfLocalDay, zonedParts } from '../domain/zoned-time';
import { issueOnce } from '../notices/issue-once';
import { notifyDepartment } from '../notices/notify-department';
import { readAll, type DataAccess } from '../shared/data-access';
import { writeUrgeNotices } from './write-urge-notices';

/**
 * K-MONTHLY: last month's statistics are due by the rule's day of this month (default the 10th,
 * ending 24:00); past it without the table, the GM Office gets one urge notice. Returns 1 when issued.
 */
export async function urgeMonthlyStats(data: DataAccess, now: Date, timeZone: string, rules: StoredDeadlineRule[]): Promise<number> {
  const rule = rules.find((r) => r.key === 'complaint_monthly_stats' && r.active);
  if (!rule) return 0;
  const { year, month } = zonedParts(now, timeZone);
  const thisMonth = `${year}-${String(month).padStart(2, '0')}`;
  const due = startOfLocalDay(addCalendarDays(`${thisMonth}-01`, rule.limit_value), timeZone);
  if (now < due) return 0;
  const period = previousPeriod(now, timeZone);
  const built = await readAll(data, 'complaint_monthly_stats', { filter: { period: { _eq: period } }, fields: ['id'], limit: 1 });
  if (built.length) return 0;
  const department = rule.urge_department ?? 'gm_office';
  const key = `urge:complaint_monthly_stats:${period}`;
  const message = `${period} 的客户投诉案件统计表应于 ${formatLocal(due, timeZone)} 前完成，目前尚未生成。请总经理室会同有关部门尽快汇总（第十三条第9款）。`;
  const issued = await issueOnce(
    data,
    { key, kind: 'urge', collection: 'complaint_monthly_stats', item: period, department, due_at: due.toISOString() },
    now,
    async (trx) => {
      const urge = { key, collection: 'complaint_monthly_stats', item: period, caseNo: period, department, dueAt: due, reason: message };
      await writeUrgeNotices(trx, [urge], now, timeZone);
      await notifyDepartment(trx, department, {
        subject: `【催办】${period} 客户投诉案件统计表`,
        message,
        collection: 'complaint_monthly_stats',
        item: period,
      });
    },
  );
  return issued ? 1 : 0;
}
