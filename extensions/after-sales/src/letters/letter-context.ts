import type { Accountability } from '@directus/types';
import { CaseNotReadableError } from '../errors/case-not-readable-error';
import { LetterRequestError } from '../errors/letter-request-error';
import { checklistFor, type RequiredDocument } from '../domain/missing-documents';
import { castRows, itemsServiceAs, joinedSide, readAll, type DataAccess } from '../shared/data-access';

type Item = Record<string, any>;

/** Which case type each letter is written for, and when it may be written. */
export const LETTER_TEMPLATES: Record<string, { collection: string; label: string; ready?: (item: Item) => string | null }> = {
  rejection_notice: {
    collection: 'claim_reports',
    label: '不予受理通知书',
    ready: (item) => (item['status'] === 'not_accepted' ? null : '只有“不予受理”的报案才能出具不予受理通知书。'),
  },
  complaint_reply: {
    collection: 'complaints',
    label: '投诉答复函',
    ready: (item) => (item['approved_at'] ? null : '处理方案经核决后才能答复客户（第十三条第10款）。'),
  },
  missing_documents_notice: {
    collection: 'claim_applications',
    label: '材料补充通知书',
    ready: (item) => (item['status'] === 'collecting' ? null : '只有“收集材料中”的理赔申请才能出具材料补充通知书。'),
  },
  urge_notice: { collection: 'urge_notices', label: '催办单' },
  overdue_inquiry: { collection: 'overdue_inquiries', label: '洽办单' },
};

const COMPANY_FIELDS = ['name', 'address', 'phone', 'seal_text'];
const POLICY_FIELDS = ['policy_no', 'start_date', 'end_date', 'status', 'terminated_at', 'sum_insured', 'product'];
const PRODUCT_FIELDS = ['name', 'covered_causes', 'claim_time_limit_days'];
const NO_COMPANY = { name: '', address: '', phone: '', seal_text: null };

/**
 * What surrounds the case on every letter, in one statement: the company (its first profile row) and,
 * for a refusal, the policy it names joined to its product (`product`: null when it has none). Each
 * side is cast by Directus as its own collection.
 */
async function readSurroundings(data: DataAccess, policyId: unknown): Promise<{ company: Item; policy: Item | undefined }> {
  const { database } = data;
  const company = database('company_profile')
    .select(['id', ...COMPANY_FIELDS])
    .orderBy('id')
    .limit(1)
    .as('company');
  const query = database
    .from(database.raw('(select 1 as ??) as ??', ['one', 'one']))
    .leftJoin(company, (join) => join.on(database.raw('1 = 1')))
    .select(['company.id as company__id', ...COMPANY_FIELDS.map((field) => `company.${field} as company__${field}`)]);
  if (policyId !== null && policyId !== undefined)
    query
      .leftJoin('policies', (join) => join.on('policies.id', '=', database.raw('?', [policyId as number])))
      .leftJoin('products', 'products.id', 'policies.product')
      .select([
        'policies.id as policy__id',
        ...POLICY_FIELDS.map((field) => `policies.${field} as policy__${field}`),
        'products.id as product__id',
        ...PRODUCT_FIELDS.map((field) => `products.${field} as product__${field}`),
      ]);
  const [row = {}]: Item[] = await query;
  const side = (prefix: string, fields: string[]) =>
    row[`${prefix}__id`] === null || row[`${prefix}__id`] === undefined ? null : joinedSide(row, `${prefix}__`, fields);
  const cast = async (collection: string, values: Item | null) => (values ? (await castRows(data, collection, [values]))[0] : undefined);
  const [companyRow, policy, product] = await Promise.all([
    cast('company_profile', side('company', COMPANY_FIELDS)),
    cast('policies', side('policy', POLICY_FIELDS)),
    cast('products', side('product', PRODUCT_FIELDS)),
  ]);
  return { company: companyRow ?? { ...NO_COMPANY }, policy: policy ? { ...policy, product: product ?? null } : undefined };
}

const MATERIALS_RETURNED = '保险单正本、身份证件等原件';

/**
 * C-DOCS: what the customer still has to bring, from the application's checklist and the rule table
 * (with its notes): the required documents not received, the optional ones not received ("if it
 * applies"), and what was received. Nothing missing, nothing to notify.
 */
async function documentsToSupply(data: DataAccess, application: Item): Promise<Item> {
  const [entries, table, [report]] = await Promise.all([
    readAll(data, 'claim_documents', { filter: { application: { _eq: application['id'] } }, fields: ['doc_type', 'received'], limit: -1 }),
    readAll(data, 'required_documents', { fields: ['claim_type', 'doc_type', 'required', 'sort', 'note'], sort: ['sort'], limit: -1 }),
    readAll(data, 'claim_reports', {
      filter: { id: { _eq: application['claim_report'] } },
      fields: ['report_no', 'insured_name', 'incident_at'],
    }),
  ]);
  const received = new Set(entries.filter((entry) => entry['received']).map((entry) => String(entry['doc_type'])));
  const checklist = checklistFor(String(application['claim_type']), table as RequiredDocument[]) as (RequiredDocument & {
    note?: string | null;
  })[];
  const outstanding = checklist
    .filter((row) => !received.has(row.doc_type))
    .map((row) => ({ doc_type: row.doc_type, required: row.required, note: row.note ?? null }));
  const missing = outstanding.filter((row) => row.required);
  if (missing.length === 0) throw new LetterRequestError({ reason: '必须提供的理赔材料均已收到，无需出具材料补充通知书。' });
  return {
    application,
    report: report ?? { report_no: null, insured_name: null, incident_at: null },
    missing,
    optional: outstanding.filter((row) => !row.required),
    received: checklist.filter((row) => received.has(row.doc_type)).map((row) => row.doc_type),
  };
}

/**
 * The data a letter prints. The case is read with the caller's own permissions (no read, no
 * letter); what the letter needs around it (policy, product, company) is read by the system.
 */
export async function letterContext(
  data: DataAccess,
  accountability: Accountability | null,
  template: string,
  collection: string,
  item: string,
): Promise<Record<string, unknown>> {
  const spec = LETTER_TEMPLATES[template];
  if (!spec)
    throw new LetterRequestError({ reason: `没有名为 “${template}” 的文书模板，可用：${Object.keys(LETTER_TEMPLATES).join('、')}。` });
  if (spec.collection !== collection)
    throw new LetterRequestError({ reason: `${spec.label}只能为“${spec.collection}”出具，不能为“${collection}”出具。` });

  let record: Item;
  try {
    record = await itemsServiceAs(data, collection, accountability).readOne(item);
  } catch {
    throw new CaseNotReadableError();
  }
  const notReady = spec.ready?.(record);
  if (notReady) throw new LetterRequestError({ reason: notReady });

  // What surrounds the case is read by the system with one plain statement.
  const { company, policy } = await readSurroundings(data, template === 'rejection_notice' ? record['policy'] : null);
  const base = { company };
  if (template === 'rejection_notice') {
    const { product, ...policyFields } = policy ?? {};
    // The period the review judged, as stored on the report; a report from before it was stored: the policy's.
    const period = record['policy_start_date'] ? { start_date: record['policy_start_date'], end_date: record['policy_end_date'] } : {};
    return {
      ...base,
      report: record,
      policy: policy ? { ...policyFields, ...period } : null,
      product: product ?? null,
      materials: record['originals_returned'] ? [MATERIALS_RETURNED] : [],
    };
  }
  if (template === 'missing_documents_notice') return { ...base, ...(await documentsToSupply(data, record)) };
  if (template === 'complaint_reply') return { ...base, complaint: record };
  if (template === 'urge_notice') return { ...base, notice: record };
  const [complaint] = await readAll(data, 'complaints', { filter: { id: { _eq: record['complaint'] } }, fields: ['complaint_no'] });
  return { ...base, inquiry: { ...record, complaint_no: complaint?.['complaint_no'] ?? null } };
}
