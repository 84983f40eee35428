import { LABELS } from '../../domain/choice-labels';
import { readRows, type DataAccess } from '../../shared/data-access';
import { recordHistoryLine, type HistoryLine } from '../record-history-line';

type Item = Record<string, any>;

/** The collections of the complaint's follow-up items and the field whose value the complaint's history follows. */
export const FOLLOW_UP_STATES: Record<string, string> = {
  responsible_persons: 'confirmation',
  improvement_measures: 'status',
  quality_checks: 'result',
  quality_reports: 'status',
};

const label = (kind: string, value: unknown) => LABELS[kind]?.[String(value)] ?? String(value ?? '');
const excerpt = (value: unknown) => {
  const textValue = String(value ?? '').trim();
  return textValue.length > 80 ? `${textValue.slice(0, 80)}…` : textValue;
};

/** The history line of a follow-up item in its present state (`before`: the state last written to the history). */
function historyLine(collection: string, row: Item, before: string | null): HistoryLine {
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
    await recordHistoryLine(scoped, complaint, historyLine(collection, row, before), now);
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
