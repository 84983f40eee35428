/**
 * C-SCENE / C-SURVEY (第四条（二）5、（三）): the notices of a report's scene and survey tasks. The clerk ticks each
 * notice when it is given; the server records when and by whom, and the tick stops that task's clock
 * (domain/case-clocks.ts). A survey report is received only after the survey was asked for. A tick stays: only an
 * administrator takes one back or back-enters the time it was given.
 */
type Row = Record<string, unknown>;

export interface SceneSurveyMark {
  /** the tick the clerk sets */
  flag: string;
  label: string;
  /** when the notice was given (server-set; an administrator may back-enter it) */
  at: string;
  atLabel: string;
  /** who gave it (server-set) */
  by: string;
  /** the mark that must be given first */
  after?: string;
  /** 查勘状态 the report reaches with this mark, unless the same write sets it */
  surveyStatus?: string;
}

export const SCENE_SURVEY_MARKS: SceneSurveyMark[] = [
  {
    flag: 'scene_protection_notified',
    label: '已通知报案人保护现场',
    at: 'scene_protection_notified_at',
    atLabel: '通知保护现场时间',
    by: 'scene_protection_notified_by',
  },
  {
    flag: 'insurer_survey_notified',
    label: '已通知承保公司查勘',
    at: 'insurer_survey_notified_at',
    atLabel: '通知查勘时间',
    by: 'insurer_survey_notified_by',
    surveyStatus: 'requested',
  },
  {
    flag: 'survey_report_received',
    label: '已收到查勘报告',
    at: 'survey_report_received_at',
    atLabel: '收到查勘报告时间',
    by: 'survey_report_received_by',
    after: 'insurer_survey_notified',
    surveyStatus: 'done',
  },
];

export const SCENE_SURVEY_FIELDS = SCENE_SURVEY_MARKS.flatMap((mark) => [mark.flag, mark.at, mark.by]);

export interface MarkRefusal {
  field: string;
  label: string;
  rule: string;
}

export type MarkJudgement = { fields: Row } | { refusal: MarkRefusal };

const ticked = (value: unknown) => value === true || value === 1 || value === '1' || value === 'true';
const time = (value: unknown) => (value ? new Date(String(value)).getTime() : NaN);

/**
 * What a write of the marks sets besides itself (times, persons, 查勘状态), or why it is refused. `changes` is
 * the payload; `stored` the report before it (empty on create).
 */
export function judgeSceneSurveyMarks(
  stored: Row,
  changes: Row,
  actor: { user: string | null; isAdmin: boolean },
  now: Date,
): MarkJudgement {
  const fields: Row = {};
  for (const mark of SCENE_SURVEY_MARKS) {
    const was = ticked(stored[mark.flag]);
    if (actor.isAdmin && mark.at in changes) {
      // Back-entry: the time decides the tick.
      const given = changes[mark.at] !== null && changes[mark.at] !== '';
      Object.assign(fields, { [mark.flag]: given, [mark.by]: given ? (stored[mark.by] ?? actor.user) : null });
      if (given && !was && mark.surveyStatus) fields['survey_status'] = mark.surveyStatus;
      continue;
    }
    if (!(mark.flag in changes) || ticked(changes[mark.flag]) === was) continue;
    if (was && !actor.isAdmin)
      return { refusal: { field: mark.flag, label: mark.label, rule: '已记录，不能撤销；记录有误请联系管理员更正' } };
    if (was) Object.assign(fields, { [mark.flag]: false, [mark.at]: null, [mark.by]: null });
    else {
      Object.assign(fields, { [mark.flag]: true, [mark.at]: now.toISOString(), [mark.by]: actor.user });
      if (mark.surveyStatus) fields['survey_status'] = mark.surveyStatus;
    }
  }
  if ('survey_status' in changes) fields['survey_status'] = changes['survey_status'];
  const merged = { ...stored, ...changes, ...fields };
  for (const mark of SCENE_SURVEY_MARKS) {
    const first = SCENE_SURVEY_MARKS.find((candidate) => candidate.flag === mark.after);
    if (!first || !ticked(merged[mark.flag])) continue;
    if (!ticked(merged[first.flag]))
      return { refusal: { field: mark.flag, label: mark.label, rule: `须在“${first.label}”之后记录，请先勾选“${first.label}”` } };
    if (time(merged[mark.at]) < time(merged[first.at]))
      return { refusal: { field: mark.at, label: mark.atLabel, rule: `不能早于“${first.atLabel}”` } };
  }
  return { fields };
}

/** Whether a write touches the marks at all (only then is the stored report read). */
export const touchesMarks = (changes: Row) => SCENE_SURVEY_MARKS.some((mark) => mark.flag in changes || mark.at in changes);
