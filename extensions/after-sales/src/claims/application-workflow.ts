import { LABELS } from '../domain/choice-labels';
import { checklistAfterTypeChange, checklistFor, missingDocuments, type RequiredDocument } from '../domain/missing-documents';
import { InvalidCaseStatusError } from '../errors/invalid-case-status-error';
import { itemsService, QUIET, readRows, type DataAccess } from '../shared/data-access';
import { cachedRules } from '../shared/rules-cache';

type Item = Record<string, any>;

const DOCUMENT_LABELS = LABELS['document']!;

export function requiredTable(data: DataAccess): Promise<RequiredDocument[]> {
  return cachedRules(
    data.database,
    data.event,
    'required-documents',
    async () =>
      (await readRows(data, 'required_documents', ['claim_type', 'doc_type', 'required', 'sort'], undefined, 'sort')) as RequiredDocument[],
  );
}

/** A new application gets the document checklist of its claim type (C-DOCS), nothing received yet. */
export async function checklistOnCreate(data: DataAccess, payload: Item): Promise<Item> {
  if (payload['documents'] !== undefined || !payload['claim_type']) return payload;
  const checklist = checklistFor(String(payload['claim_type']), await requiredTable(data));
  return { ...payload, documents: checklist.map((row) => ({ doc_type: row.doc_type, received: false })) };
}

/**
 * C-DOCS: after a change of claim type is committed, the checklist follows it: the new type's documents
 * are added, entries it does not ask for go unless received (what the customer handed in stays). Run
 * after commit because Directus runs update filters before its transaction and permission check; it is
 * idempotent (the list is compared with the type every time), and 材料齐全 is judged from the type itself,
 * so a list not yet rebuilt never lets an incomplete file through. Written by the system on purpose: the
 * list is the rule table's, not the clerk's (who may not delete entries).
 */
export async function rebuildChecklist(data: DataAccess, applicationId: string | number): Promise<void> {
  await data.database.transaction(async (trx) => {
    const scoped = { ...data, database: trx };
    const [application] = await readRows(scoped, 'claim_applications', ['id', 'claim_type'], (query) => query.where('id', applicationId));
    if (!application?.['claim_type']) return;
    const entries = await readRows(scoped, 'claim_documents', ['id', 'doc_type', 'received'], (query) =>
      query.where('application', applicationId),
    );
    const checklist = entries.map((entry) => ({
      id: entry['id'],
      doc_type: String(entry['doc_type']),
      received: Boolean(entry['received']),
    }));
    const { add, remove } = checklistAfterTypeChange(String(application['claim_type']), await requiredTable(scoped), checklist);
    const documents = itemsService(scoped, 'claim_documents');
    if (add.length)
      await documents.createMany(
        add.map((docType) => ({ application: applicationId, doc_type: docType, received: false })),
        QUIET,
      );
    if (remove.length) await documents.deleteMany(remove, QUIET);
  });
}

/**
 * C-APPLY, C-DOCS, C-HANDOVER: 材料齐全 only once the applicant's identity, relationship and right to
 * claim are verified and every required document is in; that moment starts the 3-working-day
 * handover clock. 已移交 only after 材料齐全, and records the handover time.
 */
export async function applicationStatusChange(data: DataAccess, current: Item, changes: Item, now: Date): Promise<Item> {
  const from = String(current['status'] ?? 'collecting');
  const to = changes['status'];
  if (to === undefined || to === from) return {};
  const merged = { ...current, ...changes };
  if (to === 'complete') {
    if (from !== 'collecting') throw new InvalidCaseStatusError({ reason: '只有“收集材料中”的申请可以改为“材料齐全”。' });
    const unverified = [
      ['identity_verified', '申请人身份证明'],
      ['relation_verified', '与被保险人关系证明'],
      ['right_verified', '保险金请求权'],
    ]
      .filter(([field]) => !merged[field!])
      .map(([, label]) => label);
    if (unverified.length)
      throw new InvalidCaseStatusError({ reason: `尚未核验：${unverified.join('、')}。请先核验，确认申请人具有保险金请求权后再受理。` });
    const received = await readRows(data, 'claim_documents', ['doc_type', 'received'], (query) =>
      query.where('application', current['id']),
    );
    const missing = missingDocuments(String(merged['claim_type']), await requiredTable(data), received as never);
    if (missing.length) {
      throw new InvalidCaseStatusError({
        reason: `理赔材料不齐全，不能受理。还缺：${missing.map((doc) => DOCUMENT_LABELS[doc] ?? doc).join('、')}。请告知客户补齐后再受理。`,
      });
    }
    return current['materials_complete_at'] ? {} : { materials_complete_at: now.toISOString() };
  }
  if (to === 'handed_over') {
    if (from !== 'complete') throw new InvalidCaseStatusError({ reason: '材料齐全后才能移交保险公司。' });
    return current['handed_over_at'] ? {} : { handed_over_at: now.toISOString() };
  }
  if (to === 'closed') return {};
  throw new InvalidCaseStatusError({ reason: '申请状态只能依次改为：材料齐全 → 已移交保险公司 → 已结案。' });
}
