import { DEPARTMENT_ROLES, type Department } from '../domain/departments';
import { markdownText } from '../domain/markdown-text';
import { judgePetitionDecision } from '../domain/petition-decision';
import { reopenedDraft } from './follow-up';
import { recordHistoryLine } from './record-history-line';
import { notifyDepartment } from '../notices/notify-department';
import { castForWrite, itemsService, readRows, type DataAccess } from '../shared/data-access';

type Item = Record<string, any>;

const departmentLabel = (key: unknown) => DEPARTMENT_ROLES[String(key) as keyof typeof DEPARTMENT_ROLES] ?? '未判定';

/**
 * After commit: what a decision does, once, in one transaction. The claim (`effect_applied_at` set where
 * still empty) makes a retry, the sweep or a second instance do nothing. Adopted → a new linked complaint
 * to handle again, or the complaint's responsible department changed; either way the complaint's history
 * gets a step naming the petition. Written by the system on purpose: a decided petition may change a
 * closed complaint. Returns whether this call carried it out.
 */
export async function applyPetitionDecision(data: DataAccess, id: string | number, now: Date): Promise<boolean> {
  return data.database.transaction(async (trx) => {
    const scoped = { ...data, database: trx };
    const claim = await castForWrite(scoped, 'petitions', 'update', { effect_applied_at: now.toISOString() });
    const claimed = await trx('petitions').where('id', id).whereNotNull('decided_at').whereNull('effect_applied_at').update(claim);
    if (!claimed) return false;
    const [petition] = await readRows(
      scoped,
      'petitions',
      ['id', 'petition_no', 'complaint', 'department', 'status', 'decision', 'requested_effect', 'proposed_department', 'decided_by'],
      (query) => query.where('id', id),
    );
    const [complaint] = await readRows(
      scoped,
      'complaints',
      [
        'id',
        'complaint_no',
        'stage',
        'responsible_department',
        'policy',
        'claim_report',
        'customer_name',
        'customer_phone',
        'demand',
        'reason',
      ],
      (query) => query.where('id', petition!['complaint']),
    );
    if (!petition || !complaint) return false;
    const label = complaint['complaint_no'] ?? `#${complaint['id']}`;
    const petitionLabel = petition['petition_no'] ?? `#${petition['id']}`;
    const decision = judgePetitionDecision({ ...petition, status: 'submitted' }, { status: petition['status'] });
    const complaints = itemsService(scoped, 'complaints');
    const result: Item = {};
    if (decision.kind === 'reopen') {
      result['reopened_complaint'] = await complaints.createOne(
        reopenedDraft(complaint, `签呈 ${petitionLabel} 经总经理室采纳，投诉 ${label} 重新处理。原投诉理由：${complaint['reason'] ?? ''}`),
      );
      result['effect'] = `已另立投诉（草稿）重新处理投诉 ${label}，由市场部补充后送总经理室。`;
    } else if (decision.kind === 'change_responsibility') {
      await complaints.updateOne(complaint['id'], { responsible_department: decision.department });
      result['effect'] =
        `投诉 ${label} 的责任部门由${departmentLabel(complaint['responsible_department'])}改为${departmentLabel(decision.department)}。`;
    } else if (decision.kind === 'reject') {
      result['effect'] = `未采纳：${String(petition['decision']).trim()}`;
    } else {
      result['effect'] = '已采纳，无需系统办理的事项。';
    }
    await trx('petitions')
      .where('id', id)
      .update(await castForWrite(scoped, 'petitions', 'update', result));
    // The complaint's history shows the petition and what it did (a step that starts and ends now).
    const opinion = `签呈 ${petitionLabel}（${departmentLabel(petition['department'])}）${decision.kind === 'reject' ? '未采纳' : '已采纳'}：${result['effect']}`;
    await recordHistoryLine(scoped, complaint, { department: 'gm_office', actor: petition['decided_by'] ?? null, opinion }, now);
    // The petitioning department learns the decision and what it did, in the same transaction as the claim:
    // exactly once, whoever carries the decision out (this call, the sweep, another instance).
    await notifyDepartment(scoped, (petition['department'] as Department | null) ?? null, {
      subject: `签呈 ${petitionLabel} ${decision.kind === 'reject' ? '未采纳' : '已采纳'}`,
      message: `总经理室已批示贵部门对投诉 ${markdownText(label)} 的签呈 ${markdownText(petitionLabel)}：${markdownText(result['effect'])}`,
      collection: 'petitions',
      item: String(petition['id']),
    });
    return true;
  });
}

/** Decided petitions whose effect is still pending (the server stopped after the commit): carried out now. */
export async function applyPendingPetitionDecisions(data: DataAccess, now: Date): Promise<number> {
  const pending: Item[] = await data.database('petitions').whereNotNull('decided_at').whereNull('effect_applied_at').select('id');
  let applied = 0;
  for (const { id } of pending) if (await applyPetitionDecision(data, id, now)) applied++;
  return applied;
}
