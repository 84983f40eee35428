import { expect, test } from 'vitest';
import { changedFields, revisionWriteRefusal, ruleItemLabel, ruleRevision } from './rule-revision';

const now = new Date('2026-12-01T08:00:00Z');

test('an update records old and new and the fields that changed', () => {
  const revision = ruleRevision({
    collection: 'deadline_rules',
    item: 3,
    action: 'update',
    user: 'u1',
    now,
    before: { id: 3, key: 'hq_report', name: '重大案件呈报总部', limit_value: 24 },
    after: { id: 3, key: 'hq_report', name: '重大案件呈报总部', limit_value: 12 },
  });
  expect(revision).toEqual({
    rule_collection: 'deadline_rules',
    item: '3',
    item_label: '重大案件呈报总部',
    action: 'update',
    changed_fields: ['limit_value'],
    before: { id: 3, key: 'hq_report', name: '重大案件呈报总部', limit_value: 24 },
    after: { id: 3, key: 'hq_report', name: '重大案件呈报总部', limit_value: 12 },
    changed_by: 'u1',
    changed_at: now,
    status: 'pending',
    source: 'console',
  });
});

test('an upgrade’s own change is recorded as 版本升级, by nobody', () => {
  const revision = ruleRevision({
    collection: 'deadline_rules',
    item: 3,
    action: 'update',
    user: null,
    now,
    source: 'upgrade',
    before: { id: 3, limit_value: 24 },
    after: { id: 3, limit_value: 12 },
  });
  expect(revision).toMatchObject({ source: 'upgrade', changed_by: null, changed_fields: ['limit_value'], status: 'pending' });
});

test('an update that changes nothing is no revision', () => {
  const row = { id: 1, value: 5 };
  expect(
    ruleRevision({ collection: 'rule_parameters', item: 1, action: 'update', before: row, after: { ...row }, user: null, now }),
  ).toBeNull();
});

test('a create has no before, a delete no after', () => {
  const created = ruleRevision({
    collection: 'guidance_texts',
    item: 9,
    action: 'create',
    before: null,
    after: { id: 9, key: 'k', title: '开场白' },
    user: 'u',
    now,
  });
  expect(created).toMatchObject({ action: 'create', before: null, changed_fields: ['key', 'title'], item_label: '开场白' });
  const deleted = ruleRevision({
    collection: 'guidance_texts',
    item: 9,
    action: 'delete',
    before: { id: 9, key: 'k', title: '开场白' },
    after: null,
    user: 'u',
    now,
  });
  expect(deleted).toMatchObject({ action: 'delete', after: null, changed_fields: ['key', 'title'], item_label: '开场白' });
});

test('an update whose earlier state nobody recorded still is a revision, without fields', () => {
  expect(
    ruleRevision({ collection: 'rule_parameters', item: 1, action: 'update', before: null, after: { id: 1, value: 5 }, user: 'u', now }),
  ).toMatchObject({ changed_fields: [], before: null });
});

test.each([
  ['work_calendar', { date: '2027-02-10', name: '春节' }, '2027-02-10 春节'],
  ['complaint_transitions', { from_stage: 'draft', to_stage: 'submitted', department: 'market' }, 'draft → submitted（market）'],
  ['approval_authorities', { level: '总经理' }, '总经理'],
  ['deadline_rules', {}, '#4'],
])('%s is labelled %s', (collection, row, label) => {
  expect(ruleItemLabel(collection, row, '4')).toBe(label);
});

test('JSON values compare by content', () => {
  expect(changedFields({ required_fields: ['a', 'b'] }, { required_fields: ['a', 'b'] })).toEqual([]);
  expect(changedFields({ required_fields: ['a'] }, { required_fields: ['a', 'b'] })).toEqual(['required_fields']);
});

test.each([
  ['the 总经理 approves a pending entry', { status: 'approved', approval_opinion: '同意' }, true, 'pending', null],
  ['someone else', { status: 'approved' }, false, 'pending', 403],
  ['the content is the record', { after: {} }, true, 'pending', 400],
  ['no going back to pending', { status: 'pending' }, true, 'pending', 400],
  ['an approved entry stays approved', { approval_opinion: '改' }, true, 'approved', 400],
])('%s', (_name, payload, holds, status, refused) => {
  expect(revisionWriteRefusal(payload, holds, [{ status }])?.status ?? null).toBe(refused);
});
