import { bumpRulesVersion, isRuleCollection } from '../shared/rules-cache';
import type { HookSetup } from './hook-context';

/**
 * A rule table changed through Directus (the admin UI, the API, an import): once it has committed,
 * this instance drops its copies of the rules and the rules counter moves on, so every instance
 * reads the rules afresh on its next case write (see shared/rules-cache.ts).
 */
export function registerRulesCache({ on, context }: HookSetup): void {
  const { database, logger } = context;
  for (const event of ['items.create', 'items.update', 'items.delete']) {
    on.action(event, ({ collection }) => {
      if (!isRuleCollection(String(collection))) return;
      return bumpRulesVersion(database).catch((error) => logger.error(error, '[after-sales] moving the rules counter on failed'));
    });
  }
}
