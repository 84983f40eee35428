import { expect, test } from 'vitest';
import { UserFieldQueryError } from './user-field-query-error';

test('names the fields and who may see them; 403', () => {
  const error = new UserFieldQueryError({ fields: 'email、password' });
  expect(error.message).toBe('不能按用户的 email、password 筛选、排序、分组或统计：这些信息只有本人和管理员可以查看。');
  expect(error.status).toBe(403);
  expect(error.code).toBe('AFTER_SALES_USER_FIELD_HIDDEN');
});
