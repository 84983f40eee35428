import { BatchUpdateConflictError } from '../errors/batch-update-conflict-error';
import { InvalidCaseStatusError } from '../errors/invalid-case-status-error';
import { readStored, type DataAccess } from '../shared/data-access';
import { applicationStatusChange, checklistOnCreate } from './application-workflow';
import { reviewReport } from './report-intake';
import { REQUEST_DUTIES, requestCompletionRefusal } from '../domain/service-requests';

type Item = Record<string, any>;

/** Filter for `items.create` on the claims desk's collections. */
export async function claimsOnCreate(data: DataAccess, collection: string, payload: Item, now: Date, timeZone: string): Promise<Item> {
  if (collection === 'claim_reports') return { ...payload, ...(await reviewReport(data, payload, payload, null, now, timeZone)) };
  const refusal = requestCompletionRefusal(collection, payload);
  if (refusal) throw new InvalidCaseStatusError({ reason: refusal });
  if (collection === 'claim_applications') {
    if (payload['status'] !== undefined && payload['status'] !== 'collecting') {
      throw new InvalidCaseStatusError({ reason: '新理赔申请以“收集材料中”登记，材料收齐后再改为“材料齐全”。' });
    }
    return checklistOnCreate(data, payload);
  }
  return payload;
}

/** Filter for `items.update`: each selected case is checked against its own current state. */
export async function claimsOnUpdate(
  data: DataAccess,
  collection: string,
  keys: (string | number)[],
  payload: Item,
  now: Date,
  timeZone: string,
): Promise<Item> {
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
  const first = results[0] ?? {};
  if (results.some((result) => JSON.stringify(result) !== JSON.stringify(first))) throw new BatchUpdateConflictError();
  return { ...payload, ...first };
}
