import { CLOCK_DEFINITIONS, runningClockFilter, type ClockDefinition } from './case-clocks';

/**
 * The running clocks of each case type split into on track / warning / breached, as Directus
 * filters on the due and warning times the cases store: the same split the sweep and the ledger
 * use. `now` is an ISO time for counting on the server, or '$NOW' for a list in the admin app.
 */

export type RunningStatus = 'on_track' | 'warning' | 'breached';

export const RUNNING_STATUSES: RunningStatus[] = ['on_track', 'warning', 'breached'];

export const RUNNING_STATUS_LABELS: Record<RunningStatus, string> = { on_track: '正常', warning: '即将超时', breached: '已逾期' };

/** What each clock is called on the dashboard. */
/** One clock's counts as GET /after-sales/deadline-status answers them and the status panel shows them. */
export interface ClockStatusCounts {
  clock: string;
  label: string;
  collection: string;
  collection_label: string;
  /** null when the caller may not read this case type */
  counts: Record<RunningStatus, number> | null;
  /** the list filter behind each count, with $NOW, for the admin app's list of that collection */
  filters: Record<RunningStatus, Record<string, unknown>>;
}

export const CLOCK_LABELS: Record<string, string> = {
  hq_report: '重大案件呈报总部（24小时）',
  handover: '理赔材料移交保险公司',
  complaint_close: '客户抱怨结案（13天）',
  complaint_stage: '投诉处理环节',
};

export function statusFilter(definition: ClockDefinition, status: RunningStatus, now: string): Record<string, unknown> {
  const running = [{ [definition.due]: { _nnull: true } }, ...runningClockFilter(definition)];
  const bounds: Record<RunningStatus, Record<string, unknown>[]> = {
    breached: [{ [definition.due]: { _lte: now } }],
    warning: [{ [definition.warn]: { _lte: now } }, { [definition.due]: { _gt: now } }],
    on_track: [{ [definition.warn]: { _gt: now } }],
  };
  return { _and: [...running, ...bounds[status]] };
}

/** The clocks asked for by id (all when none), refusing unknown ids. */
export function clocksByIds(ids: string[]): { clocks: ClockDefinition[]; unknown: string[]; known: string[] } {
  const known = CLOCK_DEFINITIONS.map((definition) => definition.id);
  const unknown = ids.filter((id) => !CLOCK_DEFINITIONS.some((definition) => definition.id === id));
  const clocks = ids.length ? CLOCK_DEFINITIONS.filter((definition) => ids.includes(definition.id)) : CLOCK_DEFINITIONS;
  return { clocks, unknown, known };
}
