import { createError } from '@directus/errors';

/** A query that filters, sorts, groups or aggregates users by a field the caller sees on their own record only (403). */
export const UserFieldQueryError = createError<{ fields: string }>(
  'AFTER_SALES_USER_FIELD_HIDDEN',
  ({ fields }) => `不能按用户的 ${fields} 筛选、排序、分组或统计：这些信息只有本人和管理员可以查看。`,
  403,
);
