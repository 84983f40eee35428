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

test.each([
  ['customers', { phone_masked: '138****1234' }, { field: 'phone_masked', label: '电话（打码）' }],
  [
    'claim_reports',
    { insured_id_number_masked: 'x', insured_id_number: '110101199001011234' },
    { field: 'insured_id_number_masked', label: '身份证号（打码）' },
  ],
  ['customers', { phone: '13800001234', phone_masked: '138****1234' }, null],
])('masked copies are server-set: %s %o → %o', (collection, payload, expected) => {
  expect(forgedServerField(collection, payload)).toEqual(expected);
});
