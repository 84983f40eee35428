import { judgeQualityReportChange } from '../../domain/quality-report';
import type { HandlerContext, UpdateWrite } from '../../shared/handler-context';
import { decideStored } from './follow-up-judgement';

/** Filter for 质量报告 updates: the GM Office writes the GM's instruction once; the report itself stays as written. */
export async function qualityReportOnUpdate(context: HandlerContext, { keys, payload }: UpdateWrite) {
  const { accountability, now } = context;
  const { decision } = await decideStored(context, 'quality_reports', keys, (row, actor) => judgeQualityReportChange(row, payload, actor));
  if (!decision) return payload;
  return { ...payload, status: 'instructed', instructed_by: accountability?.user ?? null, instructed_at: now.toISOString() };
}
