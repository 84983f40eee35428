import { applyPetitionDecision, petitionOnCreate, petitionOnUpdate } from '../complaints/petition-decision';
import { asKeys, asRow, type HookSetup } from './hook-context';

/**
 * K-PETITION: a 签呈 is filed as submitted and decided once by the GM Office; what the decision does is
 * carried out after commit, once (the sweep picks up any left pending).
 */
export function registerPetitions({ on, context }: HookSetup): void {
  const { services, database, getSchema, logger } = context;
  on.filter('petitions.items.create', async (payload) => petitionOnCreate(asRow(payload)));
  on.filter('petitions.items.update', async (payload, { keys }, event) =>
    petitionOnUpdate(
      { services, schema: event.schema, database: event.database, event },
      event.accountability,
      asKeys(keys),
      asRow(payload),
      new Date(),
    ),
  );
  on.action('petitions.items.update', async ({ keys, payload }, event) => {
    if (!payload?.decided_at) return;
    const data = { services, database, schema: event.schema ?? (await getSchema()) };
    for (const key of asKeys(keys)) {
      await applyPetitionDecision(data, key, new Date()).catch((error) =>
        logger.error(error, '[after-sales] carrying out a petition decision failed'),
      );
    }
  });
}
