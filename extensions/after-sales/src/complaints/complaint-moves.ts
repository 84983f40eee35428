import type { Accountability, SchemaOverview } from '@directus/types';
import { clocksOnUpdate } from '../clocks/clocks-on-update';
import {
  approvalEffects,
  commitmentBeforeApproval,
  fieldLabel,
  foreignMoveValues,
  judgeMove,
  moveDepartments,
  moveFields,
  nextMoves,
  STAGE_LABELS,
  type Transition,
} from '../domain/complaint-workflow';
import { requiredApprovalLevel } from '../domain/approval-authority';
import { DEPARTMENT_ROLES, STAGE_HOLDERS, type Department } from '../domain/departments';
import { WorkflowForbiddenError } from '../errors/workflow-forbidden-error';
import { WorkflowRefusedError } from '../errors/workflow-refused-error';
import { assignCaseNumber, readNumberingRule } from '../numbering/assign-case-number';
import { actorOf, type Actor } from '../shared/actor';
import { castForWrite, itemsServiceAs, QUIET, readStored, type DataAccess } from '../shared/data-access';
import type { HandlerContext } from '../shared/handler-context';
import { purgeItemCache, updateTracked } from '../shared/tracked-update';
import { rejectForgedFields } from '../shared/reject-forged-fields';
import { rejectInvalidInput } from '../shared/reject-invalid-input';
import { complaintRules } from './complaint-rules';
import { workflowError } from './workflow-error';
import { penaltyFromChoice } from './penalty-from-choice';
import { enqueue, type OutboxEntry } from '../notices/outbox';
import { maskedCopiesOf, personalFieldsOf, withMaskedCopies } from '../domain/personal-data';

type Item = Record<string, any>;

export interface MoveInput {
  to?: unknown;
  opinion?: unknown;
  values?: unknown;
}

export interface MoveOption {
  to: string;
  label: string;
  department: Department | null;
  department_label: string;
  allowed: boolean;
  reason: string | null;
  approval_level: string | null;
  required_fields: { field: string; label: string }[];
  fields: { field: string; label: string; type: string; required: boolean }[];
  confirm: string | null;
}

/** Required fields that are set before a move, not in it (主管已核阅 is the supervisor's own tick). */
const PRECONDITIONS = new Set(['supervisor_reviewed']);

/** What a user is asked to confirm before a move with consequences. */
const CONFIRMATIONS: Record<string, string> = {
  'plan_review>negotiating': '核准后，拟处理金额和总经理室综合意见即锁定，市场部只能按核准的方案答复客户。',
  'negotiating>plan_review': '退回后，已核决的方案作废（核决人、核准金额清除），须修改后重新核决。',
  'final_review>closed':
    '结案后投诉不能再修改。若“客户接受处理结果”不是“是”，系统将按第十三条第8款另立一份关联的新投诉（草稿）交市场部重新处理。',
};

function departmentLabel(departments: Department[], approval: boolean, level: string | null): string {
  if (approval) return level ? `${level}或更高核决权限` : '有核决权限的人员';
  return departments.map((department) => DEPARTMENT_ROLES[department]).join('或');
}

/** The caller must be able to read the complaint (403 otherwise, as for any item they cannot see). */
async function assertReadable(data: DataAccess, accountability: Accountability | null, id: string | number): Promise<void> {
  if (!accountability) return;
  await itemsServiceAs(data, 'complaints', accountability).readOne(id, { fields: ['id'] });
}

/** The next moves from the complaint's stage and whether this user may make each now (GET …/moves). */
export async function listMoves(data: DataAccess, accountability: Accountability | null, id: string | number): Promise<MoveOption[]> {
  await assertReadable(data, accountability, id);
  const [stored] = await readStored(data, 'complaints', [id]);
  if (!stored) return [];
  const actor = await actorOf(accountability, data.database);
  const { transitions, authorities } = await complaintRules(data);
  const from = String(stored['stage'] ?? 'draft');
  const fieldTypes = (data.schema as SchemaOverview).collections['complaints']?.fields ?? {};
  const options: MoveOption[] = [];
  for (const transition of nextMoves(transitions, from)) {
    const to = transition.to_stage;
    const fields = moveFields(transition).filter((entry) => !PRECONDITIONS.has(entry.field));
    // The dialog asks for the move's fields, so only what must be there before (a precondition) counts now.
    const placeholder = (field: string) =>
      ['decimal', 'integer', 'float', 'bigInteger'].includes(String(fieldTypes[field]?.type)) ? 0 : '待填写';
    const assumed = Object.fromEntries(
      fields.filter((entry) => entry.required).map((entry) => [entry.field, stored[entry.field] ?? placeholder(entry.field)]),
    );
    const levels = transition.requires_approval && !actor.isAdmin ? await actor.approvalLevels() : [];
    const verdict = judgeMove({
      from,
      to,
      complaint: { ...stored, ...assumed },
      department: actor.department,
      isAdmin: actor.isAdmin,
      approvalLevels: levels,
      transitions,
      authorities,
    });
    const level = transition.requires_approval ? requiredApprovalLevel(Number(stored['offer_amount'] ?? 0), authorities) : null;
    options.push({
      to,
      label: STAGE_LABELS[to] ?? to,
      department: transition.requires_approval ? null : transition.department,
      department_label: departmentLabel(moveDepartments(transitions, from, to), transition.requires_approval, level),
      allowed: verdict.ok,
      reason: verdict.ok ? null : verdict.reason,
      approval_level: level,
      required_fields: (transition.required_fields ?? []).map((field) => ({ field, label: fieldLabel(field) })),
      fields: fields.map((entry) => ({
        ...entry,
        label: fieldLabel(entry.field),
        type: String(fieldTypes[entry.field]?.type ?? 'string'),
      })),
      confirm: CONFIRMATIONS[`${from}>${to}`] ?? null,
    });
  }
  return options;
}

function plainObject(value: unknown, what: string): Item {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new WorkflowRefusedError({ reason: `${what}应为一个对象（字段: 值）。` });
  return value as Item;
}

export interface MoveResult {
  complaint: Item;
  step: Item;
  outbox: string[];
}

/**
 * Makes a move in ONE database transaction (X-ACTIONS): the move is judged against the complaint as
 * stored (its row locked on PostgreSQL), then the values, the stage, the number (at registration),
 * the approval, the clocks, the step and the notices to send are written together. A refused move
 * writes nothing and consumes no number. The write runs as the acting user for the audit trail
 * (activity and revision carry the user), with permissions bypassed on purpose: who may make the
 * move is the transition table's and the authority table's rule, judged here, not the role's
 * item permissions (an approver of 市场部 approves a plan 市场部 cannot otherwise edit).
 */
export async function makeMove(
  data: DataAccess,
  accountability: Accountability | null,
  id: string | number,
  input: MoveInput,
  now: Date,
  timeZone: string,
): Promise<MoveResult> {
  const to = typeof input.to === 'string' ? input.to : '';
  if (!to) throw new WorkflowRefusedError({ reason: '请指定要办理的下一步（to），例如 registered。' });
  const values = plainObject(input.values, '办理内容（values）');
  const opinion = typeof input.opinion === 'string' && input.opinion.trim() ? input.opinion : null;
  // Values are checked like any client write: no server-set field, every value valid.
  const typed = { ...values, ...(opinion ? { handling_opinion: opinion } : {}) };
  if (Object.keys(typed).length) {
    const checking: HandlerContext = { ...data, accountability, now, timeZone };
    await rejectForgedFields(checking, { collection: 'complaints', payload: values });
    await rejectInvalidInput(checking, { collection: 'complaints', payload: typed, keys: [id] });
  }
  // One memo for the move's reads: the rules counter is read once, before the transaction (SQLite
  // has one connection: a read beside the transaction would wait for it).
  const event = {};
  const actor = await actorOf(accountability, data.database, event);
  const { transitions: rulesNow } = await complaintRules({ ...data, event });
  const mayNeedApproval = rulesNow.some((t) => t.to_stage === to && t.requires_approval);
  const approvalLevels = mayNeedApproval && !actor.isAdmin ? await actor.approvalLevels() : [];

  const moved = await data.database.transaction(async (trx) => {
    const scoped: DataAccess = { ...data, database: trx, event };
    const [stored] = await readStored(scoped, 'complaints', [id], { forUpdate: true });
    // Whoever may make a move may read the complaint; a refusal first makes sure the caller may read
    // it (403 as for any item they cannot see, so a refusal tells them nothing about it).
    const refuse = async (error: Error): Promise<never> => {
      await assertReadable(scoped, accountability, id);
      throw error;
    };
    if (!stored) return refuse(new WorkflowRefusedError({ reason: `投诉 #${id} 不存在。` }));
    const from = String(stored['stage'] ?? 'draft');
    const { transitions, authorities } = await complaintRules(scoped);
    const penalty = await penaltyFromChoice(scoped, values);
    const merged = { ...stored, ...values, ...penalty };
    const verdict = judgeMove({
      from,
      to,
      complaint: merged,
      department: actor.department,
      isAdmin: actor.isAdmin,
      approvalLevels,
      transitions,
      authorities,
    });
    if (!verdict.ok) return refuse(workflowError(verdict));
    const foreign = [
      ...new Set([...foreignMoveValues(verdict.transition, values), ...Object.keys(values).filter((field) => PRECONDITIONS.has(field))]),
    ];
    if (foreign.length) {
      throw new WorkflowRefusedError({
        reason: `“${STAGE_LABELS[to] ?? to}”这一步不能填写：${foreign.map(fieldLabel).join('、')}。可填写：${
          moveFields(verdict.transition)
            .filter((e) => !PRECONDITIONS.has(e.field))
            .map((e) => fieldLabel(e.field))
            .join('、') || '（无）'
        }。`,
      });
    }
    const commitment = actor.isAdmin
      ? null
      : commitmentBeforeApproval(values, { ...merged, ...(verdict.approvalLevel ? { approved_at: now.toISOString() } : {}) });
    if (commitment) throw new WorkflowForbiddenError({ reason: commitment });

    const payload: Item = {
      ...values,
      ...penalty,
      stage: to,
      ...approvalEffects(verdict.transition, merged, verdict.approvalLevel, actor.userId, now),
    };
    if (opinion) payload['handling_opinion'] = opinion;
    if (to === 'registered' && !merged['registered_at']) payload['registered_at'] = now.toISOString();
    // Without events no hook runs: the masked copy of a phone written here is added by hand.
    const written = withMaskedCopies(
      'complaints',
      await clocksOnUpdate({ ...scoped, accountability, now, timeZone }, { collection: 'complaints', keys: [id], payload }),
    );
    const after = { ...merged, ...written };
    const step = await appendStep(scoped, after, from, actor, opinion);
    const outbox = await enqueue(scoped, movedNotices(after, verdict.transition, step, authorities), now);
    if (to === 'registered' && !merged['complaint_no']) {
      // K-NUMBER: taken in this transaction, so a refused or rolled-back move consumes none; taken
      // late, so the month's counter row (every registration waits for it) is held only for the
      // complaint's own write and the commit.
      const rule = await readNumberingRule(trx, 'complaints', scoped.event);
      if (rule) after['complaint_no'] = written['complaint_no'] = await assignCaseNumber(trx, rule, now, timeZone);
    }
    if (Object.keys(values).length) {
      // What the user typed passes Directus's own item pipeline: field validations, casting, tracking.
      const asUser = accountability ? { ...accountability, admin: true } : null;
      await itemsServiceAs(scoped, 'complaints', asUser).updateOne(id, written, QUIET);
    } else {
      // Only server-computed fields: written and tracked from the row in hand, without a read-back.
      await updateTracked(scoped, accountability, 'complaints', id, written, after);
    }
    return { complaint: withoutPersonalData(after), step, outbox };
  });
  await purgeItemCache(data, 'complaints');
  return moved;
}

/** The complaint as a move answers it: personal fields and their copies left out (not every caller may read them). */
function withoutPersonalData(complaint: Item): Item {
  const withheld = new Set([...personalFieldsOf('complaints'), ...maskedCopiesOf('complaints')]);
  return Object.fromEntries(Object.entries(complaint).filter(([field]) => !withheld.has(field)));
}

/** The open step is completed and the new one appended, in the move's transaction. */
async function appendStep(data: DataAccess, complaint: Item, from: string, actor: Actor, opinion: string | null): Promise<Item> {
  const stage = String(complaint['stage']);
  const enteredAt = complaint['stage_entered_at'];
  const trx = data.database;
  await trx('complaint_steps')
    .where('complaint', complaint['id'])
    .whereNull('completed_at')
    .update(await castForWrite(data, 'complaint_steps', 'update', { completed_at: enteredAt }));
  const step: Item = {
    complaint: complaint['id'],
    from_stage: from,
    to_stage: stage,
    // The department now holding it; the closing step carries the department that closed it.
    department: stage === 'closed' ? (actor.department ?? 'gm_office') : (STAGE_HOLDERS[stage] ?? null),
    actor: actor.userId,
    opinion,
    entered_at: enteredAt,
    due_at: complaint['stage_due_at'] ?? null,
    completed_at: stage === 'closed' ? enteredAt : null,
  };
  const [inserted] = await trx('complaint_steps').insert(await castForWrite(data, 'complaint_steps', 'create', step), ['id']);
  return { id: typeof inserted === 'object' ? inserted.id : inserted, ...step };
}

/** After-effects of a move, sent once after commit: follow-ups (reopen, another company) and approval requests. */
function movedNotices(
  complaint: Item,
  transition: Transition,
  step: Item,
  authorities: Parameters<typeof requiredApprovalLevel>[1],
): OutboxEntry[] {
  const id = String(complaint['id']);
  const entries: OutboxEntry[] = [];
  if (transition.to_stage === 'closed' || complaint['involves_other_company']) {
    entries.push({ key: `follow_up:complaints:${id}:${step['id']}`, kind: 'follow_up', collection: 'complaints', item: id, payload: {} });
  }
  const waitsForApproval =
    transition.to_stage === 'final_review' ||
    (transition.to_stage === 'plan_review' && complaint['offer_amount'] !== null && complaint['offer_amount'] !== undefined);
  if (waitsForApproval) {
    const level = requiredApprovalLevel(Number(complaint['offer_amount'] ?? 0), authorities);
    entries.push({
      key: `approval:complaints:${id}:${step['id']}`,
      kind: 'approval_request',
      collection: 'complaints',
      item: id,
      payload: { level, stage: transition.to_stage },
    });
  }
  return entries;
}
