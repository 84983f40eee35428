import type { Knex } from 'knex';
import { currentLocks, loginRefusal, minutesLeft, type CurrentLock, type LoginFailure, type LoginLimits } from '../domain/login-lockout';
import { LoginIpLimitedError } from '../errors/login-ip-limited-error';
import { LoginLockedError } from '../errors/login-locked-error';

/**
 * Failed logins, one row each, kept in the database so a lock holds across restarts and on every
 * instance. Created by setup (setup/create-login-failures-table.ts); not a Directus collection:
 * administrators see and lift locks through GET/DELETE /after-sales/locked-accounts and /locked-ips.
 */
export const LOGIN_FAILURES_TABLE = 'after_sales_login_failures';

/** Rows older than this are deleted as new failures come in (a lock never looks further back than 2 × lockMs). */
const KEEP_MS = 24 * 60 * 60_000;

interface FailureRow {
  email: string;
  ip: string | null;
  failed_at: number | string;
}

const toFailure = (row: FailureRow): LoginFailure => ({ email: row.email, ip: row.ip, failedAt: new Date(Number(row.failed_at)) });

/** The latest `limit` failures of one account or address that can still count towards a lock. */
async function recentFailures(
  database: Knex,
  column: 'email' | 'ip',
  value: string,
  limit: number,
  lockMs: number,
  now: Date,
): Promise<Date[]> {
  const rows: FailureRow[] = await database(LOGIN_FAILURES_TABLE)
    .select('failed_at')
    .where(column, value)
    .where('failed_at', '>', now.getTime() - 2 * lockMs)
    .orderBy('failed_at', 'desc')
    .limit(limit);
  return rows.map((row) => new Date(Number(row.failed_at)));
}

/** Refuses (429, in Chinese) a login for a locked account or from a locked address. */
export async function refuseLockedLogin(
  database: Knex,
  limits: LoginLimits,
  attempt: { email: string | null; ip: string | null },
  now: Date,
): Promise<void> {
  const refusal = loginRefusal({
    accountFailures: attempt.email ? await recentFailures(database, 'email', attempt.email, limits.maxFailures, limits.lockMs, now) : [],
    ipFailures: attempt.ip ? await recentFailures(database, 'ip', attempt.ip, limits.maxFailuresPerIp, limits.lockMs, now) : [],
    limits,
    now,
  });
  if (!refusal) return;
  const extensions = { minutes: minutesLeft(refusal.until, now), until: refusal.until.toISOString() };
  throw refusal.kind === 'account' ? new LoginLockedError(extensions) : new LoginIpLimitedError(extensions);
}

export async function recordLoginFailure(database: Knex, attempt: { email: string; ip: string | null }, now: Date): Promise<void> {
  await database(LOGIN_FAILURES_TABLE).insert({ email: attempt.email, ip: attempt.ip, failed_at: now.getTime() });
  await database(LOGIN_FAILURES_TABLE)
    .where('failed_at', '<', now.getTime() - KEEP_MS)
    .delete();
}

/** A successful login forgets the account's failures (not the address's: one good password must not hide a spray). */
export async function forgetAccountFailures(database: Knex, email: string): Promise<void> {
  await database(LOGIN_FAILURES_TABLE).where('email', email).delete();
}

export interface LockedAccount {
  email: string;
  /** the Directus user with this e-mail; null for an address that is no account (someone guessing) */
  user: { id: string; first_name: string | null; last_name: string | null; status: string } | null;
  failures: number;
  last_failure_at: string;
  locked_until: string;
}

export interface LockedAddress {
  ip: string;
  failures: number;
  last_failure_at: string;
  locked_until: string;
}

const lockFields = (lock: CurrentLock) => ({
  failures: lock.failures,
  last_failure_at: lock.lastFailureAt.toISOString(),
  locked_until: lock.lockedUntil.toISOString(),
});

async function locksNow(database: Knex, limits: LoginLimits, now: Date) {
  const rows: FailureRow[] = await database(LOGIN_FAILURES_TABLE)
    .select('email', 'ip', 'failed_at')
    .where('failed_at', '>', now.getTime() - 2 * limits.lockMs);
  return currentLocks(rows.map(toFailure), limits, now);
}

export async function lockedAccounts(database: Knex, limits: LoginLimits, now: Date): Promise<LockedAccount[]> {
  const { accounts } = await locksNow(database, limits, now);
  if (accounts.length === 0) return [];
  const users: { id: string; email: string; first_name: string | null; last_name: string | null; status: string }[] = await database(
    'directus_users',
  )
    .select('id', 'email', 'first_name', 'last_name', 'status')
    .whereRaw(`lower(??) in (${accounts.map(() => '?').join(', ')})`, ['email', ...accounts.map((lock) => lock.key)]);
  const byEmail = new Map(users.map(({ email, ...user }) => [email.toLowerCase(), user]));
  return accounts.map((lock) => ({ email: lock.key, user: byEmail.get(lock.key) ?? null, ...lockFields(lock) }));
}

export async function lockedAddresses(database: Knex, limits: LoginLimits, now: Date): Promise<LockedAddress[]> {
  const { ips } = await locksNow(database, limits, now);
  return ips.map((lock) => ({ ip: lock.key, ...lockFields(lock) }));
}

/** Lifts an account's lock by forgetting its failures; returns how many were forgotten. */
export function unlockAccount(database: Knex, email: string): Promise<number> {
  return database(LOGIN_FAILURES_TABLE).where('email', email).delete();
}

/** Lifts an address's lock (its failures stay counted for the accounts they were against). */
export function unlockAddress(database: Knex, ip: string): Promise<number> {
  return database(LOGIN_FAILURES_TABLE).where('ip', ip).update({ ip: null });
}
