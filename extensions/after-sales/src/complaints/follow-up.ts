import { markdownText } from '../domain/markdown-text';
import { itemsService, type DataAccess } from '../shared/data-access';
import { issueOnce } from '../notices/issue-once';
import { notifyDepartment } from '../notices/notify-department';

/**
 * A new draft complaint that takes up a closed one again (the customer did not accept its conclusion, or a
 * petition was adopted): the same customer, policy, report and demand, linked to it, with why it was reopened.
 */
export function reopenedDraft(complaint: Record<string, unknown>, reason: string): Record<string, unknown> {
  return {
    stage: 'draft',
    parent_complaint: complaint['id'],
    policy: complaint['policy'],
    claim_report: complaint['claim_report'],
    customer_name: complaint['customer_name'],
    customer_phone: complaint['customer_phone'],
    demand: complaint['demand'],
    reason,
  };
}

/**
 * K-REOPEN: a complaint closed without the customer's acceptance opens a new one, linked to it and
 * carrying its facts, for 市场部 to file again. K-OTHERCO: another company involved → the GM Office
 * is told to handle it jointly. Each happens once per complaint.
 */
export const FOLLOW_UP_FIELDS = [
  'id',
  'complaint_no',
  'stage',
  'customer_accepted',
  'involves_other_company',
  'other_company_name',
  'policy',
  'claim_report',
  'customer_name',
  'customer_phone',
  'demand',
  'reason',
];

/** `complaint` carries at least FOLLOW_UP_FIELDS, as stored after the write. */
export async function complaintFollowUp(data: DataAccess, complaint: Record<string, any>, now: Date): Promise<void> {
  const label = complaint['complaint_no'] ?? `#${complaint['id']}`;
  if (complaint['stage'] === 'closed' && complaint['customer_accepted'] === false) {
    await issueOnce(
      data,
      {
        key: `reopen:complaints:${complaint['id']}`,
        kind: 'reopen',
        collection: 'complaints',
        item: String(complaint['id']),
        department: 'market',
      },
      now,
      async (trx) => {
        const reopened = await itemsService(trx, 'complaints').createOne(
          reopenedDraft(complaint, `客户未接受投诉 ${label} 的处理结论。原投诉理由：${complaint['reason'] ?? ''}`),
        );
        await notifyDepartment(trx, 'market', {
          subject: `【客户未接受结论】${label} 已另立新案`,
          message: `客户未接受投诉 ${label} 的处理结论，系统已按第十三条第8款另填一份客户抱怨处理表（草稿），请补充意见后送总经理室。`,
          collection: 'complaints',
          item: String(reopened),
        });
      },
    );
  }
  if (complaint['involves_other_company']) {
    await issueOnce(
      data,
      {
        key: `other_company:complaints:${complaint['id']}`,
        kind: 'other_company',
        collection: 'complaints',
        item: String(complaint['id']),
        department: 'gm_office',
      },
      now,
      async (trx) => {
        await notifyDepartment(trx, 'gm_office', {
          subject: `【涉及其他公司】${label}`,
          message: `投诉 ${label} 涉及${complaint['other_company_name'] ? markdownText(complaint['other_company_name']) : '其他公司'}的责任，请总经理室会同有关单位共同处理（第十三条第13款）。`,
          collection: 'complaints',
          item: String(complaint['id']),
        });
      },
    );
  }
}
