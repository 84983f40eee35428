import { describe, expect, test } from 'vitest';
import {
  accountKey,
  countsAsFailure,
  currentLocks,
  DEFAULT_LOGIN_LIMITS,
  lockedUntil,
  loginLimitsFrom,
  loginRefusal,
  minutesLeft,
} from './login-lockout';

const MINUTE = 60_000;
const now = new Date('2026-03-02T02:00:00Z');
/** Failures the given numbers of minutes before `now`. */
const ago = (...minutes: number[]) => minutes.map((m) => new Date(now.getTime() - m * MINUTE));
const at = (minutesFromNow: number) => new Date(now.getTime() + minutesFromNow * MINUTE);

describe('lockedUntil (5 failures within 15 minutes lock for 15 minutes after the last)', () => {
  test.each([
    ['no failure', ago(), null],
    ['four failures', ago(4, 3, 2, 1), null],
    ['five failures in four minutes', ago(4, 3, 2, 1, 0), at(15)],
    ['five failures, the last a minute ago', ago(5, 4, 3, 2, 1), at(14)],
    ['five spread over exactly 15 minutes do not count together', ago(16, 12, 8, 4, 1), null],
    ['five within 14 minutes, the last 14 minutes ago', ago(28, 20, 18, 16, 14), at(1)],
    ['the lock has lapsed', ago(19, 18, 17, 16, 15), null],
    ['after a lapsed lock, one more wrong password starts a new count', [...ago(40, 39, 38, 37, 36), ...ago(0)], null],
    ['order of the rows does not matter', ago(0, 4, 2, 3, 1), at(15)],
    ['six failures: the latest five decide', ago(30, 4, 3, 2, 1, 0), at(15)],
  ])('%s', (_name, failures, expected) => {
    expect(lockedUntil(failures, 5, 15 * MINUTE, now)).toEqual(expected);
  });
});

describe('loginRefusal', () => {
  const limits = { maxFailures: 5, maxFailuresPerIp: 10, lockMs: 15 * MINUTE };
  test.each([
    ['nothing locked', ago(1), ago(1, 2), null],
    ['the account is locked', ago(4, 3, 2, 1, 0), ago(4, 3, 2, 1, 0), { kind: 'account', until: at(15) }],
    ['the address is locked, the account not', ago(1), ago(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), { kind: 'ip', until: at(15) }],
    ['both: the account is named', ago(4, 3, 2, 1, 0), ago(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), { kind: 'account', until: at(15) }],
  ])('%s', (_name, accountFailures, ipFailures, expected) => {
    expect(loginRefusal({ accountFailures, ipFailures, limits, now })).toEqual(expected);
  });
});

describe('loginLimitsFrom', () => {
  test.each([
    ['defaults', {}, DEFAULT_LOGIN_LIMITS],
    [
      'set',
      { AFTER_SALES_LOGIN_MAX_FAILURES: '3', AFTER_SALES_LOGIN_MAX_FAILURES_PER_IP: 20, AFTER_SALES_LOGIN_LOCK_MINUTES: '30' },
      { maxFailures: 3, maxFailuresPerIp: 20, lockMs: 30 * MINUTE },
    ],
    ['fractional minutes (tests)', { AFTER_SALES_LOGIN_LOCK_MINUTES: 0.1 }, { ...DEFAULT_LOGIN_LIMITS, lockMs: 6_000 }],
    [
      'invalid values take the default',
      { AFTER_SALES_LOGIN_MAX_FAILURES: '2.5', AFTER_SALES_LOGIN_MAX_FAILURES_PER_IP: '0', AFTER_SALES_LOGIN_LOCK_MINUTES: 'abc' },
      DEFAULT_LOGIN_LIMITS,
    ],
  ])('%s', (_name, env, expected) => {
    expect(loginLimitsFrom(env)).toEqual(expected);
  });
});

test.each([
  ['INVALID_CREDENTIALS', false, true],
  ['INVALID_OTP', true, true],
  ['INVALID_OTP', false, false],
  ['USER_SUSPENDED', false, false],
  ['SERVICE_UNAVAILABLE', false, false],
  [undefined, false, false],
])('countsAsFailure(%s, otp given: %s) = %s', (code, otpGiven, expected) => {
  expect(countsAsFailure(code, otpGiven)).toBe(expected);
});

test.each([
  [' Clerk@Agency.CN ', 'clerk@agency.cn'],
  ['', null],
  [undefined, null],
  [42, null],
])('accountKey(%o) = %o', (email, expected) => {
  expect(accountKey(email)).toBe(expected);
});

test.each([
  [at(15), 15],
  [at(0.1), 1],
  [at(14.2), 15],
])('minutesLeft until %s = %i', (until, expected) => {
  expect(minutesLeft(until, now)).toBe(expected);
});

test('currentLocks: the locked accounts and addresses, latest first; failures below the limit are not listed', () => {
  const limits = { maxFailures: 3, maxFailuresPerIp: 4, lockMs: 15 * MINUTE };
  const failure = (email: string, ip: string, minutesAgo: number) => ({ email, ip, failedAt: ago(minutesAgo)[0]! });
  const locks = currentLocks(
    [
      failure('a@x.cn', '10.0.0.1', 5),
      failure('a@x.cn', '10.0.0.1', 4),
      failure('a@x.cn', '10.0.0.2', 3),
      failure('b@x.cn', '10.0.0.1', 2),
      failure('c@x.cn', '10.0.0.3', 1),
      failure('b@x.cn', '10.0.0.1', 1),
    ],
    limits,
    now,
  );
  expect(locks.accounts).toEqual([{ key: 'a@x.cn', failures: 3, lastFailureAt: ago(3)[0], lockedUntil: at(12) }]);
  expect(locks.ips).toEqual([{ key: '10.0.0.1', failures: 4, lastFailureAt: ago(1)[0], lockedUntil: at(14) }]);
});
