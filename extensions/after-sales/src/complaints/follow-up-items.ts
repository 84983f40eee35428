import { LABELS } from '../domain/choice-labels';
import type { FollowUpActor, FollowUpJudgement } from '../domain/follow-up-actor';
import { judgeImprovementMeasureChange, judgeNewImprovementMeasure, measureDeadline } from '../domain/improvement-measure';
import { judgeQualityCheck } from '../domain/quality-check';
import { judgeNewQualityReport, judgeQualityReportChange } from '../domain/quality-report';
import { judgeNewResponsiblePerson, judgeRatioConfirmation, judgeResponsiblePersonChange } from '../domain/responsible-person';
import { BatchUpdateConflictError } from '../errors/batch-update-conflict-error';
import { InvalidCaseStatusError } from '../errors/invalid-case-status-error';
import { WorkflowForbiddenError } from '../errors/workflow-forbidden-error';
import { actorOf } from '../shared/actor';
import { castForWrite, readRows, readStored, type DataAccess } from '../shared/data-access';
import type { CreateWrite, HandlerContext, UpdateWrite } from '../shared/handler-context';

type Item = Record<string, any>;

/** The collections of the complaint's follow-up items and the field whose value the complaint's history follows. */
export const FOLLOW_UP_STATES: Record<string, string> = {
  responsible_persons: 'confirmation',
  improvement_measures: 'status',
  quality_checks: 'result',
  quality_reports: 'status',
};

async function followUpActor(context: HandlerContext): Promise<FollowUpActor> {
  const actor = await actorOf(context.accountability, context.database, context.event);
  return { isAdmin: actor.isAdmin, userId: actor.userId, department: actor.department, policies: await actor.approvalLevels() };
}

function settled<K extends string>(judgement: FollowUpJudgement<K>): { kind: K | 'none' } {
  const refusal = judgement as { kind: string; reason?: string; forbidden?: boolean };
  if (refusal.kind !== 'refuse') return judgement as { kind: K | 'none' };
  if (refusal.forbidden) throw new WorkflowForbiddenError({ reason: refusal.reason ?? '' });
  throw new InvalidCaseStatusError({ reason: refusal.reason ?? '' });
}

/** One decision per request: a batch that decides several items at once is refused (each is its own record in the history). */
function single<T extends { kind: string }>(decisions: T[]): T | null {
  const deciding = decisions.filter((decision) => decision.kind !== 'none');
  if (deciding.length > 1) throw new BatchUpdateConflictError();
  return deciding[0] ?? null;
}

/** Filter for new 责任人员: proposed by Operations or the GM Office, pending the head's confirmation. */
export async function responsiblePersonOnCreate(context: HandlerContext, { payload }: CreateWrite) {
  settled(judgeNewResponsiblePerson(payload, await followUpActor(context)));
  return { ...payload, proposed_by: context.accountability?.user ?? null, proposed_at: context.now.toISOString() };
}

/** Filter for 责任人员 updates: only the head of the person's department confirms or disputes, once. */
export async function responsiblePersonOnUpdate(context: HandlerContext, { keys, payload }: UpdateWrite) {
  const { accountability, now } = context;
  const actor = await followUpActor(context);
  const stored = await readStored(context, 'responsible_persons', keys);
  const decision = single(stored.map((row) => settled(judgeResponsiblePersonChange(row, payload, actor))));
  if (!decision) return payload;
  return { ...payload, confirmed_by: accountability?.user ?? null, confirmed_at: now.toISOString() };
}

/**
 * Filter for 责任比率确认: the head of the department confirms the month's table once; what they confirmed
 * (the department's count and ratio in the table as it stands) is kept beside it. The unique key (month and
 * department) refuses a second confirmation in the database.
 */
export async function ratioConfirmationOnCreate(context: HandlerContext, { payload }: CreateWrite) {
  const { accountability, now } = context;
  settled(judgeRatioConfirmation(payload, await followUpActor(context)));
  const [stats] = await readRows(context, 'complaint_monthly_stats', ['id', 'period', 'by_department'], (query) =>
    query.where('id', payload['stats'] ?? null),
  );
  if (!stats) throw new InvalidCaseStatusError({ reason: '请先生成该月的客户投诉案件统计表，再确认责任比率。' });
  const key = `${stats['period']}:${payload['department']}`;
  const [already] = await context.database('responsibility_ratio_confirmations').where({ key }).select('id');
  if (already) throw new InvalidCaseStatusError({ reason: `${stats['period']} 的责任比率本部门已确认，不能重复确认。` });
  const share = (stats['by_department'] ?? {})[String(payload['department'])] as { count?: number; ratio?: number } | undefined;
  return {
    ...payload,
    confirmed_count: share?.count ?? 0,
    confirmed_ratio: share?.ratio ?? 0,
    confirmed_by: accountability?.user ?? null,
    confirmed_at: now.toISOString(),
    key,
  };
}

/** Filter for 投诉质量检验: a closed complaint, checked once (the unique complaint refuses a second check in the database). */
export async function qualityCheckOnCreate(context: HandlerContext, { payload }: CreateWrite) {
  const { accountability, now } = context;
  const [complaint] = await readRows(context, 'complaints', ['id', 'stage'], (query) => query.where('id', payload['complaint'] ?? null));
  settled(judgeQualityCheck(payload, complaint ?? null, await followUpActor(context)));
  const [already] = await context.database('quality_checks').where({ complaint: complaint!['id'] }).select('id');
  if (already) throw new InvalidCaseStatusError({ reason: '该投诉已做过质量检验确认，不能重复检验。' });
  return { ...payload, checked_by: accountability?.user ?? null, checked_at: now.toISOString() };
}

/**
 * Filter for 质量报告 (K-REPORT3D): the quality department reports an investigated complaint to the GM once (the
 * unique complaint refuses a second report in the database); the report stops the complaint's report clock in
 * the same transaction.
 */
export async function qualityReportOnCreate(context: HandlerContext, { payload }: CreateWrite) {
  const { accountability, now } = context;
  const [complaint] = await readRows(context, 'complaints', ['id', 'investigated_at'], (query) =>
    query.where('id', payload['complaint'] ?? null),
  );
  settled(judgeNewQualityReport(payload, complaint ?? null, await followUpActor(context)));
  const [already] = await context.database('quality_reports').where({ complaint: complaint!['id'] }).select('id');
  if (already) throw new InvalidCaseStatusError({ reason: '该投诉已提出质量报告，不能重复报告。' });
  const reportedAt = now.toISOString();
  const stop = await castForWrite(context, 'complaints', 'update', { gm_reported_at: reportedAt });
  await context.database('complaints').where('id', complaint!['id']).update(stop);
  return { ...payload, status: 'reported', reported_by: accountability?.user ?? null, reported_at: reportedAt };
}

/** Filter for 质量报告 updates: the GM Office writes the GM's instruction once; the report itself stays as written. */
export async function qualityReportOnUpdate(context: HandlerContext, { keys, payload }: UpdateWrite) {
  const { accountability, now } = context;
  const actor = await followUpActor(context);
  const stored = await readStored(context, 'quality_reports', keys);
  const decision = single(stored.map((row) => settled(judgeQualityReportChange(row, payload, actor))));
  if (!decision) return payload;
  return { ...payload, status: 'instructed', instructed_by: accountability?.user ?? null, instructed_at: now.toISOString() };
}

/** Filter for new 改善对策: proposed by Operations or the GM Office; the clock runs from now to 24:00 of the due date. */
export async function improvementMeasureOnCreate(context: HandlerContext, { payload }: CreateWrite) {
  settled(judgeNewImprovementMeasure(payload, await followUpActor(context)));
  const clock = measureDeadline(payload['due_date'], context.now, context.timeZone);
  return { ...payload, due_at: clock?.dueAt.toISOString() ?? null, warn_at: clock?.warnAt.toISOString() ?? null };
}

/** Filter for 改善对策 updates: done by the owner, the effect confirmed or sent back by the GM Office. */
export async function improvementMeasureOnUpdate(context: HandlerContext, { keys, payload }: UpdateWrite) {
  const { accountability, now, timeZone } = context;
  const actor = await followUpActor(context);
  const stored = await readStored(context, 'improvement_measures', keys);
  const decisions = stored.map((row) => settled(judgeImprovementMeasureChange(row, payload, actor)));
  const decision = single(decisions);
  const result: Item = { ...payload };
  if ('due_date' in payload) {
    if (stored.length !== 1) throw new BatchUpdateConflictError();
    const clock = measureDeadline(payload['due_date'], new Date(stored[0]!['date_created'] ?? now), timeZone);
    result['due_at'] = clock?.dueAt.toISOString() ?? null;
    result['warn_at'] = clock?.warnAt.toISOString() ?? null;
  }
  const user = accountability?.user ?? null;
  if (decision?.kind === 'done') Object.assign(result, { done_at: now.toISOString(), done_by: user });
  if (decision?.kind === 'confirmed') Object.assign(result, { effect_confirmed_at: now.toISOString(), effect_confirmed_by: user });
  if (decision?.kind === 'reopened') Object.assign(result, { done_at: null, done_by: null });
  return result;
}

const label = (kind: string, value: unknown) => LABELS[kind]?.[String(value)] ?? String(value ?? '');
const excerpt = (value: unknown) => {
  const textValue = String(value ?? '').trim();
  return textValue.length > 80 ? `${textValue.slice(0, 80)}…` : textValue;
};

/** The history line of a follow-up item in its present state (`before`: the state last written to the history). */
function historyLine(
  collection: string,
  row: Item,
  before: string | null,
): { opinion: string; department: string | null; actor: string | null } {
  if (collection === 'responsible_persons') {
    const who = `${row['person_name']}（${label('department', row['department'])}）`;
    const penalty = label('penalty_type', row['penalty_type']);
    if (row['confirmation'] === 'confirmed')
      return {
        opinion: `${label('department', row['department'])}主管确认责任人员 ${who} 的个人惩处：${penalty}。`,
        department: row['department'],
        actor: row['confirmed_by'],
      };
    if (row['confirmation'] === 'disputed')
      return {
        opinion: `${label('department', row['department'])}主管不同意责任人员 ${who} 的个人惩处（${penalty}）：${excerpt(row['confirmation_opinion'])}`,
        department: row['department'],
        actor: row['confirmed_by'],
      };
    return {
      opinion: `拟定责任人员 ${who}，个人惩处：${penalty}，待主管确认。责任：${excerpt(row['responsibility'])}`,
      department: null,
      actor: row['proposed_by'],
    };
  }
  if (collection === 'quality_checks') {
    const findings = excerpt(row['findings']);
    return {
      opinion: `投诉质量检验确认：${label('quality_result', row['result'])}。${findings}`.trim(),
      department: null,
      actor: row['checked_by'],
    };
  }
  if (collection === 'quality_reports') {
    if (row['status'] === 'instructed')
      return { opinion: `总经理批示质量报告：${excerpt(row['gm_instruction'])}`, department: 'gm_office', actor: row['instructed_by'] };
    return { opinion: `质量管理部提出质量报告，呈总经理批示：${excerpt(row['report'])}`, department: 'quality', actor: row['reported_by'] };
  }
  const measure = excerpt(row['measure']);
  const owner = label('department', row['owner_department']);
  if (row['status'] === 'done')
    return {
      opinion: `${owner}完成改善对策“${measure}”。执行结果：${excerpt(row['result'])}`,
      department: row['owner_department'],
      actor: row['done_by'],
    };
  if (row['status'] === 'confirmed')
    return {
      opinion: `总经理室确认改善对策“${measure}”的效果。${excerpt(row['effect_opinion'])}`.trim(),
      department: 'gm_office',
      actor: row['effect_confirmed_by'],
    };
  if (before === 'done')
    return {
      opinion: `总经理室退回改善对策“${measure}”（效果未达成）：${excerpt(row['effect_opinion'])}`,
      department: 'gm_office',
      actor: row['user_updated'],
    };
  return {
    opinion: `提出改善对策“${measure}”，负责部门：${owner}，完成期限：${row['due_date']}。`,
    department: null,
    actor: row['user_created'],
  };
}

/**
 * After commit: the complaint's history (complaint_steps) gets one line for each state a follow-up item
 * reached, in one transaction with the claim (`logged_state` moved to the state written), so a retry, the
 * sweep or a second instance writes nothing twice. Returns whether a line was written.
 */
export async function logFollowUpHistory(data: DataAccess, collection: string, id: string | number, now: Date): Promise<boolean> {
  const stateField = FOLLOW_UP_STATES[collection];
  if (!stateField) return false;
  return data.database.transaction(async (trx) => {
    const scoped = { ...data, database: trx, event: undefined };
    const [row] = await readRows(scoped, collection, ['*'], (query) => query.where('id', id));
    if (!row) return false;
    const state = String(row[stateField]);
    const before = (row['logged_state'] as string | null) ?? null;
    const claimed = await trx(collection)
      .where('id', id)
      .where(stateField, state)
      .where((query) => query.whereNull('logged_state').orWhereNot('logged_state', state))
      .update({ logged_state: state });
    if (!claimed) return false;
    const [complaint] = await readRows(scoped, 'complaints', ['id', 'stage'], (query) => query.where('id', row['complaint']));
    if (!complaint) return true;
    const line = historyLine(collection, row, before);
    const step = {
      complaint: complaint['id'],
      from_stage: complaint['stage'],
      to_stage: complaint['stage'],
      department: line.department,
      actor: line.actor ?? null,
      opinion: line.opinion,
      entered_at: now.toISOString(),
      due_at: null,
      completed_at: now.toISOString(),
    };
    await trx('complaint_steps').insert(await castForWrite(scoped, 'complaint_steps', 'create', step));
    return true;
  });
}

/** Follow-up items whose latest state is not yet in the complaint's history (the server stopped after the commit). */
export async function logPendingFollowUpHistory(data: DataAccess, now: Date): Promise<number> {
  let logged = 0;
  for (const [collection, stateField] of Object.entries(FOLLOW_UP_STATES)) {
    const pending: Item[] = await data
      .database(collection)
      .whereNull('logged_state')
      .orWhere('logged_state', '<>', data.database.ref(stateField))
      .select('id');
    for (const { id } of pending) if (await logFollowUpHistory(data, collection, id, now)) logged++;
  }
  return logged;
}
