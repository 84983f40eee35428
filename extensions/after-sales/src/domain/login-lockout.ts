/**
 * Time-limited login locks instead of Directus's permanent suspension: wrong passwords for one
 * account, or failed logins from one network address, stop further attempts for a while and then
 * lapse by themselves. Pure: the failures and `now` are given.
 */

export interface LoginLimits {
  /** wrong passwords for one account (its e-mail, known or not) within `lockMs` that lock it */
  maxFailures: number;
  /** failed logins from one address, whatever the account, within `lockMs` that stop logins from it */
  maxFailuresPerIp: number;
  /** how long a lock lasts after the failure that completed it; failures older than this no longer count */
  lockMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { maxFailures: 5, maxFailuresPerIp: 30, lockMs: 15 * 60_000 };

/** The environment variables that set the limits (minutes may be fractional). */
export const LOGIN_LIMIT_SETTINGS = {
  maxFailures: 'AFTER_SALES_LOGIN_MAX_FAILURES',
  maxFailuresPerIp: 'AFTER_SALES_LOGIN_MAX_FAILURES_PER_IP',
  lockMinutes: 'AFTER_SALES_LOGIN_LOCK_MINUTES',
} as const;

function positive(value: unknown, fallback: number, integer: boolean): number {
  if (value === undefined || value === null || value === '') return fallback;
  const number = Number(value);
  return Number.isFinite(number) && number > 0 && (!integer || Number.isInteger(number)) ? number : fallback;
}

/** The limits from the environment; a missing or invalid value takes the default (npm start refuses it earlier). */
export function loginLimitsFrom(env: Record<string, unknown>): LoginLimits {
  return {
    maxFailures: positive(env[LOGIN_LIMIT_SETTINGS.maxFailures], DEFAULT_LOGIN_LIMITS.maxFailures, true),
    maxFailuresPerIp: positive(env[LOGIN_LIMIT_SETTINGS.maxFailuresPerIp], DEFAULT_LOGIN_LIMITS.maxFailuresPerIp, true),
    lockMs: positive(env[LOGIN_LIMIT_SETTINGS.lockMinutes], DEFAULT_LOGIN_LIMITS.lockMs / 60_000, false) * 60_000,
  };
}

/**
 * Until when a series of failures locks (null when it does not): the latest `maxFailures` failures
 * lie within `lockMs` of each other, and the latest is less than `lockMs` ago. Attempts refused
 * while locked are not failures, so a lock ends `lockMs` after the failure that completed it, and
 * the next wrong password after that starts a new count.
 */
export function lockedUntil(failedAt: readonly Date[], maxFailures: number, lockMs: number, now: Date): Date | null {
  if (failedAt.length < maxFailures) return null;
  const latestFirst = [...failedAt].sort((a, b) => b.getTime() - a.getTime());
  const latest = latestFirst[0]!;
  const oldestCounted = latestFirst[maxFailures - 1]!;
  if (latest.getTime() - oldestCounted.getTime() >= lockMs) return null;
  const until = new Date(latest.getTime() + lockMs);
  return until > now ? until : null;
}

export interface LoginRefusal {
  kind: 'account' | 'ip';
  until: Date;
}

/** Whether a login may go ahead: the account's lock first (it names the account), then the address's. */
export function loginRefusal(input: {
  accountFailures: readonly Date[];
  ipFailures: readonly Date[];
  limits: LoginLimits;
  now: Date;
}): LoginRefusal | null {
  const { accountFailures, ipFailures, limits, now } = input;
  const account = lockedUntil(accountFailures, limits.maxFailures, limits.lockMs, now);
  if (account) return { kind: 'account', until: account };
  const ip = lockedUntil(ipFailures, limits.maxFailuresPerIp, limits.lockMs, now);
  return ip ? { kind: 'ip', until: ip } : null;
}

/** Whole minutes until `until`, at least 1 (what the refusal tells the user). */
export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/**
 * Whether a failed login counts towards a lock: a wrong e-mail or password, or a wrong one-time
 * code. A missing code does not (the admin app first asks without one, then prompts for it), nor
 * do refusals that say nothing about the password (suspended account, server unavailable).
 */
export function countsAsFailure(errorCode: string | undefined, otpGiven: boolean): boolean {
  if (errorCode === 'INVALID_CREDENTIALS') return true;
  return errorCode === 'INVALID_OTP' && otpGiven;
}

/** The key an account's failures are kept under: the e-mail as Directus compares it (lower case). */
export function accountKey(email: unknown): string | null {
  return typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : null;
}

export interface LoginFailure {
  email: string;
  ip: string | null;
  failedAt: Date;
}

export interface CurrentLock {
  key: string;
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date;
}

function locksBy(
  failures: readonly LoginFailure[],
  keyOf: (failure: LoginFailure) => string | null,
  max: number,
  lockMs: number,
  now: Date,
): CurrentLock[] {
  const groups = new Map<string, Date[]>();
  for (const failure of failures) {
    const key = keyOf(failure);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), failure.failedAt]);
  }
  const locks: CurrentLock[] = [];
  for (const [key, times] of groups) {
    const until = lockedUntil(times, max, lockMs, now);
    if (!until) continue;
    const recent = times.filter((time) => time.getTime() > until.getTime() - 2 * lockMs);
    locks.push({
      key,
      failures: recent.length,
      lastFailureAt: new Date(Math.max(...times.map((time) => time.getTime()))),
      lockedUntil: until,
    });
  }
  return locks.sort((a, b) => b.lastFailureAt.getTime() - a.lastFailureAt.getTime());
}

/** The accounts and addresses locked now (for the administrators' view), latest failure first. */
export function currentLocks(
  failures: readonly LoginFailure[],
  limits: LoginLimits,
  now: Date,
): { accounts: CurrentLock[]; ips: CurrentLock[] } {
  return {
    accounts: locksBy(failures, (failure) => failure.email, limits.maxFailures, limits.lockMs, now),
    ips: locksBy(failures, (failure) => failure.ip, limits.maxFailuresPerIp, limits.lockMs, now),
  };
}
