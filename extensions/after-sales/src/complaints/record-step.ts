import { STAGE_HOLDERS } from '../domain/departments';
import { itemsService, QUIET, readAll, type DataAccess } from '../shared/data-access';

/**
 * After a complaint enters a stage: the open step is completed and a new step appended (who moved
 * it, the department holding it now, when it entered, its stage deadline, the opinion given).
 * Steps are written by the system only; nobody edits or deletes them (see refuseStepChanges).
 */
export async function recordStep(data: DataAccess, complaintId: string | number, actorId: string | null, opinion: unknown): Promise<void> {
  const [complaint] = await readAll(data, 'complaints', { filter: { id: { _eq: complaintId } }, fields: ['id', 'stage', 'stage_entered_at', 'stage_due_at'] });
  if (!complaint) return;
  const steps = itemsService(data, 'complaint_steps');
  const [open] = await steps.readByQuery({ filter: { complaint: { _eq: complaintId }, completed_at: { _null: true } }, sort: ['-id'], limit: 1, fields: ['id', 'to_stage'] });
  if (open?.['to_stage'] === complaint['stage']) return;
  const enteredAt = complaint['stage_entered_at'] ?? new Date().toISOString();
  if (open) await steps.updateOne(open['id'], { completed_at: enteredAt }, QUIET);
  if (complaint['stage'] === 'closed' && !open) return;
  await steps.createOne({
    complaint: complaintId,
    from_stage: open?.['to_stage'] ?? null,
    to_stage: complaint['stage'],
    department: STAGE_HOLDERS[complaint['stage']] ?? null,
    actor: actorId,
    opinion: typeof opinion === 'string' && opinion.length > 0 ? opinion : null,
    entered_at: enteredAt,
    due_at: complaint['stage_due_at'] ?? null,
    completed_at: complaint['stage'] === 'closed' ? enteredAt : null,
  }, QUIET);
}
