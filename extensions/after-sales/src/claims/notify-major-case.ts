import { formatLocal } from '../domain/zoned-time';
import { readAll, type DataAccess } from '../shared/data-access';
import { issueOnce } from '../notices/issue-once';
import { notifyDepartment } from '../notices/notify-department';

/** C-MAJOR: the GM Office hears of a major case at once, once per report. */
export async function notifyMajorCase(data: DataAccess, reportId: string | number, now: Date, timeZone: string): Promise<boolean> {
  const [report] = await readAll(data, 'claim_reports', {
    filter: { id: { _eq: reportId } },
    fields: ['id', 'report_no', 'is_major', 'hq_due_at', 'insured_name'],
  });
  if (!report?.['is_major']) return false;
  return issueOnce(
    data,
    {
      key: `major:claim_reports:${report['id']}`,
      kind: 'major_case',
      collection: 'claim_reports',
      item: String(report['id']),
      department: 'gm_office',
    },
    now,
    async (trx) => {
      const due = report['hq_due_at'] ? formatLocal(new Date(report['hq_due_at']), timeZone) : '报案后24小时';
      await notifyDepartment(trx, 'gm_office', {
        subject: `【重大案件】${report['report_no']} ${report['insured_name'] ?? ''}`,
        message: `报案 ${report['report_no']} 已列为重大案件，须于 ${due} 前向总部呈报，并视情况通知呈报机构查勘。`,
        collection: 'claim_reports',
        item: String(report['id']),
      });
    },
  );
}
