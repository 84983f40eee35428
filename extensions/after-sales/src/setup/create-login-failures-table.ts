import type { Knex } from 'knex';
import { LOGIN_FAILURES_TABLE } from '../login/login-failures';

/**
 * The table of failed logins (login/login-failures.ts), outside the schema snapshot: only the login
 * hook and the administrators' lock endpoints use it. Times are milliseconds since the epoch,
 * compared the same way on SQLite and PostgreSQL. Registered as a hidden collection with a Chinese
 * name, so administrators can also browse it (设置 → 数据模型) and no department has any permission
 * on it. Returns what was added.
 */
export async function createLoginFailuresTable(database: Knex): Promise<string[]> {
  const added: string[] = [];
  if (!(await database.schema.hasTable(LOGIN_FAILURES_TABLE))) {
    await database.schema.createTable(LOGIN_FAILURES_TABLE, (table) => {
      table.increments('id');
      table.string('email', 255).notNullable();
      table.string('ip', 64).nullable();
      table.bigInteger('failed_at').notNullable();
      table.index(['email', 'failed_at']);
      table.index(['ip', 'failed_at']);
      table.index(['failed_at']);
    });
    added.push('table');
  }
  if (!(await database('directus_collections').where({ collection: LOGIN_FAILURES_TABLE }).first('collection'))) {
    await database('directus_collections').insert({
      collection: LOGIN_FAILURES_TABLE,
      hidden: true,
      icon: 'lock_clock',
      note: '密码错误等登录失败，每次一行（failed_at 为毫秒时间戳）；解锁请用 /after-sales/locked-accounts',
      translations: JSON.stringify([
        { language: 'zh-CN', translation: '登录失败记录' },
        { language: 'en-US', translation: 'Login failures' },
      ]),
    });
    added.push('collection');
  }
  return added;
}
