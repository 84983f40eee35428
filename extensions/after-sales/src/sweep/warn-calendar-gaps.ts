import { CLOCK_DEFINITIONS, runningClockFilter } from '../domain/case-clocks';
import { calendarGapYears, yearsWithoutOfficialData } from '../domain/deadline-clock';
import type { WorkCalendar } from '../domain/work-calendar';
import { startOfLocalDay, zonedParts } from '../domain/zoned-time';
import { issueOnce } from '../notices/issue-once';
import { notifyAdministrators } from '../notices/notify-department';
import { readAll, type DataAccess } from '../shared/data-access';

/**
 * Administrators are told once per year of missing official holidays: this year's and, from 1
 * November, next year's in any case (calendarGapYears); earlier, next year's only once open clocks
 * run into it.
 */
export async function warnCalendarGaps(data: DataAccess, now: Date, timeZone: string, calendar: WorkCalendar): Promise<number> {
  const { year } = zonedParts(now, timeZone);
  const due = new Set(calendarGapYears(calendar, now, timeZone));
  let warned = 0;
  for (const gapYear of yearsWithoutOfficialData(calendar, now, startOfLocalDay(`${year + 1}-12-31`, timeZone), timeZone)) {
    const yearStart = startOfLocalDay(`${gapYear}-01-01`, timeZone).toISOString();
    let affected = 0;
    for (const definition of CLOCK_DEFINITIONS) {
      const rows = await readAll(data, definition.collection, {
        filter: { _and: [{ [definition.due]: { _gte: yearStart } }, ...runningClockFilter(definition)] },
        fields: ['id'],
        limit: 1,
      });
      affected += rows.length;
    }
    if (affected === 0 && !due.has(gapYear)) continue;
    const done = await issueOnce(data, { key: `calendar_gap:${gapYear}`, kind: 'calendar_gap' }, now, async (trx) => {
      await notifyAdministrators(trx, {
        subject: `【工作日历】缺少 ${gapYear} 年法定节假日数据`,
        message: calendarGapMessage(gapYear, affected > 0),
        collection: 'work_calendar',
        item: '',
      });
    });
    if (done) warned++;
  }
  return warned;
}

function calendarGapMessage(year: number, casesAffected: boolean): string {
  const why = casesAffected ? `有未结案件的期限落在 ${year} 年，但工作日历中` : '工作日历中';
  return (
    `${why}还没有 ${year} 年的官方节假日和调休安排。国务院办公厅《关于${year}年部分节假日安排的通知》公布后，` +
    '请在“规则管理 → 工作日历”中点击导入按钮，粘贴通知全文，先预览，核对无误再保存导入' +
    '（接口：POST /after-sales/calendar/import，dry_run 为预览）；未能识别的行会单独列出，可在月历上点击逐日设置。导入后未结案件的期限会自动重算。'
  );
}
