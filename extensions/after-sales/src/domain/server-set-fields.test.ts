import { expect, test } from 'vitest';
import { forgedServerField } from './server-set-fields';

test.each([
  ['claim_reports', { report_no: 'BA1' }, { field: 'report_no', label: '报案号' }],
  ['claim_reports', { is_major: null }, { field: 'is_major', label: '重大案件' }],
  ['complaints', { customer_name: '张', approval_level: '总经理' }, { field: 'approval_level', label: '核决权限' }],
  ['claim_reports', { insured_name: '张三' }, null],
  ['customers', { name: '张三' }, null],
])('%s %o → %o', (collection, payload, expected) => {
  expect(forgedServerField(collection, payload)).toEqual(expected);
});
