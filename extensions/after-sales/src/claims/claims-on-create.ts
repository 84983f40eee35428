import { InvalidCaseStatusError } from '../errors/invalid-case-status-error';
import type { CreateWrite, HandlerContext } from '../shared/handler-context';
import { checklistOnCreate } from './application-workflow';
import { reviewReport } from './report-intake';
import { requestCompletionRefusal } from '../domain/service-requests';

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
