import { expect, test } from 'vitest';
import { mailConfigured } from './notify-department';

test.each([
  [{}, false],
  [{ EMAIL_TRANSPORT: 'sendmail', EMAIL_SENDMAIL_PATH: '/nonexistent/sendmail' }, false],
  [{ EMAIL_TRANSPORT: 'sendmail', EMAIL_SENDMAIL_PATH: process.execPath }, true],
  [{ EMAIL_TRANSPORT: 'smtp', EMAIL_SMTP_HOST: '127.0.0.1' }, true],
])('mail with %o configured: %s', (env, configured) => {
  const withDefaults = { EMAIL_SENDMAIL_PATH: '/nonexistent/sendmail', ...env };
  expect(mailConfigured(withDefaults)).toBe(configured);
});
