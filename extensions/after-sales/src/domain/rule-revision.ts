import * as CHOICES from '../../../../scripts/model/choices.mjs';
import { labelsOf } from './choice-labels';

/**
 * K-RULES (第十六条：本办法呈总经理核准后实施，修订时亦同). Every change to a rule table becomes one
 * entry of 规则修订记录 (rule_revisions): which table and row, what it was, what it became, who changed
 * it and when. The change is in force at once and waits, flagged 待总经理核准, until a holder of the
 * 总经理 policy approves it (docs/rules.md says why this model).
 */

/** The rule tables whose changes need the general manager's approval, with their Chinese names (the schema's choices). */
export const REVISED_RULE_TABLES: Record<string, string> = labelsOf(CHOICES.RULE_TABLES);

export const REVISION_ACTIONS = labelsOf(CHOICES.REVISION_ACTIONS);
export type RevisionAction = keyof typeof REVISION_ACTIONS;

export const REVISION_STATUSES = labelsOf(CHOICES.REVISION_STATUSES);

/** Who made the change: a person in the console (the app, the API, an import), or a new release at start. */
export const REVISION_SOURCES = labelsOf(CHOICES.REVISION_SOURCES);
export type RevisionSource = keyof typeof REVISION_SOURCES;
export type RevisionStatus = keyof typeof REVISION_STATUSES;

/** The approval policy whose holders approve rule revisions. */
export const RULE_APPROVER_POLICY = '总经理';

type Row = Record<string, unknown>;

export interface RuleRevision {
  rule_collection: string;
  item: string;
  item_label: string;
  action: RevisionAction;
  changed_fields: string[];
  before: Row | null;
  after: Row | null;
  changed_by: string | null;
  changed_at: Date;
  status: RevisionStatus;
  source: RevisionSource;
}

export const isRevisedRuleTable = (collection: string) => Object.hasOwn(REVISED_RULE_TABLES, collection);

/** What a person recognises the row by: its date and name, name, title, level or key. */
export function ruleItemLabel(collection: string, row: Row | null, item: string): string {
  const text = (key: string) => (row && row[key] !== null && row[key] !== undefined && row[key] !== '' ? String(row[key]) : null);
  if (collection === 'work_calendar') return [text('date')?.slice(0, 10), text('name')].filter(Boolean).join(' ') || `#${item}`;
  if (collection === 'complaint_transitions' && text('from_stage'))
    return `${text('from_stage')} → ${text('to_stage')}（${text('department')}）`;
  if (collection === 'required_documents' && text('doc_type')) return `${text('claim_type')} ${text('doc_type')}`;
  return text('name') ?? text('title') ?? text('level') ?? text('key') ?? text('code') ?? `#${item}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose value differs between the two states (the key itself never counts). */
export function changedFields(before: Row | null, after: Row | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  keys.delete('id');
  return [...keys].filter((key) => !same(before?.[key], after?.[key])).sort();
}

/**
 * The revision entry of one write, or null when an update changed nothing. `before` is unknown
 * (null) only for an update whose earlier state nobody recorded; the entry then lists no fields.
 */
export function ruleRevision(input: {
  collection: string;
  item: string | number;
  action: RevisionAction;
  before: Row | null;
  after: Row | null;
  user: string | null;
  now: Date;
  source?: RevisionSource;
}): RuleRevision | null {
  const item = String(input.item);
  const before = input.action === 'create' ? null : input.before;
  const after = input.action === 'delete' ? null : input.after;
  const fields = input.action === 'update' && !before ? [] : changedFields(before, after);
  if (input.action === 'update' && before && fields.length === 0) return null;
  return {
    rule_collection: input.collection,
    item,
    item_label: ruleItemLabel(input.collection, after ?? before, item).slice(0, 255),
    action: input.action,
    changed_fields: fields,
    before,
    after,
    changed_by: input.user,
    changed_at: input.now,
    status: 'pending',
    source: input.source ?? 'console',
  };
}

export interface RevisionRefusal {
  status: 400 | 403;
  reason: string;
}

const APPROVAL_FIELDS = new Set(['status', 'approval_opinion']);

/**
 * Whether a write to 规则修订记录 may go ahead: entries are written by the server only; a holder of
 * the 总经理 policy approves a pending entry (核准状态 → 已核准, with an optional 核准意见) and
 * nothing else ever changes. Administrators without that policy see the entries but do not approve.
 */
export function revisionWriteRefusal(payload: Row, holdsApproverPolicy: boolean, stored: { status: unknown }[]): RevisionRefusal | null {
  const other = Object.keys(payload).filter((key) => !APPROVAL_FIELDS.has(key));
  if (other.length)
    return { status: 400, reason: '规则修订记录由系统在规则变更时自动记录，只能核准（核准状态、核准意见），不能修改其内容。' };
  if (!holdsApproverPolicy) return { status: 403, reason: `规则修订须由持有“${RULE_APPROVER_POLICY}”核决权限的用户核准（第十六条）。` };
  if ('status' in payload && payload['status'] !== 'approved')
    return { status: 400, reason: `核准状态只能由“${REVISION_STATUSES.pending}”改为“${REVISION_STATUSES.approved}”。` };
  if (stored.some((row) => row.status === 'approved')) return { status: 400, reason: '已核准的规则修订不能再更改。' };
  return null;
}
