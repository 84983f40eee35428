import { CLOCK_DEFINITIONS, runningClockFilter, type ClockDefinition, type StoredDeadlineRule } from './case-clocks';
import { LABELS } from './choice-labels';
import { runningStatus } from './deadline-clock';
import { DEPARTMENT_ROLES, STAGE_HOLDERS, type Department } from './departments';
import { formatLocal, instant } from './zoned-time';
import { rankedAuthorities, type ApprovalAuthority } from './approval-authority';

/**
 * Whose work is what: for each kind of waiting work, which items of which collection wait on which
 * department, and when they are due. The workbench (GET /after-sales/workbench) and the role
 * bookmarks (我的待办 / 即将超时 / 已逾期) are both built from this one definition.
 */

export type Filter = Record<string, unknown>;
type Row = Record<string, unknown>;

export type WorkStatus = 'breached' | 'warning' | 'on_track' | 'no_deadline';

export const WORK_STATUS_TEXT: Record<WorkStatus, string> = {
  breached: '已逾期',
  warning: '即将超时',
  on_track: '正常',
  no_deadline: '无时限',
};

/** Who takes reports and claim applications (docs/contract.md). */
const CLAIMS_DESK: Department = 'market';
/** Who decides a petition (签呈) filed against a decision (第十三条 12). */
const PETITION_DECIDER: Department = 'gm_office';
/** Who confirms the effect of an improvement measure (第十一条 3(5)). */
const IMPROVEMENT_JUDGE: Department = 'gm_office';

/** Where an item keeps the due and warning times of a clock that runs on it. */
interface WorkClock {
  due: string;
  warn: string | null;
}

export interface WorkSource {
  kind: string;
  collection: string;
  /** the case type as staff call it */
  caseType: string;
  /** what the department has to do */
  task: string;
  numberField: string;
  fields: string[];
  clocks: WorkClock[];
  sort: string[];
  /** the items waiting on `department` (null: on any department), or null when it never holds this work */
  filter: (department: Department | null, rules: StoredDeadlineRule[]) => Filter | null;
  holder: (row: Row, rules: StoredDeadlineRule[]) => Department | null;
  title: (row: Row) => string;
  statusLabel: (row: Row) => string;
}

const clockDefinition = (id: string): ClockDefinition => {
  const definition = CLOCK_DEFINITIONS.find((candidate) => candidate.id === id);
  if (!definition) throw new Error(`unknown clock ${id}`);
  return definition;
};
const HQ_REPORT = clockDefinition('hq_report');
const HANDOVER = clockDefinition('handover');
const PETITION_DECISION = clockDefinition('petition_decision');
const SCENE_PROTECTION = clockDefinition('scene_protection');
const SURVEY_REQUEST = clockDefinition('survey_request');
const SURVEY_REPORT = clockDefinition('survey_report');
const COMPLAINT_STAGE = clockDefinition('complaint_stage');
const COMPLAINT_CLOSE = clockDefinition('complaint_close');
const QUALITY_REPORT = clockDefinition('quality_report');

const clockOf = (definition: ClockDefinition): WorkClock => ({ due: definition.due, warn: definition.warn });

/** The department a rule-driven clock reports to (its urge department, data), or null when the clock does not run. */
function ruleHolder(definition: ClockDefinition, sample: Row, rules: StoredDeadlineRule[]): Department | null {
  const rule = definition.rule(sample, rules);
  return rule ? definition.holder(sample, rule) : null;
}

/** `base` for a department that holds this work, null for one that does not. */
const heldBy = (holder: Department | null, department: Department | null, base: Filter): Filter | null =>
  holder !== null && (department === null || department === holder) ? base : null;

const and = (...filters: Filter[]): Filter => (filters.length === 1 ? filters[0]! : { _and: filters });
const or = (filters: Filter[]): Filter => (filters.length === 1 ? filters[0]! : { _or: filters });
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const excerpt = (value: unknown, length = 40) => {
  const plain = text(value).replace(/\s+/g, ' ').trim();
  return plain.length > length ? `${plain.slice(0, length)}…` : plain;
};
const label = (kind: string, key: unknown) => LABELS[kind]?.[text(key)] ?? text(key);

/**
 * C-SCENE / C-SURVEY: a report whose scene or survey clock runs (the rule's condition met, the notice not yet
 * ticked) waits on the rule's urge department.
 */
function sceneSurveyWork(kind: string, task: string, definition: ClockDefinition): WorkSource {
  const holder = (rules: StoredDeadlineRule[]) => rules.find((rule) => rule.key === kind && rule.active)?.urge_department ?? null;
  return {
    kind,
    collection: 'claim_reports',
    caseType: '报案登记',
    task,
    numberField: 'report_no',
    fields: ['id', 'report_no', 'insured_name', 'status', 'deaths', definition.due, definition.warn],
    clocks: [clockOf(definition)],
    sort: [definition.due, 'id'],
    filter: (department, rules) =>
      heldBy(holder(rules), department, and({ [definition.due]: { _nnull: true } }, ...runningClockFilter(definition))),
    holder: (_row, rules) => holder(rules),
    title: (row) => `${text(row['insured_name'])}（${Number(row['deaths'] ?? 0) > 0 ? `死亡 ${text(row['deaths'])} 人` : '查勘'}）`,
    statusLabel: (row) => label('report_status', row['status']),
  };
}

export const WORK_SOURCES: WorkSource[] = [
  {
    kind: 'report_review',
    collection: 'claim_reports',
    caseType: '报案登记',
    task: '受理报案',
    numberField: 'report_no',
    fields: ['id', 'report_no', 'insured_name', 'incident_cause', 'status', 'reported_at'],
    clocks: [],
    sort: ['reported_at', 'id'],
    filter: (department) => heldBy(CLAIMS_DESK, department, { status: { _eq: 'registered' } }),
    holder: () => CLAIMS_DESK,
    title: (row) => `${text(row['insured_name'])}（${label('cause', row['incident_cause'])}）`,
    statusLabel: (row) => label('report_status', row['status']),
  },
  {
    kind: 'hq_report',
    collection: 'claim_reports',
    caseType: '报案登记',
    task: '重大案件呈报总部',
    numberField: 'report_no',
    fields: ['id', 'report_no', 'insured_name', 'status', 'is_major', 'hq_due_at', 'hq_warn_at'],
    clocks: [clockOf(HQ_REPORT)],
    sort: ['hq_due_at', 'id'],
    filter: (department, rules) =>
      heldBy(
        ruleHolder(HQ_REPORT, { is_major: true }, rules),
        department,
        and({ is_major: { _eq: true } }, { hq_due_at: { _nnull: true } }, ...runningClockFilter(HQ_REPORT)),
      ),
    holder: (_row, rules) => ruleHolder(HQ_REPORT, { is_major: true }, rules),
    title: (row) => `${text(row['insured_name'])}（重大案件）`,
    statusLabel: (row) => label('report_status', row['status']),
  },
  sceneSurveyWork('scene_protection', '通知报案人保护现场', SCENE_PROTECTION),
  sceneSurveyWork('survey_request', '通知承保公司查勘', SURVEY_REQUEST),
  sceneSurveyWork('survey_report', '跟进查勘报告', SURVEY_REPORT),
  {
    kind: 'application_materials',
    collection: 'claim_applications',
    caseType: '理赔申请',
    task: '收集理赔材料',
    numberField: 'application_no',
    fields: ['id', 'application_no', 'applicant_name', 'claim_type', 'status', 'date_created'],
    clocks: [],
    sort: ['date_created', 'id'],
    filter: (department) => heldBy(CLAIMS_DESK, department, and({ status: { _eq: 'collecting' } }, { [HANDOVER.start]: { _null: true } })),
    holder: () => CLAIMS_DESK,
    title: (row) => `${text(row['applicant_name'])}（${label('claim_type', row['claim_type'])}）`,
    statusLabel: (row) => label('application_status', row['status']),
  },
  {
    kind: 'handover',
    collection: 'claim_applications',
    caseType: '理赔申请',
    task: '移交保险公司',
    numberField: 'application_no',
    fields: ['id', 'application_no', 'applicant_name', 'claim_type', 'status', 'handover_due_at', 'handover_warn_at'],
    clocks: [clockOf(HANDOVER)],
    sort: ['handover_due_at', 'id'],
    // As the clock runs: from materials complete (also when back-entered) until handed over.
    filter: (department, rules) =>
      heldBy(ruleHolder(HANDOVER, {}, rules), department, and({ [HANDOVER.start]: { _nnull: true } }, ...runningClockFilter(HANDOVER))),
    holder: (_row, rules) => ruleHolder(HANDOVER, {}, rules),
    title: (row) => `${text(row['applicant_name'])}（${label('claim_type', row['claim_type'])}）`,
    statusLabel: (row) => label('application_status', row['status']),
  },
  {
    kind: 'complaint',
    collection: 'complaints',
    caseType: '客户抱怨',
    task: '办理本阶段',
    numberField: 'complaint_no',
    fields: ['id', 'complaint_no', 'customer_name', 'demand', 'stage', 'stage_due_at', 'stage_warn_at', 'due_at', 'warn_at'],
    // The stage's own limit and the 13-day limit of the whole case both bind the holder.
    clocks: [clockOf(COMPLAINT_STAGE), clockOf(COMPLAINT_CLOSE)],
    sort: ['stage_due_at', 'id'],
    filter: (department) => {
      if (department === null) return and(...runningClockFilter(COMPLAINT_CLOSE));
      const stages = Object.entries(STAGE_HOLDERS)
        .filter(([, holder]) => holder === department)
        .map(([stage]) => stage);
      return stages.length ? { stage: { _in: stages } } : null;
    },
    holder: (row) => STAGE_HOLDERS[text(row['stage']) || 'draft'] ?? null,
    title: (row) => `${text(row['customer_name'])}：${excerpt(row['demand'])}`,
    statusLabel: (row) => label('stage', row['stage'] ?? 'draft'),
  },
  {
    // K-REPORT3D (第十三条 2): after the investigation the quality department reports to the GM (the clock's urge
    // department, data); the report stops the clock, also after the complaint is closed.
    kind: 'quality_report',
    collection: 'complaints',
    caseType: '客户抱怨',
    task: '质量报告呈总经理',
    numberField: 'complaint_no',
    fields: ['id', 'complaint_no', 'customer_name', 'demand', 'stage', 'gm_report_due_at', 'gm_report_warn_at'],
    clocks: [clockOf(QUALITY_REPORT)],
    sort: ['gm_report_due_at', 'id'],
    filter: (department, rules) =>
      heldBy(
        ruleHolder(QUALITY_REPORT, {}, rules),
        department,
        and({ [QUALITY_REPORT.due]: { _nnull: true } }, ...runningClockFilter(QUALITY_REPORT)),
      ),
    holder: (_row, rules) => ruleHolder(QUALITY_REPORT, {}, rules),
    title: (row) => `${text(row['customer_name'])}：${excerpt(row['demand'])}`,
    statusLabel: (row) => label('stage', row['stage'] ?? 'draft'),
  },
  {
    kind: 'urge_notice',
    collection: 'urge_notices',
    caseType: '催办单',
    task: '确认收到并办理',
    numberField: 'notice_no',
    fields: ['id', 'notice_no', 'case_no', 'department', 'reason', 'due_at'],
    clocks: [{ due: 'due_at', warn: null }],
    sort: ['due_at', 'id'],
    filter: (department) => and({ acknowledged_at: { _null: true } }, ...(department ? [{ department: { _eq: department } }] : [])),
    holder: (row) => (text(row['department']) as Department) || null,
    title: (row) => `${row['case_no'] ? `案件 ${text(row['case_no'])}：` : ''}${excerpt(row['reason'])}`,
    statusLabel: () => '待确认收到',
  },
  {
    kind: 'overdue_inquiry',
    collection: 'overdue_inquiries',
    caseType: '洽办单',
    task: '说明逾期原因',
    numberField: 'inquiry_no',
    fields: ['id', 'inquiry_no', 'department', 'stage', 'overdue_by', 'issued_at'],
    clocks: [],
    sort: ['issued_at', 'id'],
    filter: (department) =>
      and({ replied_at: { _null: true } }, { reply: { _empty: true } }, ...(department ? [{ department: { _eq: department } }] : [])),
    holder: (row) => (text(row['department']) as Department) || null,
    title: (row) => `${label('stage', row['stage'])}逾期 ${text(row['overdue_by'] ?? 0)} 小时`,
    statusLabel: () => '待说明原因',
  },
  {
    kind: 'petition',
    collection: 'petitions',
    caseType: '签呈',
    task: '批示签呈',
    numberField: 'petition_no',
    fields: ['id', 'petition_no', 'department', 'content', 'status', 'date_created', 'due_at', 'warn_at'],
    clocks: [clockOf(PETITION_DECISION)],
    sort: ['due_at', 'date_created', 'id'],
    filter: (department) => heldBy(PETITION_DECIDER, department, { status: { _eq: 'submitted' } }),
    holder: () => PETITION_DECIDER,
    title: (row) => `${label('department', row['department'])}：${excerpt(row['content'])}`,
    statusLabel: (row) => label('petition_status', row['status']),
  },
  {
    // K-IMPROVE: the owner department carries a measure out by its due date (24:00 of the date).
    kind: 'improvement_measure',
    collection: 'improvement_measures',
    caseType: '改善对策',
    task: '执行改善对策',
    numberField: 'id',
    fields: ['id', 'measure', 'owner_department', 'status', 'due_at', 'warn_at'],
    clocks: [{ due: 'due_at', warn: 'warn_at' }],
    sort: ['due_at', 'id'],
    filter: (department) => and({ status: { _eq: 'open' } }, ...(department ? [{ owner_department: { _eq: department } }] : [])),
    holder: (row) => (text(row['owner_department']) as Department) || null,
    title: (row) => excerpt(row['measure']),
    statusLabel: (row) => label('improvement_status', row['status']),
  },
  {
    kind: 'improvement_effect',
    collection: 'improvement_measures',
    caseType: '改善对策',
    task: '确认改善效果',
    numberField: 'id',
    fields: ['id', 'measure', 'owner_department', 'status', 'done_at'],
    clocks: [],
    sort: ['done_at', 'id'],
    filter: (department) => heldBy(IMPROVEMENT_JUDGE, department, { status: { _eq: 'done' } }),
    holder: () => IMPROVEMENT_JUDGE,
    title: (row) => `${label('department', row['owner_department'])}：${excerpt(row['measure'])}`,
    statusLabel: (row) => label('improvement_status', row['status']),
  },
];

/**
 * K-CONCLUDE1D / K-AUTHORITY: complaints whose plan or conclusion waits for a decision that the
 * holder of an approval level may take (the amount within their level's limit, whatever their
 * department), with the stage's own clock (1 day for the plan). Not a department's work: a person's.
 */
export const APPROVAL_WORK: WorkSource = {
  kind: 'approval',
  collection: 'complaints',
  caseType: '客户抱怨',
  task: '核决处理方案',
  numberField: 'complaint_no',
  fields: ['id', 'complaint_no', 'customer_name', 'demand', 'stage', 'offer_amount', 'stage_due_at', 'stage_warn_at'],
  clocks: [clockOf(COMPLAINT_STAGE)],
  sort: ['stage_due_at', 'id'],
  filter: () => null,
  holder: () => null,
  title: (row) => `${text(row['customer_name'])}：拟处理金额 ${Number(row['offer_amount'] ?? 0).toLocaleString('zh-CN')} 元`,
  statusLabel: (row) => label('stage', row['stage']),
};

/**
 * K-RESPONSIBLE (第十三条 6): personal penalties waiting for the confirmation of the head of the person's
 * department. A person's work, not a department's: the filter is the caller's (confirmableFilter).
 */
export const CONFIRMATION_WORK: WorkSource = {
  kind: 'penalty_confirmation',
  collection: 'responsible_persons',
  caseType: '责任人员',
  task: '主管确认个人惩处',
  numberField: 'id',
  fields: ['id', 'person_name', 'department', 'penalty_type', 'confirmation', 'proposed_at'],
  clocks: [],
  sort: ['proposed_at', 'id'],
  filter: () => null,
  holder: (row) => (text(row['department']) as Department) || null,
  title: (row) => `${text(row['person_name'])}：${label('penalty_type', row['penalty_type'])}`,
  statusLabel: (row) => label('responsibility_confirmation', row['confirmation']),
};

/** The complaints an approver holding `levels` may decide now, or null when they hold none. */
export function approvalFilter(levels: string[], authorities: ApprovalAuthority[]): Filter | null {
  const held = rankedAuthorities(authorities).filter((row) => levels.includes(row.level));
  if (held.length === 0) return null;
  const top = held[held.length - 1]!;
  const amount: Filter[] = [{ offer_amount: { _nnull: true } }];
  if (top.max_amount !== null) amount.push({ offer_amount: { _lte: Number(top.max_amount) } });
  return and({ stage: { _in: ['plan_review', 'final_review'] } }, ...amount);
}

export interface WorkEntry {
  /** unique per task: one item may wait for two tasks (a registered major report) */
  key: string;
  kind: string;
  collection: string;
  id: string;
  caseType: string;
  task: string;
  number: string;
  title: string;
  statusLabel: string;
  department: Department | null;
  departmentLabel: string;
  dueAt: string | null;
  dueText: string | null;
  status: WorkStatus;
  statusText: string;
  /** route of the item in the admin app's content module */
  link: string;
}

const STATUS_RANK: Record<WorkStatus, number> = { breached: 3, warning: 2, on_track: 1, no_deadline: 0 };

/** One row of a source as a queue entry: the earliest due time of its clocks and the worst of their states at `now`. */
export function workEntry(source: WorkSource, row: Row, rules: StoredDeadlineRule[], now: Date, timeZone: string): WorkEntry {
  let dueAt: Date | null = null;
  let status: WorkStatus = 'no_deadline';
  for (const clock of source.clocks) {
    const due = instant(row[clock.due]);
    if (!due) continue;
    const warn = (clock.warn ? instant(row[clock.warn]) : null) ?? due;
    const state = runningStatus(now, { dueAt: due, warnAt: warn });
    if (STATUS_RANK[state] > STATUS_RANK[status]) status = state;
    if (!dueAt || due < dueAt) dueAt = due;
  }
  const id = text(row['id']);
  const department = source.holder(row, rules);
  return {
    key: `${source.kind}:${id}`,
    kind: source.kind,
    collection: source.collection,
    id,
    caseType: source.caseType,
    task: source.task,
    number: text(row[source.numberField]) || `#${id}`,
    title: source.title(row),
    statusLabel: source.statusLabel(row),
    department,
    departmentLabel: department ? DEPARTMENT_ROLES[department] : '',
    dueAt: dueAt ? dueAt.toISOString() : null,
    dueText: dueAt ? formatLocal(dueAt, timeZone) : null,
    status,
    statusText: WORK_STATUS_TEXT[status],
    link: `/content/${source.collection}/${encodeURIComponent(id)}`,
  };
}

/** The queue's order: by due time, the earliest first; work without a deadline after it. */
export function compareEntries(a: WorkEntry, b: WorkEntry): number {
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export type BookmarkScope = 'mine' | 'due_soon' | 'overdue';

/**
 * The filter of a role bookmark on `collection`: the department's work there (`mine`), the part of it
 * past a warning point and not yet due (`due_soon`), or past due (`overdue`), with Directus's `$NOW`
 * so the bookmark stays current. Null when the department has no such work in the collection.
 */
export function bookmarkFilter(
  collection: string,
  department: Department,
  rules: StoredDeadlineRule[],
  scope: BookmarkScope,
): Filter | null {
  const parts: Filter[] = [];
  for (const source of WORK_SOURCES.filter((candidate) => candidate.collection === collection)) {
    const base = source.filter(department, rules);
    if (!base) continue;
    if (scope === 'mine') {
      parts.push(base);
      continue;
    }
    if (scope === 'overdue' && source.clocks.length) {
      parts.push(and(base, or(source.clocks.map((clock) => ({ [clock.due]: { _lte: '$NOW' } })))));
    }
    const warned = source.clocks.filter((clock): clock is { due: string; warn: string } => clock.warn !== null);
    if (scope === 'due_soon' && warned.length) {
      const notDue = source.clocks.map((clock) => ({ _or: [{ [clock.due]: { _null: true } }, { [clock.due]: { _gt: '$NOW' } }] }));
      parts.push(and(base, or(warned.map((clock) => ({ [clock.warn]: { _lte: '$NOW' } }))), ...notDue));
    }
  }
  return parts.length ? or(parts) : null;
}

/** How a bookmark on `collection` sorts: by the first due time kept there, else like its first source. */
export function bookmarkSort(collection: string): string[] {
  const sources = WORK_SOURCES.filter((source) => source.collection === collection);
  const clock = sources.flatMap((source) => source.clocks)[0];
  return clock ? [clock.due] : (sources[0]?.sort.slice(0, 1) ?? []);
}
