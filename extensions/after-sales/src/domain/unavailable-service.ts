/**
 * Whether an error that reached the API's error handler means the database or Redis could not be
 * reached (restarted, stopped, network cut) rather than a fault in the request or in the code: such a
 * request is answered 503 with a Chinese message asking to retry (X-FAULTS), instead of Directus's
 * 500 "An unexpected error occurred." (or, for an administrator, the driver's English text).
 */
export type UnavailableService = 'database' | 'redis' | 'network';

/** PostgreSQL SQLSTATEs of a lost or refused connection: class 08, and 57P01–57P03 (shutdown, crash, starting up). */
const POSTGRES_CONNECTION_STATES = /^(08\d{3}|57P0[1-3])$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// Anywhere in the message: knex puts the failed statement in front ("ROLLBACK - Connection terminated unexpectedly").
const DATABASE_MESSAGES = [
  /Connection terminated/, // node-postgres: the server closed the connection
  /Connection ended unexpectedly/,
  /Timeout acquiring a connection/, // knex: the pool could not open a connection in time
  /Client has encountered a connection error/, // node-postgres: a client used after its connection failed
  /Client was closed and is not queryable/,
  /the database system is (shutting down|starting up|in recovery mode|not yet accepting connections)/,
  /terminating connection due to (administrator command|crash of another server process)/,
];
const REDIS_NAMES = new Set(['MaxRetriesPerRequestError']);
const REDIS_MESSAGES = [/^Stream isn't writeable and enableOfflineQueue options is false/, /^Connection is closed\.?$/];

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  errors?: unknown;
  cause?: unknown;
  port?: unknown;
}

/** `databasePort`: the database server's port (DB_PORT), so that a refused connection to it names the database. */
export function unavailableService(error: unknown, { databasePort }: { databasePort?: number } = {}, depth = 0): UnavailableService | null {
  if (typeof error !== 'object' || error === null || depth > 3) return null;
  const { name, code, message, errors, cause, port } = error as ErrorLike;
  const text = typeof message === 'string' ? message : '';
  if (REDIS_NAMES.has(String(name)) || REDIS_MESSAGES.some((pattern) => pattern.test(text))) return 'redis';
  if (typeof code === 'string' && POSTGRES_CONNECTION_STATES.test(code)) return 'database';
  if (DATABASE_MESSAGES.some((pattern) => pattern.test(text))) return 'database';
  // A refused or reset socket (the database driver's, or another backend's): an AggregateError holds one per address tried.
  if (typeof code === 'string' && NETWORK_CODES.has(code))
    return databasePort !== undefined && port === databasePort ? 'database' : 'network';
  for (const inner of [...(Array.isArray(errors) ? errors : []), cause]) {
    const service = unavailableService(inner, { databasePort }, depth + 1);
    if (service) return service;
  }
  return null;
}
