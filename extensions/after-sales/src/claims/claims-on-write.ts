import { InvalidCaseStatusError } from '../errors/invalid-case-status-error';
import { readStored } from '../shared/data-access';
import type { CreateWrite, HandlerContext, UpdateWrite } from '../shared/handler-context';
import { sameForEveryItem } from '../shared/same-for-every-item';
import { applicationStatusChange, checklistOnCreate } from './application-workflow';
import { reviewReport } from './report-intake';
import { REQUEST_DUTIES, requestCompletionRefusal } from '../domain/service-requests';

type Item = Record<string, any>;

/** Filter for `items.create` on the claims desk's collections. */
export async function claimsOnCreate(data: HandlerContext, { collection, payload }: CreateWrite): Promise<Item> {
  const { now, timeZone } = data;
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
