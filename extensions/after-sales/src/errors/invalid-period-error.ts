import { createError } from '@directus/errors';

export const InvalidPeriodError = createError<{ period: string }>(
  'AFTER_SALES_INVALID_PERIOD',
  ({ period }) => `统计月份 “${period}” 无效：应为 YYYY-MM 格式，例如 2026-11。`,
  400,
);
