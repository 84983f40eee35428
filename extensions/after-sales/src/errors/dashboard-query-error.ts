import { createError } from '@directus/errors';

/** A ledger or status query parameter the caller got wrong: names the parameter and the rule. */
export const DashboardQueryError = createError<{ field: string; rule: string }>(
  'AFTER_SALES_DASHBOARD_QUERY',
  ({ field, rule }) => `参数 ${field} 无效：${rule}。`,
  400,
);
