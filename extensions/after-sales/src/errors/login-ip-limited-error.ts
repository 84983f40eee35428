import { createError } from '@directus/errors';
import type { LoginLockedExtensions } from './login-locked-error';

/** Too many failed logins from this network address, whatever the account: refused for a while (429). */
export const LoginIpLimitedError = createError<LoginLockedExtensions>(
  'AFTER_SALES_LOGIN_IP_LIMITED',
  ({ minutes }) => `此网络地址登录失败次数过多，已暂停从该地址登录，请 ${minutes} 分钟后再试；如需立即恢复，请联系管理员。`,
  429,
);
