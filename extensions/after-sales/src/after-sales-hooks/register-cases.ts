import { claimsOnCreate } from '../claims/claims-on-create';
import { claimsOnUpdate } from '../claims/claims-on-update';
import { rebuildChecklist } from '../claims/application-workflow';
import { notifyMajorCase } from '../claims/notify-major-case';
import { complaintOnCreate } from '../complaints/complaint-on-create';
import { complaintOnUpdate } from '../complaints/complaint-on-update';
import { complaintFollowUp, FOLLOW_UP_FIELDS } from '../complaints/follow-up';
import { recordStep, STEP_FIELDS } from '../complaints/record-step';
import { requestApprovalOnce } from '../complaints/request-approval';
import { numberOnCreate } from '../numbering/number-on-create';
import { readRows } from '../shared/data-access';
import type { EventContext } from '@directus/types';
import { afterCommitContext, asKeys, asRow, filterContext, type HookSetup } from './hook-context';

/**
 * Case numbers, the claims desk (C-*) and the complaint workflow (K-*). All on the generic
 * `items.*` events, which Directus runs before a collection's own, in registration order, so the
 * clocks registered after these see what they decided.
 */
export function registerCases(setup: HookSetup): void {
  const { on } = setup;
  const { logger } = setup.context;
  const create = (payload: unknown, collection: string) => ({ collection, payload: asRow(payload) });
  const update = (payload: unknown, collection: string, keys: unknown) => ({ collection, keys: asKeys(keys), payload: asRow(payload) });

  // The claims desk's review before the number: a refused report takes no number, and a report's
  // first statement (the policy's read) brings the rules counter the numbering rule is checked against.
  on.filter('items.create', async (payload, { collection }, event) =>
    claimsOnCreate(filterContext(setup, event), create(payload, collection)),
  );
  on.filter('items.create', async (payload, { collection }, event) =>
    numberOnCreate(filterContext(setup, event), create(payload, collection)),
  );

  on.filter('items.update', async (payload, { collection, keys }, event) =>
    claimsOnUpdate(filterContext(setup, event), update(payload, collection, keys)),
  );

  on.filter('items.create', async (payload, { collection }, event) =>
    collection === 'complaints' ? complaintOnCreate(filterContext(setup, event), create(payload, collection)) : payload,
  );
  // Internal writes (no accountability: clocks recomputed, the sweep) are the console's own.
  on.filter('items.update', async (payload, { collection, keys }, event) =>
    collection === 'complaints' && event.accountability
      ? complaintOnUpdate(filterContext(setup, event), update(payload, collection, keys))
      : payload,
  );

  // After commit: notices, the step log and follow-ups (each idempotent, errors logged), with the
  // schema the write ran with (afterCommitContext).
  const majorCase = (key: string | number, context: EventContext) =>
    afterCommitContext(setup, context)
      .then((data) => notifyMajorCase(data, key, data.now, data.timeZone))
      .catch((error) => logger.error(error, '[after-sales] major case notification failed'));
  // The review sets is_major on every write that can change it: nothing to do unless it is true.
  on.action('claim_reports.items.create', ({ key, payload }, context) =>
    payload?.is_major === true ? majorCase(key, context) : undefined,
  );
  on.action('claim_reports.items.update', ({ keys, payload }, context) => {
    if (payload?.is_major !== true) return;
    for (const key of asKeys(keys)) void majorCase(key, context);
  });
  // C-DOCS: the checklist follows a committed change of claim type.
  on.action('claim_applications.items.update', async ({ keys, payload }, context) => {
    if (!payload?.claim_type) return;
    const data = await afterCommitContext(setup, context);
    for (const key of asKeys(keys))
      await rebuildChecklist(data, key).catch((error) => logger.error(error, '[after-sales] rebuilding the checklist failed'));
  });

  // A new complaint's first step(s) and its follow-ups; later stage changes are moves, which write
  // their step in their own transaction (complaints/complaint-moves.ts).
  const afterComplaintWrite = async (
    keys: (string | number)[],
    payload: Record<string, unknown>,
    context: EventContext,
    created = false,
  ) => {
    const data = await afterCommitContext(setup, context);
    const actorId = context.accountability?.user ?? null;
    const fields = [...new Set([...STEP_FIELDS, ...FOLLOW_UP_FIELDS, 'offer_amount'])];
    // One read of the complaints as committed serves the step log and the follow-ups.
    const complaints = await readRows(data, 'complaints', fields, (query) => query.whereIn('id', keys));
    for (const complaint of complaints) {
      if (created) await recordStep(data, complaint, actorId, payload['handling_opinion'], { created });
      await complaintFollowUp(data, complaint, data.now);
      if ('offer_amount' in payload) await requestApprovalOnce(data, complaint, data.now);
    }
  };
  const logged = (promise: Promise<void>) => promise.catch((error) => logger.error(error, '[after-sales] complaint follow-up failed'));
  on.action('complaints.items.create', ({ key, payload }, context) =>
    logged(afterComplaintWrite([key], { ...payload, stage: payload.stage ?? 'draft' }, context, true)),
  );
  on.action('complaints.items.update', ({ keys, payload }, context) => logged(afterComplaintWrite(asKeys(keys), payload, context)));
}
