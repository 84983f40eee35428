import { inquiryFor } from '../domain/sweep-plan';
import { issueOnce } from '../notices/issue-once';
import { notifyDepartment } from '../notices/notify-department';
import { itemsService, QUIET, readAll, type DataAccess } from '../shared/data-access';

/** K-INQUIRE: each closed complaint is checked once; a department late in a stage gets a 洽办单. Returns how many were issued. */
export async function checkClosedComplaints(data: DataAccess, now: Date): Promise<number> {
  let issued = 0;
  const closed = await readAll(data, 'complaints', {
    filter: { stage: { _eq: 'closed' }, timeliness_checked_at: { _null: true } },
    fields: ['id', 'complaint_no'],
  });
  for (const complaint of closed) {
    const steps = await readAll(data, 'complaint_steps', {
      filter: { complaint: { _eq: complaint['id'] }, due_at: { _nnull: true }, completed_at: { _nnull: true } },
      fields: ['id', 'from_stage', 'to_stage', 'department', 'due_at', 'completed_at'],
    });
    for (const step of steps) {
      const plan = inquiryFor({
        id: step['id'],
        complaintId: complaint['id'],
        complaintNo: complaint['complaint_no'] ?? null,
        stage: step['to_stage'],
        department: step['department'] ?? null,
        dueAt: new Date(step['due_at']),
        completedAt: new Date(step['completed_at']),
      });
      if (!plan) continue;
      const done = await issueOnce(
        data,
        { key: plan.key, kind: 'inquiry', collection: 'complaints', item: String(plan.complaintId), department: plan.department },
        now,
        async (trx) => {
          await itemsService(trx, 'overdue_inquiries').createOne({
            complaint: plan.complaintId,
            department: plan.department,
            stage: plan.stage,
            overdue_by: plan.overdueHours,
            clock_key: plan.key,
            issued_at: now.toISOString(),
          });
          await notifyDepartment(trx, plan.department, {
            subject: `【洽办】${plan.complaintNo ?? ''} 处理逾期`,
            message: plan.message,
            collection: 'complaints',
            item: String(plan.complaintId),
          });
        },
      );
      if (done) issued++;
    }
    await itemsService(data, 'complaints').updateOne(complaint['id'], { timeliness_checked_at: now.toISOString() }, QUIET);
  }
  return issued;
}
