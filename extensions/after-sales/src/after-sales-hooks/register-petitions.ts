import { applyPetitionDecision } from '../complaints/petition-decision';
import { petitionOnCreate } from '../complaints/petition-on-create';
import { petitionOnUpdate } from '../complaints/petition-on-update';
import { afterCommitContext, asKeys, asRow, filterContext, type HookSetup } from './hook-context';

/**
 * K-PETITION: a 签呈 is filed as submitted and decided once by the GM Office; what the decision does is
 * carried out after commit, once (the sweep picks up any left pending).
 */
export function registerPetitions(setup: HookSetup): void {
  const { on } = setup;
  const { logger } = setup.context;
  on.filter('petitions.items.create', async (payload, { collection }, event) =>
    petitionOnCreate(filterContext(setup, event), { collection, payload: asRow(payload) }),
  );
  on.filter('petitions.items.update', async (payload, { collection, keys }, event) =>
    petitionOnUpdate(filterContext(setup, event), { collection, keys: asKeys(keys), payload: asRow(payload) }),
  );
  on.action('petitions.items.update', async ({ keys, payload }, event) => {
    if (!payload?.decided_at) return;
    const data = await afterCommitContext(setup, event);
    for (const key of asKeys(keys)) {
      await applyPetitionDecision(data, key, data.now).catch((error) =>
        logger.error(error, '[after-sales] carrying out a petition decision failed'),
      );
    }
  });
}
