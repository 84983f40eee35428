import { expect, test } from 'vitest';
import { ServerSetFieldError } from './server-set-field-error';

test('names the field in Chinese (the key travels in extensions), with status 400', () => {
  const error = new ServerSetFieldError({ field: 'report_no', label: '报案号' });
  expect(error.message).toBe('“报案号”由系统自动生成，不能填写或修改。');
  expect(error.status).toBe(400);
  expect(error.code).toBe('AFTER_SALES_SERVER_SET_FIELD');
  expect(error.extensions.field).toBe('report_no');
});
