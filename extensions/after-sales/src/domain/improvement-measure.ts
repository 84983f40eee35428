import { DEPARTMENT_ROLES } from './departments';
import { proposes, refuse, text, touched, type FollowUpActor, type FollowUpJudgement } from './follow-up-actor';
import { formatLocal, zonedParts } from './zoned-time';

/**
 * K-IMPROVE (第十一条 2(2), 3(5), 3(7); 第十三条 9): an improvement measure is proposed by Operations or the GM
 * Office with an owner department and a due date; the owner carries it out and writes the result (已完成待确认效果);
 * the GM Office confirms the effect (效果已确认) or sends it back to be carried out again, with its reasons.
 */
export const PLAN_FIELDS = ['complaint', 'measure', 'owner_department', 'due_date'];

type Row = Record<string, unknown>;
const departmentName = (key: unknown) => DEPARTMENT_ROLES[String(key) as keyof typeof DEPARTMENT_ROLES] ?? '负责部门';
const GM_OFFICE = 'gm_office';
const confirmsEffect = (actor: FollowUpActor) => actor.isAdmin || actor.department === GM_OFFICE;

export function judgeNewImprovementMeasure(payload: Row, actor: FollowUpActor): FollowUpJudgement<'propose'> {
  if (!proposes(actor)) return refuse('改善对策由运营部或总经理室提出。', true);
  if (payload['status'] !== undefined && payload['status'] !== 'open')
    return refuse('新的改善对策以“执行中”提交，由负责部门完成后填写执行结果。');
  return { kind: 'propose' };
}

export function judgeImprovementMeasureChange(
  stored: Row,
  changes: Row,
  actor: FollowUpActor,
): FollowUpJudgement<'done' | 'confirmed' | 'reopened'> {
  const from = String(stored['status'] ?? 'open');
  const merged = { ...stored, ...changes };
  const plan = touched(PLAN_FIELDS, stored, changes);
  const result = touched(['result'], stored, changes);
  const opinion = touched(['effect_opinion'], stored, changes);
  if (from === 'confirmed') {
    return plan.length || result.length || opinion.length || touched(['status'], stored, changes).length
      ? refuse('效果已确认的改善对策不能再修改；需要新的对策请另行提出。')
      : { kind: 'none' };
  }
  if (plan.length && !proposes(actor)) return refuse('改善对策的内容、负责部门和完成期限由运营部或总经理室确定。', true);
  if (plan.length && from !== 'open') return refuse('已完成的改善对策不能再改内容或期限；效果未达成请由总经理室退回。');
  const owner = actor.isAdmin || actor.department === stored['owner_department'];
  if (result.length && (!owner || from !== 'open'))
    return refuse(`执行结果由负责部门（${departmentName(stored['owner_department'])}）在执行中填写。`, !owner);
  if (opinion.length && !confirmsEffect(actor)) return refuse('效果确认意见由总经理室填写。', true);
  const to = changes['status'];
  if (to === undefined || to === from) return { kind: 'none' };
  if (from === 'open' && to === 'done') {
    if (!owner) return refuse(`改善对策由负责部门（${departmentName(stored['owner_department'])}）完成。`, true);
    return text(merged['result']) ? { kind: 'done' } : refuse('完成改善对策须先填写“执行结果”。');
  }
  if (from === 'done' && (to === 'confirmed' || to === 'open')) {
    if (!confirmsEffect(actor)) return refuse('改善对策的效果由总经理室确认。', true);
    if (to === 'confirmed') return { kind: 'confirmed' };
    return text(changes['effect_opinion']) ? { kind: 'reopened' } : refuse('效果未达成退回时须在“效果确认意见”中写明理由。');
  }
  return refuse('改善对策只能由负责部门改为“已完成待确认效果”，再由总经理室确认效果或退回“执行中”。');
}

/**
 * The measure's clock: due at 24:00 (business time zone) of its due date, warned when 80 % of the time from
 * `start` has passed (the share the deadline rules use by default). Null for a date that is not YYYY-MM-DD.
 */
export function measureDeadline(dueDate: unknown, start: Date, timeZone: string, warnRatio = 0.8): { dueAt: Date; warnAt: Date } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(dueDate ?? ''));
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Midnight after the due date as if UTC, corrected by the zone's offset at that instant.
  const naive = Date.UTC(year, month - 1, day + 1);
  const seen = zonedParts(new Date(naive), timeZone);
  const offset = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second) - naive;
  const dueAt = new Date(naive - offset);
  const span = Math.max(0, dueAt.getTime() - start.getTime());
  return { dueAt, warnAt: new Date(dueAt.getTime() - span * (1 - warnRatio)) };
}

/** A measure as the monthly review lists it while it is not done or its effect not confirmed (第十三条 9). */
export interface OpenMeasure {
  id: unknown;
  measure: string;
  owner: string;
  due_date: string;
  status: string;
}

export function openMeasures(rows: Row[], statusLabels: Record<string, string>): OpenMeasure[] {
  return rows
    .filter((row) => row['status'] !== 'confirmed')
    .map((row) => ({
      id: row['id'],
      measure: String(row['measure'] ?? ''),
      owner: departmentName(row['owner_department']),
      due_date: String(row['due_date'] ?? ''),
      status: statusLabels[String(row['status'])] ?? String(row['status']),
    }))
    .sort((a, b) => a.due_date.localeCompare(b.due_date) || String(a.id).localeCompare(String(b.id)));
}

/** An overdue measure's 催办单: the ledger key (once per measure, state and due time), who is urged and why. */
export interface MeasureUrge {
  key: string;
  department: string;
  dueAt: Date;
  message: string;
}

/**
 * K-IMPROVE: a measure still 执行中 at or past its due time is urged once to its owner department. A measure sent
 * back by the GM Office with a new due date is urged again when that date passes; with the same date, not twice.
 */
export function measureUrge(row: Row, complaintNo: string | null, now: Date, timeZone: string): MeasureUrge | null {
  const dueAt = row['due_at'] ? new Date(String(row['due_at'])) : null;
  if (row['status'] !== 'open' || !dueAt || Number.isNaN(dueAt.getTime()) || now < dueAt) return null;
  const measure = String(row['measure'] ?? '').trim();
  const shown = measure.length > 40 ? `${measure.slice(0, 40)}…` : measure;
  const owner = departmentName(row['owner_department']);
  return {
    key: `urge:improvement_measures:${row['id']}:open:${dueAt.toISOString()}`,
    department: String(row['owner_department']),
    dueAt,
    message:
      `投诉 ${complaintNo ?? `#${row['complaint']}`} 的改善对策“${shown}”已于 ${formatLocal(dueAt, timeZone)} 到期仍未完成，` +
      `请${owner}立即执行并填写执行结果（第十三条 9）。`,
  };
}
