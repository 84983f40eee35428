import { castForWrite, type DataAccess } from '../shared/data-access';

/** What a line of the complaint's history says and who it names. */
export interface HistoryLine {
  department: string | null;
  actor: string | null;
  opinion: string;
}

/**
 * Appends a line to the complaint's history (complaint_steps) that is not a stage move: a step of the stage
 * the complaint stands in, entered and completed `now` (a petition's effect, a follow-up item's state).
 * Written with `data.database`, so inside the caller's transaction.
 */
export async function recordHistoryLine(data: DataAccess, complaint: Record<string, any>, line: HistoryLine, now: Date): Promise<void> {
  const step = {
    complaint: complaint['id'],
    from_stage: complaint['stage'],
    to_stage: complaint['stage'],
    department: line.department,
    actor: line.actor ?? null,
    opinion: line.opinion,
    entered_at: now.toISOString(),
    due_at: null,
    completed_at: now.toISOString(),
  };
  await data.database('complaint_steps').insert(await castForWrite(data, 'complaint_steps', 'create', step));
}
