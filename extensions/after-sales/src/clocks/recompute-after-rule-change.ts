import type { Knex } from 'knex';
import { serveRuleRecomputes } from './serve-rule-recomputes';

interface Deps {
  services: Record<string, any>;
  database: Knex;
  getSchema: () => Promise<unknown>;
  logger: { info: (msg: string) => void; error: (error: unknown, msg: string) => void };
}

/**
 * After a deadline rule, rule parameter or calendar day changed (its action, after commit): the
 * recompute the change asked for in its transaction (request-rule-recompute.ts) is served at once
 * on this instance. Changes that arrive while one is pending (a batch of calendar days, a quick
 * second edit) are served by one recompute and one message per person. Nothing here is needed for
 * the recompute to happen: an instance that stops before it ran serves it when it starts, and any
 * instance on its next sweep tick (serve-rule-recomputes.ts).
 */
export function recomputeAfterRuleChange(deps: Deps, timeZone: string, delayMs = 100): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void serveOwedRecomputes(deps, timeZone, 'calendar/rules changed');
    }, delayMs);
  };
}

/** Serves the owed recomputes now (after a change, at start, on a tick) and logs what moved; never throws. */
export async function serveOwedRecomputes(deps: Deps, timeZone: string, why: string): Promise<void> {
  try {
    const schema = await deps.getSchema();
    const served = await serveRuleRecomputes({ services: deps.services, database: deps.database, schema }, timeZone);
    if (served.changes > 0) deps.logger.info(`[after-sales] ${why}: ${served.moved} open case deadline(s) recomputed`);
  } catch (error) {
    deps.logger.error(error, '[after-sales] recomputing deadlines failed');
  }
}
