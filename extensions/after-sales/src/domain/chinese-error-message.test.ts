import { expect, test } from 'vitest';
import { chineseErrorMessage, translateErrorBody } from './chinese-error-message';

test.each([
  ['FORBIDDEN', {}, '没有执行此操作的权限：您的角色不能访问或修改该数据（或其中的字段）。'],
  ['FAILED_VALIDATION', { field: 'incident_place', type: 'required' }, '字段 incident_place 为必填项。'],
  ['FAILED_VALIDATION', { field: 'deaths', type: 'gte', valid: 0 }, '字段 deaths 的值太小，应不小于（0）。'],
  ['FAILED_VALIDATION', { field: 'id_number', type: 'regex' }, '字段 id_number 的格式不正确。'],
  ['FAILED_VALIDATION', { field: 'channel', type: 'in', valid: ['phone', 'visit', null] }, '字段 channel 的值不在允许的选项中（可选：phone、visit）。'],
  ['FAILED_VALIDATION', { field: 'department', type: 'eq', valid: 'operations' }, '字段 department 的值只能是（"operations"）。'],
  ['RECORD_NOT_UNIQUE', { field: 'policy_no', value: 'PA1' }, '字段 policy_no 的值“PA1”已存在，必须唯一。'],
  ['INVALID_FOREIGN_KEY', { field: 'policy', value: 999 }, '字段 policy 引用的记录“999”不存在。'],
  ['INVALID_CREDENTIALS', {}, '邮箱或密码不正确。'],
  ['SOMETHING_ELSE', {}, null],
])('%s %o → %s', (code, extensions, message) => {
  expect(chineseErrorMessage(code, extensions)).toBe(message);
});

test('translates English messages, keeps Chinese ones and the original text', () => {
  const body = {
    errors: [
      { message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } },
      { message: '只有管理员可以执行此操作。', extensions: { code: 'AFTER_SALES_ADMIN_ONLY' } },
    ],
  };
  expect(translateErrorBody(body)).toEqual({
    errors: [
      { message: '没有执行此操作的权限：您的角色不能访问或修改该数据（或其中的字段）。', extensions: { code: 'FORBIDDEN', message_en: "You don't have permission to access this." } },
      { message: '只有管理员可以执行此操作。', extensions: { code: 'AFTER_SALES_ADMIN_ONLY' } },
    ],
  });
  expect(translateErrorBody({ data: [] })).toEqual({ data: [] });
});
