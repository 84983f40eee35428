import { commitmentBeforeApproval, judgeMove, STAGE_LABELS } from '../domain/complaint-workflow';
import { WorkflowForbiddenError } from '../errors/workflow-forbidden-error';
import { WorkflowRefusedError } from '../errors/workflow-refused-error';
import { assignCaseNumber, readNumberingRule } from '../numbering/assign-case-number';
import { actorOf } from '../shared/actor';
import type { DataAccess } from '../shared/data-access';
import type { CreateWrite, HandlerContext } from '../shared/handler-context';
import { complaintRules } from './complaint-rules';
import { penaltyFromChoice } from './penalty-from-choice';
import { workflowError } from './workflow-error';

type Item = Record<string, any>;
const CREATE_STAGES = ['draft', 'submitted'];

/** A case an administrator enters past registration (taken on paper) gets its number like any other. */
async function backEnteredNumber(data: DataAccess, stage: string, payload: Item, now: Date, timeZone: string): Promise<Item> {
  if (CREATE_STAGES.includes(stage) || payload['complaint_no']) return {};
  const rule = await readNumberingRule(data.database, 'complaints', data.event);
  return rule ? { complaint_no: await assignCaseNumber(data.database, rule, now, timeZone) } : {};
}

/** Filter for `items.create` on complaints: 市场部 files it as 草稿 or sends it straight to the GM Office. */
export async function complaintOnCreate(data: HandlerContext, { payload }: CreateWrite): Promise<Item> {
  const { now, timeZone } = data;
  const actor = await actorOf(data.accountability, data.database, data.event);
  const stage = String(payload['stage'] ?? 'draft');
  const refusal = commitmentBeforeApproval(payload, payload);
  if (refusal && !actor.isAdmin) throw new WorkflowForbiddenError({ reason: refusal });
  if (!actor.isAdmin && 'supervisor_reviewed' in payload && payload['supervisor_reviewed'])
    throw new WorkflowForbiddenError({ reason: '新投诉不能勾选“主管已核阅”。' });
  payload = { ...payload, ...(await penaltyFromChoice(data, payload)) };
  if (actor.isAdmin) return { ...payload, ...(await backEnteredNumber(data, stage, payload, now, timeZone)) };
  if (stage === 'draft') return payload;
  if (!CREATE_STAGES.includes(stage)) {
    throw new WorkflowRefusedError({ reason: `新的客户抱怨只能以“${STAGE_LABELS['draft']}”或“${STAGE_LABELS['submitted']}”登记。` });
  }
  const { transitions, authorities } = await complaintRules(data);
  const verdict = judgeMove({
    from: 'draft',
    to: stage,
    complaint: payload,
    department: actor.department,
    isAdmin: false,
    approvalLevels: [],
    transitions,
    authorities,
  });
  if (!verdict.ok) throw workflowError(verdict);
  return payload;
}
