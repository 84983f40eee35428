import { InvalidCaseStatusError } from '../errors/invalid-case-status-error';
import { readStored } from '../shared/data-access';
import type { HandlerContext, UpdateWrite } from '../shared/handler-context';
import { sameForEveryItem } from '../shared/same-for-every-item';
import { applicationStatusChange } from './application-workflow';
import { reviewReport } from './report-intake';
import { REQUEST_DUTIES, requestCompletionRefusal } from '../domain/service-requests';

type Item = Record<string, any>;

/** Filter for `items.update`: each selected case is checked against its own current state. */
export async function claimsOnUpdate(data: HandlerContext, { collection, keys, payload }: UpdateWrite): Promise<Item> {
  const { now, timeZone } = data;
  const duty = REQUEST_DUTIES[collection];
  if (duty) {
    // Completing it, or unticking the duty of a completed request: checked against each stored request.
    if (!('status' in payload) && !(duty.field in payload)) return payload;
    for (const row of await readStored(data, collection, keys)) {
      const refusal = requestCompletionRefusal(collection, { ...row, ...payload });
      if (refusal) throw new InvalidCaseStatusError({ reason: refusal });
    }
    return payload;
  }
  if (collection !== 'claim_reports' && collection !== 'claim_applications') return payload;
  const current = await readStored(data, collection, keys);
  const results: Item[] = [];
  for (const row of current) {
    results.push(
      collection === 'claim_reports'
        ? await reviewReport(data, { ...row, ...payload }, payload, row, now, timeZone)
        : await applicationStatusChange(data, row, payload, now),
    );
  }
  return { ...payload, ...sameForEveryItem(results) };
}
