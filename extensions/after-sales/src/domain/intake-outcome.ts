import { LABELS } from './choice-labels';
import { formatInstant } from './zoned-time';

/** What the clerk tells the caller once the report is saved (C-LOOKUP, C-ELIGIBLE, C-MAJOR). */
export interface IntakeOutcome {
  reportNo: string | null;
  tone: 'success' | 'danger' | 'warning' | 'info';
  verdict: string;
  /** the reasons of 不予受理, in Chinese */
  reasons: string[];
  /** what to say or do next */
  advice: string;
  /** the rejection notice may be printed now */
  printsNotice: boolean;
  major: { reasons: string[]; hqDue: string | null; hqReported: string | null } | null;
}

const label = (kind: string, key: unknown) => LABELS[kind]?.[String(key)] ?? String(key);
const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : typeof value === 'string' && value.startsWith('[') ? JSON.parse(value) : [];

const VERDICTS: Record<string, Pick<IntakeOutcome, 'tone' | 'verdict' | 'advice'>> = {
  registered: { tone: 'success', verdict: '符合受理条件', advice: '请告知报案人报案号，并提示其准备理赔申请材料。' },
  not_accepted: { tone: 'danger', verdict: '不予受理', advice: '请向报案人说明原因，并打印不予受理通知书书面告知。' },
  no_policy: { tone: 'warning', verdict: '未查到保单', advice: '我司未查到该出险人的保单，请如实告知报案人，并请其向承保公司核实。' },
  accepted: { tone: 'info', verdict: '已受理', advice: '报案已转入理赔申请。' },
  closed: { tone: 'info', verdict: '已结案', advice: '本报案已结案。' },
};

/** The outcome of a saved report, from its stored values; null before it is saved. */
export function intakeOutcome(values: Record<string, unknown>, timeZone: string): IntakeOutcome | null {
  const status = values['status'];
  if (!values['report_no'] || typeof status !== 'string') return null;
  const verdict = VERDICTS[status] ?? { tone: 'info' as const, verdict: label('report_status', status), advice: '' };
  const reasons = status === 'not_accepted' ? list(values['rejection_reasons']).map((reason) => label('rejection_reason', reason)) : [];
  const major =
    values['is_major'] === true || values['is_major'] === 1
      ? {
          reasons: list(values['major_reasons']).map((reason) => label('major_reason', reason)),
          hqDue: formatInstant(values['hq_due_at'], timeZone),
          hqReported: formatInstant(values['hq_reported_at'], timeZone),
        }
      : null;
  return { reportNo: String(values['report_no']), ...verdict, reasons, printsNotice: status === 'not_accepted', major };
}
