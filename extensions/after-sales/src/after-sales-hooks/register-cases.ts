import { claimsOnCreate, claimsOnUpdate } from '../claims/claims-on-write';
import { notifyMajorCase } from '../claims/notify-major-case';
import { complaintOnCreate, complaintOnUpdate } from '../complaints/complaint-on-write';
import { complaintFollowUp } from '../complaints/follow-up';
import { recordStep } from '../complaints/record-step';
import { numberOnCreate } from '../numbering/number-on-create';
import { actorOf } from '../shared/actor';
import { asKeys, asRow, type HookSetup } from './hook-context';

/**
 * Case numbers, the claims desk (C-*) and the complaint workflow (K-*). All on the generic
 * `items.*` events, which Directus runs before a collection's own, in registration order, so the
 * clocks registered after these see what they decided.
 */
export function registerCases({ on, context, timeZone }: HookSetup): void {
  const { services, database, getSchema, logger } = context;

  on.filter('items.create', async (payload, { collection }, { database: trx }) => numberOnCreate(asRow(payload), collection, trx, new Date(), timeZone));

  on.filter('items.create', async (payload, { collection }, { database: trx, schema }) => claimsOnCreate({ services, schema, database: trx }, collection, asRow(payload), new Date(), timeZone));
  on.filter('items.update', async (payload, { collection, keys }, { database: db, schema }) => claimsOnUpdate({ services, schema, database: db }, collection, asKeys(keys), asRow(payload), new Date(), timeZone));

  on.filter('items.create', async (payload, { collection }, { database: trx, schema, accountability }) =>
    collection === 'complaints' ? complaintOnCreate({ services, schema, database: trx }, await actorOf(accountability, trx), asRow(payload), new Date(), timeZone) : payload,
  );
  on.filter('items.update', async (payload, { collection, keys }, { database: db, schema, accountability }) =>
    collection === 'complaints' ? complaintOnUpdate({ services, schema, database: db }, await actorOf(accountability, db), asKeys(keys), asRow(payload), new Date(), timeZone) : payload,
  );

  // After commit: notices, the step log and follow-ups (each idempotent, errors logged).
  const majorCase = (key: string | number) =>
    getSchema()
      .then((schema) => notifyMajorCase({ services, database, schema }, key, new Date(), timeZone))
      .catch((error) => logger.error(error, '[after-sales] major case notification failed'));
  on.action('claim_reports.items.create', ({ key }) => majorCase(key));
  on.action('claim_reports.items.update', ({ keys }) => {
    for (const key of asKeys(keys)) void majorCase(key);
  });

  const afterComplaintWrite = async (keys: (string | number)[], payload: Record<string, unknown>, actorId: string | null) => {
    const data = { services, database, schema: await getSchema() };
    for (const key of keys) {
      if ('stage' in payload) await recordStep(data, key, actorId, payload['handling_opinion']);
      await complaintFollowUp(data, key, new Date());
    }
  };
  const logged = (promise: Promise<void>) => promise.catch((error) => logger.error(error, '[after-sales] complaint follow-up failed'));
  on.action('complaints.items.create', ({ key, payload }, { accountability }) => logged(afterComplaintWrite([key], { ...payload, stage: payload.stage ?? 'draft' }, accountability?.user ?? null)));
  on.action('complaints.items.update', ({ keys, payload }, { accountability }) => logged(afterComplaintWrite(asKeys(keys), payload, accountability?.user ?? null)));
}
