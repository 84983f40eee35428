import type { Department } from '../domain/departments';
import { measureUrge, type MeasureUrge } from '../domain/improvement-measure';
import { markdownText } from '../domain/markdown-text';
import { issueEach } from '../notices/issue-once';
import { sendNotices } from '../notices/notify-department';
import { readAll, type DataAccess } from '../shared/data-access';
import { writeUrgeNotices } from './write-urge-notices';

type Due = MeasureUrge & { id: string; complaintNo: string | null };

/**
 * K-IMPROVE (第十一条 3(5), 第十五条): an improvement measure still 执行中 past its due time gets one 催办单 to its
 * owner department (ledger key per measure and due time, domain/improvement-measure.ts). Reads only the open
 * measures already due (indexed status and due_at). Returns how many were issued.
 */
export async function urgeImprovementMeasures(data: DataAccess, now: Date, timeZone: string): Promise<number> {
  const due = await readAll(data, 'improvement_measures', {
    filter: { _and: [{ status: { _eq: 'open' } }, { due_at: { _lte: now.toISOString() } }] },
    fields: ['id', 'complaint.complaint_no', 'measure', 'owner_department', 'status', 'due_at'],
    limit: -1,
  });
  const urges: Due[] = due.flatMap((row) => {
    const complaintNo = (row['complaint']?.['complaint_no'] as string | null) ?? null;
    const urge = measureUrge(row, complaintNo, now, timeZone);
    return urge ? [{ ...urge, id: String(row['id']), complaintNo }] : [];
  });
  const issued = await issueEach(
    data,
    urges,
    (urge) => ({
      key: urge.key,
      kind: 'urge',
      collection: 'improvement_measures',
      item: urge.id,
      department: urge.department,
      due_at: urge.dueAt.toISOString(),
    }),
    now,
    async (trx, fresh) => {
      await writeUrgeNotices(
        trx,
        fresh.map((urge) => ({
          key: urge.key,
          collection: 'improvement_measures',
          item: urge.id,
          caseNo: urge.complaintNo,
          department: urge.department as Department,
          dueAt: urge.dueAt,
          reason: urge.message,
        })),
        now,
        timeZone,
      );
      await sendNotices(
        trx,
        fresh.map((urge) => ({
          department: urge.department as Department,
          notice: {
            subject: `【催办】改善对策 ${urge.complaintNo ?? ''} 已逾期`,
            // The measure is typed text: escaped for the notification's markdown.
            message: markdownText(urge.message),
            collection: 'improvement_measures',
            item: urge.id,
          },
        })),
      );
    },
  );
  return issued.length;
}
