import { createError } from '@directus/errors';

export const WorkbenchForbiddenError = createError<{ reason: string }>(
  'AFTER_SALES_WORKBENCH_FORBIDDEN',
  ({ reason }) => `售后工作台：${reason}`,
  403,
);
