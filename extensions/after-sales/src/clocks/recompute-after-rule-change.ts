import type { Knex } from 'knex';
import { notifyUsers } from '../notices/notify-department';
import { recomputeOpenClocks } from './recompute-open-clocks';

interface Deps {
  services: Record<string, any>;
  database: Knex;
  getSchema: () => Promise<unknown>;
  logger: { info: (msg: string) => void; error: (error: unknown, msg: string) => void };
}

interface Change {
  /** who changed the rule (accountability.user), told the outcome; null for the system */
  user: string | null;
  collection: string;
  item: string;
}

const WHAT: Record<string, string> = { work_calendar: '工作日历', deadline_rules: '时限规则', rule_parameters: '规则参数' };

/**
 * After a deadline rule, rule parameter or calendar day changes: every open clock is computed again
 * and the administrator who made the change is told in the console how many open cases got new
 * deadlines. Changes that arrive while a recompute is pending (a batch of calendar days, a quick
 * second edit) are served by one recompute and one message per person.
 */
export function recomputeAfterRuleChange(deps: Deps, timeZone: string, delayMs = 300): (change: Change) => void {
  let pending: Change[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();

  const run = async (changes: Change[]) => {
    const schema = await deps.getSchema();
    const data = { services: deps.services, database: deps.database, schema };
    const moved = await recomputeOpenClocks(data, timeZone);
    if (moved > 0) deps.logger.info(`[after-sales] calendar/rules changed: ${moved} open case deadline(s) recomputed`);
    const users = new Map<string, Change[]>();
    for (const change of changes) if (change.user) users.set(change.user, [...(users.get(change.user) ?? []), change]);
    for (const [user, own] of users) {
      const what = [...new Set(own.map((change) => WHAT[change.collection] ?? change.collection))].join('、');
      await notifyUsers(
        data,
        { id: { _eq: user } },
        {
          subject: `已按新规则重算 ${moved} 件未结案件的时限`,
          message:
            moved > 0
              ? `${what}已修改：${moved} 件未结案件的期限和预警时间已按新规则重新计算。`
              : `${what}已修改：未结案件的期限都不受影响，无需调整。`,
          collection: own[0]!.collection,
          item: own[0]!.item,
        },
      );
    }
  };

  return (change) => {
    pending.push(change);
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      const changes = pending;
      pending = [];
      running = running.then(() => run(changes)).catch((error) => deps.logger.error(error, '[after-sales] recomputing deadlines failed'));
    }, delayMs);
  };
}
