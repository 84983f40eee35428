import { computeDeadline, type Deadline, type DeadlineRule } from './deadline-clock';
import { STAGE_HOLDERS, type Department } from './departments';
import type { WorkCalendar } from './work-calendar';
import { meetsCondition } from './rule-condition';
import { instant } from './zoned-time';

export interface StoredDeadlineRule extends DeadlineRule {
  key: string;
  case_collection: string;
  milestone: string;
  urge_department: Department | null;
  active: boolean;
  /** 适用条件: a Directus filter over the case's fields; null applies to every case (rule-condition.ts) */
  applies_when?: unknown;
}

type Item = Record<string, unknown>;

/**
 * Where a clock of a case type keeps its start, stop, due and warning times. Which limit applies
 * comes from the deadline rules (data); this only says which fields of the case carry the clock.
 */
export interface ClockDefinition {
  id: string;
  collection: string;
  /** the deadline rule for this case, or null when the clock does not run for it */
  rule: (item: Item, rules: StoredDeadlineRule[]) => StoredDeadlineRule | null;
  /** cases this clock can run for at all, whatever the rules say (default: every case) */
  runsFor?: (item: Item) => boolean;
  start: string;
  /** an earlier time that starts the clock when the case carries it (the clock runs from the earlier of the two) */
  earlierStart?: string;
  stop: string | null;
  due: string;
  warn: string;
  /** a condition the case must meet for the clock to count as running (besides not stopped) */
  whileOpen?: Record<string, unknown>;
  /** the department urged when the clock breaches */
  holder: (item: Item, rule: StoredDeadlineRule) => Department | null;
  /** fields whose change can move the clock */
  inputs: string[];
  /** a complaint clock that keeps running after the complaint is closed (a report still owed) */
  outlivesCase?: boolean;
}

const byKey = (key: string) => (_item: Item, rules: StoredDeadlineRule[]) => rules.find((rule) => rule.key === key && rule.active) ?? null;
const stageOf = (item: Item) => String(item['stage'] ?? 'draft');
// Fields of a report the seeded conditions of the scene and survey rules read (死亡人数, 重大案件 …): a change of
// one of them may start or end those clocks. A condition on other fields is applied on the next such change or
// when the rules are recomputed.
const REPORT_CONDITION_INPUTS = ['deaths', 'is_major', 'incident_cause', 'policy', 'status', 'reported_at'];
// A report closed or not accepted is no longer followed up: its scene and survey clocks are not urged.
const REPORT_OPEN = { status: { _nin: ['closed', 'not_accepted'] } };

export const CLOCK_DEFINITIONS: ClockDefinition[] = [
  {
    id: 'hq_report',
    collection: 'claim_reports',
    rule: (item, rules) => (item['is_major'] ? byKey('major_report_to_hq')(item, rules) : null),
    runsFor: (item) => Boolean(item['is_major']),
    // 报案或了解情况的24小时内: the agency may have learned of the case before it was reported.
    start: 'reported_at',
    earlierStart: 'learned_at',
    stop: 'hq_reported_at',
    due: 'hq_due_at',
    warn: 'hq_warn_at',
    holder: (_item, rule) => rule.urge_department,
    inputs: ['is_major', 'reported_at', 'learned_at', 'hq_reported_at'],
  },
  {
    // C-SCENE (第四条（二）5): the reporter is told to keep the scene, for the reports the rule's condition selects.
    id: 'scene_protection',
    collection: 'claim_reports',
    rule: byKey('scene_protection'),
    start: 'reported_at',
    stop: 'scene_protection_notified_at',
    whileOpen: REPORT_OPEN,
    due: 'scene_due_at',
    warn: 'scene_warn_at',
    holder: (_item, rule) => rule.urge_department,
    inputs: [...REPORT_CONDITION_INPUTS, 'scene_protection_notified_at'],
  },
  {
    // C-SCENE / C-SURVEY (第四条（二）5、（三）): the insurer (呈报机构) is asked to survey the scene or the case.
    id: 'survey_request',
    collection: 'claim_reports',
    rule: byKey('survey_request'),
    start: 'reported_at',
    stop: 'insurer_survey_notified_at',
    whileOpen: REPORT_OPEN,
    due: 'survey_request_due_at',
    warn: 'survey_request_warn_at',
    holder: (_item, rule) => rule.urge_department,
    inputs: [...REPORT_CONDITION_INPUTS, 'insurer_survey_notified_at'],
  },
  {
    // C-SURVEY: once the survey is asked for, its report is awaited (and chased) within the rule's limit.
    id: 'survey_report',
    collection: 'claim_reports',
    rule: byKey('survey_report'),
    start: 'insurer_survey_notified_at',
    stop: 'survey_report_received_at',
    whileOpen: REPORT_OPEN,
    due: 'survey_report_due_at',
    warn: 'survey_report_warn_at',
    holder: (_item, rule) => rule.urge_department,
    inputs: [...REPORT_CONDITION_INPUTS, 'insurer_survey_notified_at', 'survey_report_received_at'],
  },
  {
    id: 'handover',
    collection: 'claim_applications',
    rule: byKey('claim_handover'),
    start: 'materials_complete_at',
    stop: 'handed_over_at',
    due: 'handover_due_at',
    warn: 'handover_warn_at',
    holder: (_item, rule) => rule.urge_department,
    inputs: ['materials_complete_at', 'handed_over_at'],
  },
  {
    // K-PETITION: the GM Office decides a 签呈 within the rule's limit from its submission.
    id: 'petition_decision',
    collection: 'petitions',
    rule: byKey('petition_decision'),
    start: 'submitted_at',
    stop: 'decided_at',
    due: 'due_at',
    warn: 'warn_at',
    holder: (_item, rule) => rule.urge_department,
    inputs: ['submitted_at', 'decided_at'],
  },
  {
    id: 'complaint_close',
    collection: 'complaints',
    rule: byKey('complaint_close'),
    start: 'registered_at',
    stop: 'closed_at',
    due: 'due_at',
    warn: 'warn_at',
    // The whole case is late: the department holding it now is urged.
    holder: (item, rule) => STAGE_HOLDERS[stageOf(item)] ?? rule.urge_department,
    inputs: ['registered_at', 'closed_at', 'stage'],
  },
  {
    id: 'complaint_stage',
    collection: 'complaints',
    rule: (item, rules) =>
      rules.find((rule) => rule.case_collection === 'complaints' && rule.milestone === stageOf(item) && rule.active) ?? null,
    start: 'stage_entered_at',
    // Closing stops it with the whole case (closed_at is set when the stage becomes 结案); as a stop
    // field it also lets the sweep find running stage clocks by index (see clock-indexes.ts).
    stop: 'closed_at',
    due: 'stage_due_at',
    warn: 'stage_warn_at',
    holder: (item, rule) => STAGE_HOLDERS[stageOf(item)] ?? rule.urge_department,
    inputs: ['stage', 'stage_entered_at'],
  },
  {
    // K-REPORT3D (第十三条 2): the quality department reports to the GM within the rule's limit after the
    // investigation (the complaint first leaves 运营部调查); the report stops it, whether or not the case is closed.
    id: 'quality_report',
    collection: 'complaints',
    rule: byKey('quality_report_to_gm'),
    start: 'investigated_at',
    stop: 'gm_reported_at',
    due: 'gm_report_due_at',
    warn: 'gm_report_warn_at',
    holder: (_item, rule) => rule.urge_department ?? 'quality',
    inputs: ['stage', 'investigated_at', 'gm_reported_at'],
    outlivesCase: true,
  },
];

/** Directus filter conditions for cases whose clock still runs: not stopped, and the case not closed. */
export function runningClockFilter(definition: ClockDefinition): Record<string, unknown>[] {
  const filters: Record<string, unknown>[] = [];
  if (definition.stop) filters.push({ [definition.stop]: { _null: true } });
  if (definition.whileOpen) filters.push(definition.whileOpen);
  if (definition.collection === 'complaints' && !definition.outlivesCase) filters.push({ stage: { _neq: 'closed' } });
  return filters;
}

export function clockDefinitionsFor(collection: string): ClockDefinition[] {
  return CLOCK_DEFINITIONS.filter((definition) => definition.collection === collection);
}

/** When the clock started for this case: its start field, or the earlier start when that came first. */
export function clockStart(definition: ClockDefinition, item: Item): Date | null {
  const start = instant(item[definition.start]);
  const earlier = definition.earlierStart ? instant(item[definition.earlierStart]) : null;
  if (!start) return null;
  return earlier && earlier < start ? earlier : start;
}

/** Whether the clock can run for this case before any rule is looked at: it has started, and the case is of the kind it times. */
export function clockMayRun(definition: ClockDefinition, item: Item): boolean {
  return clockStart(definition, item) !== null && (definition.runsFor?.(item) ?? true);
}

/** Rule parameters that set a clock's limit (the deadline rule keeps its warning ratio, urge department and switch). */
export const CLOCK_LIMIT_PARAMETERS: Record<string, { parameter: string; unit: StoredDeadlineRule['limit_unit'] }> = {
  major_report_to_hq: { parameter: 'hq_report_hours', unit: 'hours' },
};

/**
 * The deadline rules with the limits their rule parameters set. A parameter that is no positive whole
 * number (or missing) leaves the rule's own limit in force.
 */
export function withLimitParameters(rules: StoredDeadlineRule[], parameters: Record<string, unknown>): StoredDeadlineRule[] {
  return rules.map((rule) => {
    const source = CLOCK_LIMIT_PARAMETERS[rule.key];
    const value = source ? Number(parameters[source.parameter] ?? NaN) : NaN;
    return source && Number.isInteger(value) && value > 0 ? { ...rule, limit_value: value, limit_unit: source.unit } : rule;
  });
}

/**
 * The due and warning times a case should carry for one clock: null when the clock does not run
 * (no start, no rule). A stopped clock keeps its due time so lateness stays visible.
 */
export function caseClockFields(
  definition: ClockDefinition,
  item: Item,
  rules: StoredDeadlineRule[],
  calendar: WorkCalendar,
  timeZone: string,
): Record<string, string | null> {
  const deadline = caseDeadline(definition, item, rules, calendar, timeZone);
  return {
    [definition.due]: deadline?.dueAt.toISOString() ?? null,
    [definition.warn]: deadline?.warnAt.toISOString() ?? null,
  };
}

/** caseClockFields as instants: the clock's due and warning time, or null when it does not run. */
export function caseDeadline(
  definition: ClockDefinition,
  item: Item,
  rules: StoredDeadlineRule[],
  calendar: WorkCalendar,
  timeZone: string,
): Deadline | null {
  const found = clockMayRun(definition, item) ? definition.rule(item, rules) : null;
  const rule = found && meetsCondition(found.applies_when, item) ? found : null;
  const start = clockStart(definition, item);
  if (!rule || !start) return null;
  return computeDeadline({ start, rule: { ...rule, warn_ratio: Number(rule.warn_ratio) }, calendar, timeZone });
}
