import { CLOCK_DEFINITIONS, runningClockFilter } from '../domain/case-clocks';
import { CASE_NUMBER_FIELDS, clockEvent, inquiryFor } from '../domain/sweep-plan';
import { calendarGapYears, yearsWithoutOfficialData } from '../domain/deadline-clock';
import { zonedParts } from '../domain/zoned-time';
import { previousPeriod } from '../domain/monthly-stats';
import { formatLocal } from '../domain/sweep-plan';
import { addCalendarDays, startOfLocalDay } from '../domain/work-calendar';
import { loadClockContext } from '../clocks/clock-context';
import { applyPendingPetitionDecisions } from '../complaints/petition-decision';
import { castForWrite, itemsService, QUIET, readAll, storedFields, type DataAccess } from '../shared/data-access';
import { assignCaseNumbers, readNumberingRule } from '../numbering/assign-case-number';
import { issueEach, issueOnce } from '../notices/issue-once';
import { deliverOutbox } from '../notices/outbox';
import { notifyAdministrators, notifyDepartment, sendNotices } from '../notices/notify-department';
import { remindPendingRevisions } from '../rule-revisions/remind-pending-revisions';

export interface SweepResult {
  warnings: number;
  urges: number;
  inquiries: number;
  calendarGaps: number;
}

/**
 * The deadline scan. Reads only cases past their warning point (indexed), so its cost grows with
 * the cases that are due, not with all open cases. Safe to run any number of times.
 */
export async function runSweep(data: DataAccess, now: Date, timeZone: string): Promise<SweepResult> {
  const result: SweepResult = { warnings: 0, urges: 0, inquiries: 0, calendarGaps: 0 };
  // Notices of committed actions that were not delivered (a crash right after commit).
  await deliverOutbox(data, now);
  // Petition decisions committed but not yet carried out (K-PETITION).
  await applyPendingPetitionDecisions(data, now);
  const { rules, calendar } = await loadClockContext(data);

  for (const definition of CLOCK_DEFINITIONS) {
    const due = await readAll(data, definition.collection, {
      filter: { _and: [{ [definition.warn]: { _lte: now.toISOString() } }, ...runningClockFilter(definition)] },
      fields: storedFields(data.schema, definition.collection),
    });
    const events = due.flatMap((item) => {
      const rule = definition.rule(item, rules);
      if (!rule || !item[definition.due] || !item[definition.warn]) return [];
      const numberField = CASE_NUMBER_FIELDS[definition.collection];
      const event = clockEvent(
        {
          collection: definition.collection,
          itemId: String(item['id']),
          caseNo: numberField ? (item[numberField] ?? null) : null,
          clockId: definition.id,
          ruleName: String((rule as { name?: string }).name ?? rule.key),
          department: definition.holder(item, rule),
          dueAt: new Date(item[definition.due]),
          warnAt: new Date(item[definition.warn]),
        },
        now,
        timeZone,
      );
      return event ? [event] : [];
    });
    // Most due cases were told in an earlier run: one read skips them; the rest are issued together.
    const known = await issuedKeys(
      data,
      events.map((event) => event.key),
    );
    const issued = await issueEach(
      data,
      events.filter((event) => !known.has(event.key)),
      (event) => ({
        key: event.key,
        kind: event.kind,
        collection: event.collection,
        item: event.itemId,
        department: event.department,
        due_at: event.dueAt.toISOString(),
      }),
      now,
      async (trx, fresh) => {
        await writeUrgeNotices(
          trx,
          fresh.filter((event) => event.kind === 'urge'),
          now,
          timeZone,
        );
        await sendNotices(
          trx,
          fresh.map((event) => ({
            department: event.department,
            notice: {
              subject: event.kind === 'urge' ? `【催办】${event.caseNo ?? ''} 已逾期` : `【即将超时】${event.caseNo ?? ''}`,
              message: event.message,
              collection: event.collection,
              item: event.itemId,
            },
          })),
        );
      },
    );
    for (const event of issued) result[event.kind === 'urge' ? 'urges' : 'warnings']++;
  }

  result.urges += await urgeMonthlyStats(data, now, timeZone, rules);
  result.inquiries = await checkClosedComplaints(data, now);
  result.calendarGaps = await warnCalendarGaps(data, now, timeZone, calendar);
  await remindPendingRevisions(data, now);
  return result;
}

type ClockEvent = NonNullable<ReturnType<typeof clockEvent>>;

/** The 催办单 of a batch of overdue clocks: numbered together, written together (no hook to run per row). */
async function writeUrgeNotices(trx: DataAccess, urges: ClockEvent[], now: Date, timeZone: string): Promise<void> {
  if (urges.length === 0) return;
  const rule = await readNumberingRule(trx.database, 'urge_notices');
  const numbers = rule ? await assignCaseNumbers(trx.database, rule, now, timeZone, urges.length) : [];
  const rows = await Promise.all(
    urges.map((event, i) =>
      castForWrite(trx, 'urge_notices', 'create', {
        ...(rule ? { [rule.field]: numbers[i] } : {}),
        collection: event.collection,
        item: event.itemId,
        case_no: event.caseNo,
        department: event.department,
        clock_key: event.key,
        due_at: event.dueAt.toISOString(),
        issued_at: now.toISOString(),
        reason: event.message,
      }),
    ),
  );
  for (let start = 0; start < rows.length; start += 50) await trx.database('urge_notices').insert(rows.slice(start, start + 50));
}

/** Which of these ledger keys were issued already (read in chunks to keep each query small). */
async function issuedKeys(data: DataAccess, keys: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let start = 0; start < keys.length; start += 500) {
    const rows = await readAll(data, 'deadline_events', { filter: { key: { _in: keys.slice(start, start + 500) } }, fields: ['key'] });
    for (const row of rows) known.add(String(row['key']));
  }
  return known;
}

/**
 * K-MONTHLY: last month's statistics are due by the rule's day of this month (default the 10th,
 * ending 24:00); past it without the table, the GM Office gets one urge notice.
 */
async function urgeMonthlyStats(
  data: DataAccess,
  now: Date,
  timeZone: string,
  rules: Awaited<ReturnType<typeof loadClockContext>>['rules'],
): Promise<number> {
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
      await itemsService(trx, 'urge_notices').createOne({
        collection: 'complaint_monthly_stats',
        item: period,
        case_no: period,
        department,
        clock_key: key,
        due_at: due.toISOString(),
        issued_at: now.toISOString(),
        reason: message,
      });
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

/** K-INQUIRE: each closed complaint is checked once; a department late in a stage gets a 洽办单. */
async function checkClosedComplaints(data: DataAccess, now: Date): Promise<number> {
  let issued = 0;
  const closed = await readAll(data, 'complaints', {
    filter: { stage: { _eq: 'closed' }, timeliness_checked_at: { _null: true } },
    fields: ['id', 'complaint_no'],
  });
  for (const complaint of closed) {
    const steps = await readAll(data, 'complaint_steps', {
      filter: { complaint: { _eq: complaint['id'] }, due_at: { _nnull: true }, completed_at: { _nnull: true } },
      fields: ['id', 'from_stage', 'to_stage', 'department', 'due_at', 'completed_at'],
    });
    for (const step of steps) {
      const plan = inquiryFor({
        id: step['id'],
        complaintId: complaint['id'],
        complaintNo: complaint['complaint_no'] ?? null,
        stage: step['to_stage'],
        department: step['department'] ?? null,
        dueAt: new Date(step['due_at']),
        completedAt: new Date(step['completed_at']),
      });
      if (!plan) continue;
      const done = await issueOnce(
        data,
        { key: plan.key, kind: 'inquiry', collection: 'complaints', item: String(plan.complaintId), department: plan.department },
        now,
        async (trx) => {
          await itemsService(trx, 'overdue_inquiries').createOne({
            complaint: plan.complaintId,
            department: plan.department,
            stage: plan.stage,
            overdue_by: plan.overdueHours,
            clock_key: plan.key,
            issued_at: now.toISOString(),
          });
          await notifyDepartment(trx, plan.department, {
            subject: `【洽办】${plan.complaintNo ?? ''} 处理逾期`,
            message: plan.message,
            collection: 'complaints',
            item: String(plan.complaintId),
          });
        },
      );
      if (done) issued++;
    }
    await itemsService(data, 'complaints').updateOne(complaint['id'], { timeliness_checked_at: now.toISOString() }, QUIET);
  }
  return issued;
}

/**
 * Administrators are told once per year of missing official holidays: this year's and, from 1
 * November, next year's in any case (calendarGapYears); earlier, next year's only once open clocks
 * run into it.
 */
async function warnCalendarGaps(
  data: DataAccess,
  now: Date,
  timeZone: string,
  calendar: Awaited<ReturnType<typeof loadClockContext>>['calendar'],
): Promise<number> {
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
