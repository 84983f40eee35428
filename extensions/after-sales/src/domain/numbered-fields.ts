import { NUMBERED_FIELDS } from '../../../../scripts/model/numbered-fields.mjs';
import { LABELS } from './choice-labels';

// 编号规则 (numbering_rules) may number only the field the server numbers in each numbered collection
// (scripts/model/numbered-fields.mjs): a rule on any other field (统计月份, a customer's name …) would
// overwrite what staff typed with a number. Checked on every client write of the table (form, API, batch,
// import: shared/reject-invalid-input.ts); the rows already stored are such pairs, so they keep working.

type Row = Record<string, unknown>;

const RULE_FIELDS = ['collection', 'field'];
const listed = NUMBERED_FIELDS.map((pair) => `${pair.collectionLabel}的${pair.label}`).join('、');

/** Whether checking a change of a numbering rule needs the stored row (one side of the pair changed). */
export function touchesNumberedPair(changes: Row): boolean {
  return RULE_FIELDS.some((field) => field in changes);
}

/** Why a numbering rule's collection and field (the change over the stored row) are not a numbered pair, or null. */
export function numberedPairViolation(changes: Row, current: Row | null): { field: string; rule: string } | null {
  if (!touchesNumberedPair(changes)) return null;
  const merged = { ...(current ?? {}), ...changes };
  const collection = merged['collection'];
  const field = merged['field'];
  const owner = NUMBERED_FIELDS.find((pair) => pair.collection === collection);
  if (!owner) {
    const name = LABELS['collection']?.[String(collection)] ?? `“${String(collection ?? '')}”`;
    return { field: 'collection', rule: `不符合编号规则：${name}不由系统编号，编号规则只能用于${listed}` };
  }
  if (field === owner.field) return null;
  const named = NUMBERED_FIELDS.find((pair) => pair.field === field);
  return {
    field: 'field',
    rule:
      `不符合编号规则：${owner.collectionLabel}的编号只能写入“${owner.label}”（${owner.field}），` +
      `不能写入${named ? `“${named.label}”（${String(field)}）` : `“${String(field ?? '')}”`}；可编号的字段：${listed}`,
  };
}
