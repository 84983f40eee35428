import { expect, test } from 'vitest';
import { InvalidHolidayNoticeError } from './invalid-holiday-notice-error';

test('says in Chinese why the notice cannot be imported', () => {
  const error = new InvalidHolidayNoticeError({ reason: '请粘贴通知全文（text）。' });
  expect(error.message).toBe('无法导入节假日通知：请粘贴通知全文（text）。');
  expect(error.status).toBe(400);
  expect(error.code).toBe('AFTER_SALES_INVALID_HOLIDAY_NOTICE');
});
