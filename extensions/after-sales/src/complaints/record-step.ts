import { STAGE_HOLDERS } from '../domain/departments';
import { castForWrite, readRows, type DataAccess } from '../shared/data-access';

/**
 * After a complaint enters a stage: the open step is completed and a new step appended (who moved
 * it, the department holding it now, when it entered, its stage deadline, the opinion given).
 * Steps are written by the system only; nobody edits or deletes them (see refuseStepChanges).
 * `complaint` carries at least STEP_FIELDS, as stored after the write.
 */
export const STEP_FIELDS = ['id', 'stage', 'stage_entered_at', 'stage_due_at'];

export async function recordStep(data: DataAccess, complaint: Record<string, any>, actorId: string | null, opinion: unknown): Promise<void> {
  const complaintId = complaint['id'];
  // The open step is completed and the new one appended together, or neither. Plain statements
  // with Directus's casting: the step log is the system's own record (no hooks, no activity rows),
  // written on every stage move.
  await data.database.transaction(async (trx) => {
    const scoped = { ...data, database: trx };
    const [openStep] = await readRows(scoped, 'complaint_steps', ['id', 'to_stage'], (query) => query.where('complaint', complaintId).whereNull('completed_at').limit(1), { column: 'id', order: 'desc' });
    if (openStep?.['to_stage'] === complaint['stage']) return;
    const enteredAt = complaint['stage_entered_at'] ?? new Date().toISOString();
    if (openStep) await trx('complaint_steps').where('id', openStep['id']).update(await castForWrite(scoped, 'complaint_steps', 'update', { completed_at: enteredAt }));
    if (complaint['stage'] === 'closed' && !openStep) return;
    const step = {
      complaint: complaintId,
      from_stage: openStep?.['to_stage'] ?? null,
      to_stage: complaint['stage'],
      department: STAGE_HOLDERS[complaint['stage']] ?? null,
      actor: actorId,
      opinion: typeof opinion === 'string' && opinion.length > 0 ? opinion : null,
      entered_at: enteredAt,
      due_at: complaint['stage_due_at'] ?? null,
      completed_at: complaint['stage'] === 'closed' ? enteredAt : null,
    };
    await trx('complaint_steps').insert(await castForWrite(scoped, 'complaint_steps', 'create', step));
  });
}
