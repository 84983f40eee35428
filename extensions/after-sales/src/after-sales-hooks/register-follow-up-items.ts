import {
  FOLLOW_UP_STATES,
  improvementMeasureOnCreate,
  improvementMeasureOnUpdate,
  logFollowUpHistory,
  qualityCheckOnCreate,
  ratioConfirmationOnCreate,
  responsiblePersonOnCreate,
  responsiblePersonOnUpdate,
} from '../complaints/follow-up-items';
import { asKeys, asRow, type HookSetup } from './hook-context';

/**
 * K-RESPONSIBLE and K-IMPROVE: the complaint's follow-up items (责任人员, 改善对策). The filters judge who may
 * propose, confirm, complete and confirm the effect (domain/responsible-person.ts, domain/improvement-measure.ts)
 * and stamp who and when; each state an item reaches is written to the complaint's history after commit, once
 * (the sweep writes any left pending).
 */
export function registerFollowUpItems({ on, context, timeZone }: HookSetup): void {
  const { services, database, getSchema, logger } = context;
  const access = (event: { schema?: unknown; database?: unknown }) => ({
    services,
    schema: event.schema,
    database: (event.database ?? database) as typeof database,
    event,
  });
  on.filter('responsible_persons.items.create', async (payload, _meta, event) =>
    responsiblePersonOnCreate(access(event), event.accountability, asRow(payload), new Date()),
  );
  on.filter('responsible_persons.items.update', async (payload, { keys }, event) =>
    responsiblePersonOnUpdate(access(event), event.accountability, asKeys(keys), asRow(payload), new Date()),
  );
  on.filter('responsibility_ratio_confirmations.items.create', async (payload, _meta, event) =>
    ratioConfirmationOnCreate(access(event), event.accountability, asRow(payload), new Date()),
  );
  on.filter('quality_checks.items.create', async (payload, _meta, event) =>
    qualityCheckOnCreate(access(event), event.accountability, asRow(payload), new Date()),
  );
  on.filter('improvement_measures.items.create', async (payload, _meta, event) =>
    improvementMeasureOnCreate(access(event), event.accountability, asRow(payload), new Date(), timeZone),
  );
  on.filter('improvement_measures.items.update', async (payload, { keys }, event) =>
    improvementMeasureOnUpdate(access(event), event.accountability, asKeys(keys), asRow(payload), new Date(), timeZone),
  );
  for (const collection of Object.keys(FOLLOW_UP_STATES)) {
    for (const action of ['create', 'update']) {
      on.action(`${collection}.items.${action}`, async (meta, event) => {
        const keys = action === 'create' ? [meta['key']] : asKeys(meta['keys']);
        const data = { services, database, schema: event.schema ?? (await getSchema()) };
        for (const key of keys) {
          await logFollowUpHistory(data, collection, key as string | number, new Date()).catch((error) =>
            logger.error(error, '[after-sales] writing a follow-up item to the complaint history failed'),
          );
        }
      });
    }
  }
}
