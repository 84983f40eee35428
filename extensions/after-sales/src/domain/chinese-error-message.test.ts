import { expect, test } from 'vitest';
import { chineseErrorMessage, namesField, translateErrorBody } from './chinese-error-message';

const LABELS: Record<string, string> = { incident_place: '出险地点', deaths: '死亡人数', policy_no: '保单号' };
const label = (field: string) => LABELS[field];

test.each([
  ['FORBIDDEN', {}, '没有执行此操作的权限：您的角色不能访问或修改该数据（或其中的字段）。'],
  ['FAILED_VALIDATION', { field: 'incident_place', type: 'required' }, '“出险地点”为必填项。'],
  ['FAILED_VALIDATION', { field: 'deaths', type: 'gte', valid: 0 }, '“死亡人数”的值太小，应不小于（0）。'],
  ['FAILED_VALIDATION', { field: 'id_number', type: 'regex' }, '“id_number”的格式不正确。'],
  [
    'FAILED_VALIDATION',
    { field: 'channel', type: 'in', valid: ['phone', 'visit', null] },
    '“channel”的值不在允许的选项中（可选：phone、visit）。',
  ],
  ['FAILED_VALIDATION', { field: 'department', type: 'eq', valid: 'operations' }, '“department”的值只能是（"operations"）。'],
  ['RECORD_NOT_UNIQUE', { field: 'policy_no', value: 'PA1' }, '“保单号”的值“PA1”已存在，必须唯一。'],
  ['INVALID_FOREIGN_KEY', { field: 'policy', value: 999 }, '“policy”引用的记录“999”不存在。'],
  ['NOT_NULL_VIOLATION', {}, '该字段不能为空。'],
  ['INVALID_CREDENTIALS', {}, '邮箱或密码不正确。'],
  ['INTERNAL_SERVER_ERROR', {}, '服务器处理请求时出错，请稍后重试；如果一再出现，请联系管理员（服务器日志里有详细原因）。'],
  ['SOMETHING_ELSE', {}, null],
])('%s %o → %s', (code, extensions, message) => {
  expect(chineseErrorMessage(code, extensions, label)).toBe(message);
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
      {
        message: '没有执行此操作的权限：您的角色不能访问或修改该数据（或其中的字段）。',
        extensions: { code: 'FORBIDDEN', message_en: "You don't have permission to access this." },
      },
      { message: '只有管理员可以执行此操作。', extensions: { code: 'AFTER_SALES_ADMIN_ONLY' } },
    ],
  });
  expect(translateErrorBody({ data: [] })).toEqual({ data: [] });
});

test("names a field by its label in the error's own collection, else the request's", () => {
  const labels = new Map([
    ['claim_reports.incident_place', '出险地点'],
    ['policies.policy_no', '保单号'],
    ['claims.policy_no', '错的表'],
  ]);
  const body = {
    errors: [
      {
        message: 'Validation failed for field "incident_place". Value is required.',
        extensions: { code: 'FAILED_VALIDATION', field: 'incident_place', type: 'required' },
      },
      {
        message: 'Value for field "policy_no" in collection "policies" has to be unique.',
        extensions: { code: 'RECORD_NOT_UNIQUE', collection: 'policies', field: 'policy_no', value: 'P1' },
      },
      {
        message: 'Validation failed for field "unknown_field".',
        extensions: { code: 'FAILED_VALIDATION', field: 'unknown_field', type: 'required' },
      },
    ],
  };
  const messages = (translateErrorBody(body, { labels, collection: 'claim_reports' }) as typeof body).errors.map((error) => error.message);
  expect(messages).toEqual(['“出险地点”为必填项。', '“保单号”的值“P1”已存在，必须唯一。', '“unknown_field”为必填项。']);
});

test('only bodies with an untranslated field error need the labels', () => {
  expect(namesField({ errors: [{ message: 'Validation failed', extensions: { code: 'FAILED_VALIDATION', field: 'deaths' } }] })).toBe(true);
  expect(
    namesField({ errors: [{ message: '“死亡人数”不能为空。', extensions: { code: 'AFTER_SALES_INVALID_INPUT', field: 'deaths' } }] }),
  ).toBe(false);
  expect(namesField({ errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] })).toBe(false);
  expect(namesField({ data: [] })).toBe(false);
});
