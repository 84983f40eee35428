import { judgeQualityCheck } from '../../domain/quality-check';
import { InvalidCaseStatusError } from '../../errors/invalid-case-status-error';
import { readRows } from '../../shared/data-access';
import type { CreateWrite, HandlerContext } from '../../shared/handler-context';
import { followUpActor, settled } from './follow-up-judgement';

/** Filter for 投诉质量检验: a closed complaint, checked once (the unique complaint refuses a second check in the database). */
export async function qualityCheckOnCreate(context: HandlerContext, { payload }: CreateWrite) {
  const { accountability, now } = context;
  const [complaint] = await readRows(context, 'complaints', ['id', 'stage'], (query) => query.where('id', payload['complaint'] ?? null));
  settled(judgeQualityCheck(payload, complaint ?? null, await followUpActor(context)));
  const [already] = await context.database('quality_checks').where({ complaint: complaint!['id'] }).select('id');
  if (already) throw new InvalidCaseStatusError({ reason: '该投诉已做过质量检验确认，不能重复检验。' });
  return { ...payload, checked_by: accountability?.user ?? null, checked_at: now.toISOString() };
}
