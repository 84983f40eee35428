import { STAGE_HOLDERS } from '../domain/departments';
import { castForWrite, readRows, type DataAccess } from '../shared/data-access';

/**
 * After a complaint enters a stage: the open step is completed and a new step appended (who moved
 * it, the department holding it now, when it entered, its stage deadline, the opinion given).
 * Steps are written by the system only; nobody edits or deletes them (see refuseStepChanges).
 * `complaint` carries at least STEP_FIELDS, as stored after the write.
 */
export const STEP_FIELDS = ['id', 'stage', 'stage_entered_at', 'stage_due_at'];

export async function recordStep(
  data: DataAccess,
  complaint: Record<string, any>,
  actorId: string | null,
  opinion: unknown,
  { created = false } = {},
): Promise<void> {
  const complaintId = complaint['id'];
  const stage = complaint['stage'];
  // The open step is completed and the new one appended together, or neither. Plain statements
  // with Directus's casting: the step log is the system's own record (no hooks, no activity rows),
  // written on every stage move.
  await data.database.transaction(async (trx) => {
    const scoped = { ...data, database: trx };
    const enteredAt = complaint['stage_entered_at'] ?? new Date().toISOString();
    // A new complaint has no step yet. Otherwise the open step of another stage is completed, in
    // the statement that finds it; none completed means none open, or this stage already recorded.
    let from: string | null = null;
    if (!created) {
      const completion = await castForWrite(scoped, 'complaint_steps', 'update', { completed_at: enteredAt });
      const completed: { to_stage: string }[] = await trx('complaint_steps')
        .where('complaint', complaintId)
        .whereNull('completed_at')
        .whereNot('to_stage', stage)
        .update(completion, ['to_stage']);
      from = completed.at(-1)?.to_stage ?? null;
      if (!from) {
        const [open] = await readRows(scoped, 'complaint_steps', ['id'], (query) =>
          query.where('complaint', complaintId).whereNull('completed_at').limit(1),
        );
        if (open) return;
      }
    }
    if (stage === 'closed' && !from) return;
    const step = {
      complaint: complaintId,
      from_stage: from,
      to_stage: stage,
      department: STAGE_HOLDERS[stage] ?? null,
      actor: actorId,
      opinion: typeof opinion === 'string' && opinion.length > 0 ? opinion : null,
      entered_at: enteredAt,
      due_at: complaint['stage_due_at'] ?? null,
      completed_at: stage === 'closed' ? enteredAt : null,
    };
    await trx('complaint_steps').insert(await castForWrite(scoped, 'complaint_steps', 'create', step));
  });
}
