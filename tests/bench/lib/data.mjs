// Bulk data for benchmarks, written straight through knex (10k–100k rows in seconds). Write while
// the server is stopped, or to a table the server does not cache; Directus reads it as its own.
import knexFactory from 'knex';

/** A knex connection to the database a bench server uses (SQLite or PostgreSQL). */
export function openDatabase(env) {
  if (env.DB_CLIENT === 'sqlite3') {
    return knexFactory({ client: 'sqlite3', connection: { filename: env.DB_FILENAME }, useNullAsDefault: true });
  }
  return knexFactory({
    client: 'pg',
    connection: env.DB_CONNECTION_STRING ?? {
      host: env.DB_HOST,
      port: Number(env.DB_PORT ?? 5432),
      database: env.DB_DATABASE,
      user: env.DB_USER,
      password: env.DB_PASSWORD,
    },
  });
}

/** Directus keeps SQLite timestamps as epoch milliseconds and PostgreSQL ones as timestamptz. */
export function timestamp(env, date) {
  return env.DB_CLIENT === 'sqlite3' ? date.getTime() : date.toISOString();
}

/** Inserts `count` rows made by `make(i)` in chunks inside one transaction per chunk. */
export async function bulkInsert(knex, table, count, make, { chunk = 500 } = {}) {
  for (let start = 0; start < count; start += chunk) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + chunk); i++) rows.push(make(i));
    // SQLite allows 999 bound variables per statement in older builds: keep each insert small.
    const columns = Object.keys(rows[0]).length;
    const perStatement = Math.max(1, Math.floor(900 / columns));
    await knex.transaction(async (trx) => {
      for (let i = 0; i < rows.length; i += perStatement) await trx(table).insert(rows.slice(i, i + perStatement));
    });
  }
}

const DAY = 86_400_000;

/**
 * An open complaint with 运营部 (investigating), registered at `registered` (epoch ms), due 14 days later and
 * warned at 11, as the bundle's clock would have set it; `number` is its complaint_no.
 */
export function openComplaintRow(env, i, registered, number) {
  return {
    customer_name: `客户${i}`,
    demand: '要求退还保费',
    reason: '保全延误',
    market_opinion: '属实',
    stage: 'investigating',
    holding_department: 'operations',
    complaint_no: number,
    registered_at: timestamp(env, new Date(registered)),
    due_at: timestamp(env, new Date(registered + 14 * DAY)),
    warn_at: timestamp(env, new Date(registered + 11 * DAY)),
    involves_other_company: false,
    customer_accepted: false,
    supervisor_reviewed: false,
    administrative_sanction: false,
    archived: false,
  };
}
