import { commitmentBeforeApproval, judgeMove, STAGE_LABELS, type Transition } from '../domain/complaint-workflow';
import type { ApprovalAuthority } from '../domain/approval-authority';
import { penaltyFromStandard, type PenaltyStandard } from '../domain/penalty';
import { BatchUpdateConflictError } from '../errors/batch-update-conflict-error';
import { WorkflowForbiddenError } from '../errors/workflow-forbidden-error';
import { WorkflowRefusedError } from '../errors/workflow-refused-error';
import { assignCaseNumber, numberCaseOnce, readNumberingRule } from '../numbering/assign-case-number';
import type { Actor } from '../shared/actor';
import { cachedRules } from '../shared/rules-cache';
import { readAll, readRows, readStored, type DataAccess } from '../shared/data-access';

type Item = Record<string, any>;
const CREATE_STAGES = ['draft', 'submitted'];

function rules(data: DataAccess) {
  return cachedRules(data.database, data.event, 'complaint-workflow', () => readRules(data));
}

async function readRules(data: DataAccess) {
  const [transitions, authorities] = await Promise.all([
    readRows(data, 'complaint_transitions', ['from_stage', 'to_stage', 'department', 'requires_approval', 'required_fields']),
    readRows(data, 'approval_authorities', ['level', 'max_amount', 'sort'], undefined, 'sort'),
  ]);
  return { transitions: transitions as Transition[], authorities: authorities as ApprovalAuthority[] };
}

async function move(data: DataAccess, actor: Actor, current: Item, changes: Item, now: Date, timeZone: string): Promise<Item> {
  const merged = { ...current, ...changes };
  const from = String(current['stage'] ?? 'draft');
  const to = String(changes['stage']);
  const { transitions, authorities } = await rules(data);
  // The user's approval policies only for a move that needs approval (plan_review → negotiating).
  const needsApproval = !actor.isAdmin && transitions.some((rule) => rule.from_stage === from && rule.to_stage === to && rule.requires_approval);
  const approvalLevels = needsApproval ? await actor.approvalLevels() : [];
  const verdict = judgeMove({ from, to, complaint: merged, department: actor.department, isAdmin: actor.isAdmin, approvalLevels, transitions, authorities });
  if (!verdict.ok) throw verdict.status === 403 ? new WorkflowForbiddenError({ reason: verdict.reason }) : new WorkflowRefusedError({ reason: verdict.reason });
  const derived: Item = {};
  if (verdict.approvalLevel) Object.assign(derived, { approval_level: verdict.approvalLevel, approved_by: actor.userId, approved_at: now.toISOString() });
  if (to === 'registered') {
    if (!merged['registered_at']) derived['registered_at'] = now.toISOString();
    const rule = await readNumberingRule(data.database, 'complaints', data.event);
    // K-NUMBER: the number is given when the GM Office accepts the complaint, in its month; once,
    // even when two clerks (or two instances) register it at the same moment.
    if (rule && !merged['complaint_no']) derived['complaint_no'] = await numberCaseOnce(data.database, 'complaints', current['id'], rule, now, timeZone);
  }
  return derived;
}

async function penalty(data: DataAccess, changes: Item): Promise<Item> {
  if (!changes['penalty_standard']) return {};
  const [standard] = await readAll(data, 'penalty_standards', { filter: { id: { _eq: changes['penalty_standard'] } }, fields: ['code', 'loss_amount', 'penalty_type', 'administrative_sanction'] });
  return standard ? penaltyFromStandard(standard as PenaltyStandard, changes) : {};
}

/** A case an administrator enters past registration (taken on paper) gets its number like any other. */
async function backEnteredNumber(data: DataAccess, stage: string, payload: Item, now: Date, timeZone: string): Promise<Item> {
  if (CREATE_STAGES.includes(stage) || payload['complaint_no']) return {};
  const rule = await readNumberingRule(data.database, 'complaints', data.event);
  return rule ? { complaint_no: await assignCaseNumber(data.database, rule, now, timeZone) } : {};
}

/** Filter for `items.create` on complaints: 市场部 files it as 草稿 or sends it straight to the GM Office. */
export async function complaintOnCreate(data: DataAccess, actor: Actor, payload: Item, now: Date, timeZone: string): Promise<Item> {
  const stage = String(payload['stage'] ?? 'draft');
  const refusal = commitmentBeforeApproval(payload, payload);
  if (refusal && !actor.isAdmin) throw new WorkflowForbiddenError({ reason: refusal });
  payload = { ...payload, ...(await penalty(data, payload)) };
  if (actor.isAdmin) return { ...payload, ...(await backEnteredNumber(data, stage, payload, now, timeZone)) };
  if (stage === 'draft') return payload;
  if (!CREATE_STAGES.includes(stage)) {
    throw new WorkflowRefusedError({ reason: `新的客户抱怨只能以“${STAGE_LABELS['draft']}”或“${STAGE_LABELS['submitted']}”登记。` });
  }
  return { ...payload, ...(await move(data, actor, { stage: 'draft' }, payload, now, timeZone)) };
}

/** Filter for `items.update` on complaints: stage moves follow the workflow; commitments wait for approval. */
export async function complaintOnUpdate(data: DataAccess, actor: Actor, keys: (string | number)[], payload: Item, now: Date, timeZone: string): Promise<Item> {
  payload = { ...payload, ...(await penalty(data, payload)) };
  const current = await readStored(data, 'complaints', keys);
  const results: Item[] = [];
  for (const row of current) {
    const refusal = commitmentBeforeApproval(payload, { ...row, ...payload });
    if (refusal && !actor.isAdmin) throw new WorkflowForbiddenError({ reason: refusal });
    results.push('stage' in payload && payload['stage'] !== row['stage'] ? await move(data, actor, row, payload, now, timeZone) : {});
  }
  const first = results[0] ?? {};
  if (results.some((result) => JSON.stringify(result) !== JSON.stringify(first))) throw new BatchUpdateConflictError();
  return { ...payload, ...first };
}
