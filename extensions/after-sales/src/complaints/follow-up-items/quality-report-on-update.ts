import { judgeQualityReportChange } from '../../domain/quality-report';
import { readStored } from '../../shared/data-access';
import type { HandlerContext, UpdateWrite } from '../../shared/handler-context';
import { followUpActor, settled, single } from './follow-up-judgement';

/** Filter for 质量报告 updates: the GM Office writes the GM's instruction once; the report itself stays as written. */
export async function qualityReportOnUpdate(context: HandlerContext, { keys, payload }: UpdateWrite) {
  const { accountability, now } = context;
  const actor = await followUpActor(context);
  const stored = await readStored(context, 'quality_reports', keys);
  const decision = single(stored.map((row) => settled(judgeQualityReportChange(row, payload, actor))));
  if (!decision) return payload;
  return { ...payload, status: 'instructed', instructed_by: accountability?.user ?? null, instructed_at: now.toISOString() };
}
