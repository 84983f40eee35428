import type { Accountability } from '@directus/types';
import { serveRuleRecomputes } from '../clocks/serve-rule-recomputes';
import { calendarImportPlan, type StoredCalendarDay } from '../domain/calendar-import-plan';
import { parseHolidayNotice, type NoticeDay } from '../domain/holiday-notice';
import { InvalidHolidayNoticeError } from '../errors/invalid-holiday-notice-error';
import { rememberEarlierRows } from '../rule-revisions/record-rule-revision';
import { itemsServiceAs, QUIET, readRows, type DataAccess } from '../shared/data-access';
import { bumpRulesVersion } from '../shared/rules-cache';

export interface HolidayNoticeImport {
  year: number;
  days: NoticeDay[];
  unparsed: string[];
  changes: { added: number; changed: number; unchanged: number; kept_company: number; removed: number };
  /** days an earlier import of the year wrote that this notice no longer has (removed by the import) */
  removed: { date: string; is_workday: boolean; name: string | null }[];
  /** open cases whose due dates moved; null for a preview */
  recomputed: number | null;
}

/**
 * X-CALENDAR: next year's holidays from the State Council's notice. The preview writes nothing; the
 * import writes every day in one transaction (upsert by date, source notice) as the administrator and
 * removes the days an earlier import of the year wrote that this notice no longer has; the company's
 * own days stay. Then it moves the open deadlines and the rules counter on itself, since the quiet
 * writes fire no work_calendar hooks (an action hook on a write inside a transaction would run before
 * its commit). Each write is tracked as the administrator's, so 规则修订记录 records it in the same
 * transaction; the rows as they were are handed to it here, as no update or delete filter runs.
 */
export async function importHolidayNotice(
  data: DataAccess,
  accountability: Accountability | null,
  input: { text: unknown; dryRun: boolean },
  now: Date,
  timeZone: string,
): Promise<HolidayNoticeImport> {
  if (typeof input.text !== 'string' || !input.text.trim()) throw new InvalidHolidayNoticeError({ reason: '请粘贴通知全文（text）。' });
  const notice = parseHolidayNotice(input.text, now);
  if (notice.year === null)
    throw new InvalidHolidayNoticeError({ reason: '通知中找不到年份，请连同标题（国务院办公厅关于YYYY年部分节假日安排的通知）一起粘贴。' });
  const year = notice.year;
  if (notice.days.length === 0)
    throw new InvalidHolidayNoticeError({
      reason: `没有识别出任何放假或上班日期。${notice.unparsed.length ? `未识别的行：${notice.unparsed.join(' ')}` : ''}`,
    });

  const write = async (database: DataAccess['database']) => {
    // The whole calendar (a few hundred rows): how a date is stored differs per database.
    const stored = (await readRows({ ...data, database }, 'work_calendar', [
      'id',
      'date',
      'is_workday',
      'name',
      'source',
      'official_day',
    ])) as StoredCalendarDay[];
    const plan = calendarImportPlan(
      stored.map((row) => ({ ...row, date: String(row.date).slice(0, 10) })),
      notice.days,
      year,
    );
    if (!input.dryRun) {
      const items = itemsServiceAs({ ...data, database }, 'work_calendar', accountability);
      if (plan.add.length)
        await items.createMany(
          plan.add.map((day) => ({ ...day, source: 'notice' })),
          QUIET,
        );
      const touched = new Set([...plan.change, ...plan.overrides, ...plan.remove].map((row) => String(row.id)));
      rememberEarlierRows('work_calendar', stored.filter((row) => touched.has(String(row.id))) as unknown as Record<string, unknown>[]);
      for (const { id, is_workday, name } of plan.change) await items.updateOne(id, { is_workday, name, source: 'notice' }, QUIET);
      for (const { id, official_day } of plan.overrides) await items.updateOne(id, { official_day }, QUIET);
      if (plan.remove.length)
        await items.deleteMany(
          plan.remove.map((row) => row.id),
          QUIET,
        );
    }
    return plan;
  };
  const plan = input.dryRun ? await write(data.database) : await data.database.transaction(write);
  const changes = {
    added: plan.add.length,
    changed: plan.change.length,
    unchanged: plan.unchanged.length,
    kept_company: plan.keptCompany.length,
    removed: plan.remove.length,
  };
  const removed = plan.remove.map(({ date, is_workday, name }) => ({ date, is_workday, name }));
  let recomputed: number | null = null;
  if (!input.dryRun) {
    recomputed = 0;
    if (changes.added + changes.changed + changes.removed > 0) {
      await bumpRulesVersion(data.database);
      // The recompute the import's transaction asked for (its activity), served now: its author is told once.
      recomputed = (await serveRuleRecomputes(data, timeZone)).moved;
    }
  }
  return { year, days: notice.days, unparsed: notice.unparsed, changes, removed, recomputed };
}
