import { createError } from '@directus/errors';

export const InvalidWorkbenchQueryError = createError<{ field: string; rule: string }>(
  'AFTER_SALES_INVALID_WORKBENCH_QUERY',
  ({ field, rule }) => `售后工作台参数 ${field} 无效：${rule}`,
  400,
);
