import type { Accountability } from '@directus/types';
import {
  customerFilter,
  MIN_SEARCH_LENGTH,
  normalizeSearchTerm,
  policyChoices,
  policyFilter,
  type CustomerReadable,
  type PolicyChoice,
} from '../domain/policy-search';
import { PolicySearchError } from '../errors/policy-search-error';
import { itemsServiceAs, type DataAccess } from '../shared/data-access';
import { isForbidden } from '../shared/is-forbidden';

const CUSTOMER_LIMIT = 50;
const POLICY_LIMIT = 20;

/**
 * The policies a caller on the phone may mean (C-LOOKUP), read entirely with the searcher's own
 * permissions: what the searcher may not read is neither searched nor returned. Each policy comes
 * with the open reports on it, so a second call about the same accident finds the first report.
 */
export async function searchPolicies(data: DataAccess, accountability: Accountability | null, text: unknown): Promise<PolicyChoice[]> {
  const term = normalizeSearchTerm(typeof text === 'string' ? text : '');
  if ([...term].length < MIN_SEARCH_LENGTH) {
    throw new PolicySearchError({ reason: `请至少输入 ${MIN_SEARCH_LENGTH} 个字：保单号、被保险人或投保人姓名、身份证号或电话。` });
  }
  const service = (collection: string) => itemsServiceAs(data, collection, accountability);

  const readable = await customerFieldsReadable(service('customers'));
  const customers: Record<string, any>[] = readable
    ? await service('customers').readByQuery({ filter: customerFilter(term, readable), fields: ['id'], limit: CUSTOMER_LIMIT })
    : [];
  const customerIds = customers.map((customer) => Number(customer['id']));
  const policies: Record<string, any>[] = await service('policies').readByQuery({
    filter: policyFilter(term, customerIds),
    fields: [
      'id',
      'policy_no',
      'status',
      'start_date',
      'end_date',
      'terminated_at',
      'product.name',
      'product.code',
      ...(readable ? ['insured.*', 'policyholder.*'] : ['insured', 'policyholder']),
    ],
    sort: ['-end_date'],
    limit: POLICY_LIMIT,
  });
  const openReports = policies.length
    ? await readOpenReports(
        service('claim_reports'),
        policies.map((policy) => policy['id']),
      )
    : [];
  return policyChoices(term, policies, customerIds, openReports);
}

/** Which customer fields the searcher reads: `*` under the searcher's permissions answers exactly those. */
async function customerFieldsReadable(customers: any): Promise<CustomerReadable | null> {
  let sample: Record<string, unknown>[];
  try {
    sample = await customers.readByQuery({ fields: ['*'], limit: 1 });
  } catch (error) {
    if (isForbidden(error)) return null;
    throw error;
  }
  const fields = new Set(Object.keys(sample[0] ?? {}));
  // No customer yet: nothing to find by person, whatever the permissions.
  if (fields.size === 0) return null;
  return {
    idNumber: fields.has('id_number'),
    phone: fields.has('phone'),
    idNumberMasked: fields.has('id_number_masked'),
    phoneMasked: fields.has('phone_masked'),
  };
}

/** Open reports (已登记, 已受理) on these policies, if the searcher reads reports at all. */
async function readOpenReports(reports: any, policyIds: number[]): Promise<Record<string, any>[]> {
  try {
    return await reports.readByQuery({
      filter: { policy: { _in: policyIds }, status: { _in: ['registered', 'accepted'] } },
      fields: ['id', 'report_no', 'status', 'incident_at', 'policy'],
      sort: ['-incident_at'],
      limit: -1,
    });
  } catch (error) {
    if (isForbidden(error)) return [];
    throw error;
  }
}
