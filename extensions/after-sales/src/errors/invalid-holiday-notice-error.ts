import { createError } from '@directus/errors';

export const InvalidHolidayNoticeError = createError<{ reason: string }>(
  'AFTER_SALES_INVALID_HOLIDAY_NOTICE',
  ({ reason }) => `无法导入节假日通知：${reason}`,
  400,
);
