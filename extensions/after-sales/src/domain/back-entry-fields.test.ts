import { expect, test } from 'vitest';
import { forbiddenBackEntry } from './back-entry-fields';

test.each([
  ['claim_reports', { reported_at: 'x' }, false, '市场部', { field: 'reported_at', label: '报案时间', allowed: '管理员' }],
  ['claim_reports', { reported_at: 'x' }, true, null, null],
  ['complaints', { registered_at: 'x' }, false, '总经理室', null],
  [
    'complaints',
    { registered_at: 'x' },
    false,
    '市场部',
    { field: 'registered_at', label: '总经理室受理时间', allowed: '管理员或总经理室' },
  ],
  ['claim_applications', { handed_over_at: 'x' }, false, '运营部', { field: 'handed_over_at', label: '移交时间', allowed: '管理员' }],
  ['claim_reports', { insured_name: '张三' }, false, '市场部', null],
])('%s %o admin=%s role=%s → %o', (collection, payload, admin, role, expected) => {
  expect(forbiddenBackEntry(collection, payload, admin, role)).toEqual(expected);
});
