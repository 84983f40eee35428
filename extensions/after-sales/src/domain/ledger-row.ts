import { LABELS } from './choice-labels';
import { statusFromTimes, type LimitUnit } from './deadline-clock';
import { daysBetween, workdaysBetween, type WorkCalendar } from './work-calendar';
import { localDate } from './zoned-time';

/**
 * One line of the 客户抱怨案件登记追踪表 (Art. 13.3): a complaint with its 13-day clock as the
 * clerk reads it. Status and times come from the due and warning times the case stores, so the
 * ledger, the sweep and the status counts never disagree.
 */

export type LedgerStatus = 'not_started' | 'on_track' | 'warning' | 'breached' | 'met' | 'met_late';

/** The chip text of each status: the colour is never the only signal. */
export const LEDGER_STATUS_LABELS: Record<LedgerStatus, string> = {
  not_started: '未起算',
  on_track: '正常',
  warning: '即将超时',
  breached: '已逾期',
  met: '按时结案',
  met_late: '逾期结案',
};

export interface LedgerComplaint {
  id: number;
  complaint_no: string | null;
  registered_at: string | null;
  customer_name: string | null;
  demand: string | null;
  stage: string | null;
  holding_department: string | null;
  due_at: string | null;
  warn_at: string | null;
  responsible_department: string | null;
  closed_at: string | null;
}

export interface LedgerRow {
  id: number;
  complaint_no: string | null;
  registered_on: string | null;
  customer_name: string;
  demand: string;
  stage: string;
  stage_label: string;
  holding_department: string | null;
  holding_label: string;
  time_used: string;
  time_left: string;
  status: LedgerStatus;
  status_label: string;
  urge_count: number | null;
  responsible_department: string | null;
  responsible_label: string;
  closed_on: string | null;
}

export interface LedgerRowInput {
  complaint: LedgerComplaint;
  /** how the complaint's closing rule counts: hours, calendar days or working days */
  unit: LimitUnit;
  /** urge notices the caller may see for this complaint; null when the caller may not read them */
  urgeCount: number | null;
  now: Date;
  calendar: WorkCalendar;
  timeZone: string;
}

const HOUR_MS = 3_600_000;
const DEMAND_LENGTH = 24;
const UNIT_TEXT: Record<LimitUnit, string> = { hours: '小时', days: '天', workdays: '个工作日' };

const instant = (value: string | null) => (value ? new Date(value) : null);

/** The demand in short, as the paper ledger has it. */
export function shortDemand(demand: string | null): string {
  const text = (demand ?? '').replace(/\s+/g, ' ').trim();
  return text.length > DEMAND_LENGTH ? `${text.slice(0, DEMAND_LENGTH)}…` : text;
}

/** Time on the clock from start to `at`, counted the way the rule counts (the start day never counts). */
export function timeUsed(unit: LimitUnit, start: Date, at: Date, calendar: WorkCalendar, timeZone: string): number {
  switch (unit) {
    case 'hours':
      return Math.max(0, Math.floor((at.getTime() - start.getTime()) / HOUR_MS));
    case 'days':
      return Math.max(0, daysBetween(localDate(start, timeZone), localDate(at, timeZone)));
    case 'workdays':
      return workdaysBetween(calendar, localDate(start, timeZone), localDate(at, timeZone));
  }
}

/**
 * Time left until dueAt at `at` (negative: how late). Day limits end at 24:00 of their last day, so
 * on that day 0 is left ("today"), and the day after it is 1 late.
 */
export function timeLeft(unit: LimitUnit, dueAt: Date, at: Date, calendar: WorkCalendar, timeZone: string): number {
  if (unit === 'hours') {
    const ms = dueAt.getTime() - at.getTime();
    return ms >= 0 ? Math.ceil(ms / HOUR_MS) : -Math.ceil(-ms / HOUR_MS);
  }
  const lastDay = localDate(new Date(dueAt.getTime() - 1), timeZone);
  const today = localDate(at, timeZone);
  if (unit === 'days') return daysBetween(today, lastDay);
  return at < dueAt ? workdaysBetween(calendar, today, lastDay) : -workdaysBetween(calendar, lastDay, today);
}

function leftText(unit: LimitUnit, left: number, breached: boolean): string {
  if (breached) return left < 0 ? `逾期 ${-left} ${UNIT_TEXT[unit]}` : '已逾期';
  return left === 0 ? '今日到期' : `剩 ${left} ${UNIT_TEXT[unit]}`;
}

export function ledgerRow({ complaint, unit, urgeCount, now, calendar, timeZone }: LedgerRowInput): LedgerRow {
  const start = instant(complaint.registered_at);
  const dueAt = instant(complaint.due_at);
  const warnAt = instant(complaint.warn_at) ?? dueAt;
  const closedAt = instant(complaint.closed_at);
  const at = closedAt ?? now;
  const stage = complaint.stage ?? 'draft';

  let status: LedgerStatus = 'not_started';
  let used = '—';
  let left = '—';
  if (start && dueAt && warnAt) {
    status = statusFromTimes({ dueAt, warnAt, now, stoppedAt: closedAt });
    used = `${timeUsed(unit, start, at, calendar, timeZone)} ${UNIT_TEXT[unit]}`;
    if (status !== 'met')
      left = leftText(unit, timeLeft(unit, dueAt, at, calendar, timeZone), status === 'breached' || status === 'met_late');
  } else if (stage === 'closed') {
    status = 'met';
  }

  const label = (kind: string, key: string | null, fallback: string) => (key ? (LABELS[kind]?.[key] ?? key) : fallback);
  return {
    id: complaint.id,
    complaint_no: complaint.complaint_no,
    registered_on: start ? localDate(start, timeZone) : null,
    customer_name: complaint.customer_name ?? '',
    demand: shortDemand(complaint.demand),
    stage,
    stage_label: label('stage', stage, ''),
    holding_department: complaint.holding_department,
    holding_label: label('department', complaint.holding_department, '—'),
    time_used: used,
    time_left: left,
    status,
    status_label: LEDGER_STATUS_LABELS[status],
    urge_count: urgeCount,
    responsible_department: complaint.responsible_department,
    responsible_label: label('department', complaint.responsible_department, '未判定'),
    closed_on: closedAt ? localDate(closedAt, timeZone) : null,
  };
}
