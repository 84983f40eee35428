import { expect, test } from 'vitest';
import { LoginIpLimitedError } from './login-ip-limited-error';
import { LoginLockedError } from './login-locked-error';

test.each([
  [LoginLockedError, 'AFTER_SALES_LOGIN_LOCKED', '该账号密码错误次数过多，已暂时锁定，请 15 分钟后再试；如需立即解锁，请联系管理员。'],
  [
    LoginIpLimitedError,
    'AFTER_SALES_LOGIN_IP_LIMITED',
    '此网络地址登录失败次数过多，已暂停从该地址登录，请 15 分钟后再试；如需立即恢复，请联系管理员。',
  ],
])('%o: 429 saying how long to wait', (ErrorClass, code, message) => {
  const error = new ErrorClass({ minutes: 15, until: '2026-03-02T02:15:00.000Z' });
  expect(error.message).toBe(message);
  expect(error.status).toBe(429);
  expect(error.code).toBe(code);
  expect(error.extensions).toEqual({ minutes: 15, until: '2026-03-02T02:15:00.000Z' });
});
