import { expect, test } from 'vitest';
import { InvalidInputError } from './invalid-input-error';

test('names the field by its label (the key travels in extensions), then the rule', () => {
  const error = new InvalidInputError({ field: 'incident_at', label: '出险时间', rule: '不能晚于当前时间（事件尚未发生）' });
  expect(error.message).toBe('“出险时间”不能晚于当前时间（事件尚未发生）。');
  expect(error.status).toBe(400);
  expect(error.code).toBe('AFTER_SALES_INVALID_INPUT');
  expect(error.extensions).toEqual({ field: 'incident_at', label: '出险时间', rule: '不能晚于当前时间（事件尚未发生）' });
});
