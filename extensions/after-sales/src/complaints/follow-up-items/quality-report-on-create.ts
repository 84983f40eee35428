import { judgeNewQualityReport } from '../../domain/quality-report';
import { InvalidCaseStatusError } from '../../errors/invalid-case-status-error';
import { castForWrite, readRows } from '../../shared/data-access';
import type { CreateWrite, HandlerContext } from '../../shared/handler-context';
import { followUpActor, settled } from './follow-up-judgement';

/**
 * Filter for 质量报告 (K-REPORT3D): the quality department reports an investigated complaint to the GM once (the
 * unique complaint refuses a second report in the database); the report stops the complaint's report clock in
 * the same transaction.
 */
export async function qualityReportOnCreate(context: HandlerContext, { payload }: CreateWrite) {
  const { accountability, now } = context;
  const [complaint] = await readRows(context, 'complaints', ['id', 'investigated_at'], (query) =>
    query.where('id', payload['complaint'] ?? null),
  );
  settled(judgeNewQualityReport(payload, complaint ?? null, await followUpActor(context)));
  const [already] = await context.database('quality_reports').where({ complaint: complaint!['id'] }).select('id');
  if (already) throw new InvalidCaseStatusError({ reason: '该投诉已提出质量报告，不能重复报告。' });
  const reportedAt = now.toISOString();
  const stop = await castForWrite(context, 'complaints', 'update', { gm_reported_at: reportedAt });
  await context.database('complaints').where('id', complaint!['id']).update(stop);
  return { ...payload, status: 'reported', reported_by: accountability?.user ?? null, reported_at: reportedAt };
}
