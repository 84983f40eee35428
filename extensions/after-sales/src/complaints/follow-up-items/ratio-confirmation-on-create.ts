import { judgeRatioConfirmation } from '../../domain/responsible-person';
import { InvalidCaseStatusError } from '../../errors/invalid-case-status-error';
import { readRows } from '../../shared/data-access';
import type { CreateWrite, HandlerContext } from '../../shared/handler-context';
import { followUpActor, settled } from './follow-up-judgement';

/**
 * Filter for 责任比率确认: the head of the department confirms the month's table once; what they confirmed
 * (the department's count and ratio in the table as it stands) is kept beside it. The unique key (month and
 * department) refuses a second confirmation in the database.
 */
export async function ratioConfirmationOnCreate(context: HandlerContext, { payload }: CreateWrite) {
  const { accountability, now } = context;
  settled(judgeRatioConfirmation(payload, await followUpActor(context)));
  const [stats] = await readRows(context, 'complaint_monthly_stats', ['id', 'period', 'by_department'], (query) =>
    query.where('id', payload['stats'] ?? null),
  );
  if (!stats) throw new InvalidCaseStatusError({ reason: '请先生成该月的客户投诉案件统计表，再确认责任比率。' });
  const key = `${stats['period']}:${payload['department']}`;
  const [already] = await context.database('responsibility_ratio_confirmations').where({ key }).select('id');
  if (already) throw new InvalidCaseStatusError({ reason: `${stats['period']} 的责任比率本部门已确认，不能重复确认。` });
  const share = (stats['by_department'] ?? {})[String(payload['department'])] as { count?: number; ratio?: number } | undefined;
  return {
    ...payload,
    confirmed_count: share?.count ?? 0,
    confirmed_ratio: share?.ratio ?? 0,
    confirmed_by: accountability?.user ?? null,
    confirmed_at: now.toISOString(),
    key,
  };
}
