import { STAGE_HOLDERS } from '../domain/departments';
import { itemsService, QUIET, type DataAccess } from '../shared/data-access';

/**
 * After a complaint enters a stage: the open step is completed and a new step appended (who moved
 * it, the department holding it now, when it entered, its stage deadline, the opinion given).
 * Steps are written by the system only; nobody edits or deletes them (see refuseStepChanges).
 * `complaint` carries at least STEP_FIELDS, as stored after the write.
 */
export const STEP_FIELDS = ['id', 'stage', 'stage_entered_at', 'stage_due_at'];

export async function recordStep(data: DataAccess, complaint: Record<string, any>, actorId: string | null, opinion: unknown): Promise<void> {
  const complaintId = complaint['id'];
  // The open step is completed and the new one appended together, or neither.
  await data.database.transaction(async (trx) => {
    const steps = itemsService({ ...data, database: trx }, 'complaint_steps');
    const [openStep] = await steps.readByQuery({ filter: { complaint: { _eq: complaintId }, completed_at: { _null: true } }, sort: ['-id'], limit: 1, fields: ['id', 'to_stage'] });
    if (openStep?.['to_stage'] === complaint['stage']) return;
    const enteredAt = complaint['stage_entered_at'] ?? new Date().toISOString();
    if (openStep) await steps.updateOne(openStep['id'], { completed_at: enteredAt }, QUIET);
    if (complaint['stage'] === 'closed' && !openStep) return;
    await steps.createOne({
      complaint: complaintId,
      from_stage: openStep?.['to_stage'] ?? null,
      to_stage: complaint['stage'],
      department: STAGE_HOLDERS[complaint['stage']] ?? null,
      actor: actorId,
      opinion: typeof opinion === 'string' && opinion.length > 0 ? opinion : null,
      entered_at: enteredAt,
      due_at: complaint['stage_due_at'] ?? null,
      completed_at: complaint['stage'] === 'closed' ? enteredAt : null,
    }, QUIET);
  });
}
