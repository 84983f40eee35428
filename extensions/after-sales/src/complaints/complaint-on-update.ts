import {
  approvedPlanChange,
  commitmentBeforeApproval,
  fieldOwnershipRefusal,
  fieldsNotOwned,
  supervisorReviewRefusal,
} from '../domain/complaint-workflow';
import { WorkflowForbiddenError } from '../errors/workflow-forbidden-error';
import { WorkflowRefusedError } from '../errors/workflow-refused-error';
import { actorOf } from '../shared/actor';
import { readStored } from '../shared/data-access';
import type { HandlerContext, UpdateWrite } from '../shared/handler-context';
import { complaintRules } from './complaint-rules';
import { penaltyFromChoice } from './penalty-from-choice';

type Item = Record<string, any>;

/** Fields Directus itself or the form sends that no department owns (archiving is an administrator's). */
const UNOWNED_FIELDS = new Set(['moves', 'steps', 'guidance', 'reply_letters']);

/**
 * Filter for `items.update` on complaints (a PATCH, never a move): the stage changes only through
 * the moves endpoint; a department writes only the fields it owns in the complaint's stage; an
 * approved plan stays as approved; 主管已核阅 is the supervisor's; commitments wait for approval.
 */
export async function complaintOnUpdate(data: HandlerContext, { keys, payload }: UpdateWrite): Promise<Item> {
  const actor = await actorOf(data.accountability, data.database, data.event);
  const current = await readStored(data, 'complaints', keys);
  const changes = Object.fromEntries(Object.entries(payload).filter(([field]) => !UNOWNED_FIELDS.has(field)));
  const reviewing = 'supervisor_reviewed' in changes && !actor.isAdmin;
  const levels = reviewing ? await actor.approvalLevels() : [];
  const { authorities } = reviewing ? await complaintRules(data) : { authorities: [] };
  for (const row of current) {
    if ('stage' in changes && changes['stage'] !== row['stage']) {
      throw new WorkflowRefusedError({
        reason: '处理阶段不能直接修改，请在投诉表单的“办理”中选择下一步（POST /after-sales/complaints/:id/moves）。',
      });
    }
    const locked = approvedPlanChange(changes, row);
    if (locked) throw new WorkflowForbiddenError({ reason: locked });
    if (actor.isAdmin) continue;
    const review = supervisorReviewRefusal(changes, levels, authorities, false);
    if (review) throw new WorkflowForbiddenError({ reason: review });
    const refusal = commitmentBeforeApproval(changes, { ...row, ...changes });
    if (refusal) throw new WorkflowForbiddenError({ reason: refusal });
    const stage = String(row['stage'] ?? 'draft');
    // A holder of an approval level ticks 主管已核阅 whatever their department.
    const owned = fieldsNotOwned(stage, actor.department, changes).filter(
      (field) => field !== 'stage' && !(field === 'supervisor_reviewed' && stage === 'negotiating'),
    );
    if (owned.length) throw new WorkflowForbiddenError({ reason: fieldOwnershipRefusal(stage, actor.department, owned) });
  }
  const rest = { ...payload };
  delete rest['stage'];
  return { ...rest, ...(await penaltyFromChoice(data, payload)) };
}
