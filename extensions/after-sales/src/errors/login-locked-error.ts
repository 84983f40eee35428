import { createError } from '@directus/errors';

export interface LoginLockedExtensions {
  /** whole minutes until the lock lapses */
  minutes: number;
  /** when it lapses (ISO 8601) */
  until: string;
}

/** Too many wrong passwords for this account: refused for a while, not suspended (429). */
export const LoginLockedError = createError<LoginLockedExtensions>(
  'AFTER_SALES_LOGIN_LOCKED',
  ({ minutes }) => `该账号密码错误次数过多，已暂时锁定，请 ${minutes} 分钟后再试；如需立即解锁，请联系管理员。`,
  429,
);
