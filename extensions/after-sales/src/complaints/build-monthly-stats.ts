import { monthlyStats, periodBounds } from '../domain/monthly-stats';
import { itemsService, readAll, type DataAccess } from '../shared/data-access';

/** (Re)builds 客户投诉案件统计表 for a period from the complaints closed in it; returns the row. */
export async function buildMonthlyStats(data: DataAccess, period: string, now: Date, timeZone: string): Promise<Record<string, unknown>> {
  const { start, end } = periodBounds(period, timeZone);
  const closed = await readAll(data, 'complaints', {
    filter: { _and: [{ stage: { _eq: 'closed' } }, { closed_at: { _gte: start.toISOString() } }, { closed_at: { _lt: end.toISOString() } }] },
    fields: ['complaint_no', 'registered_at', 'closed_at', 'due_at', 'responsible_department', 'countermeasures'],
  });
  const stats = { ...monthlyStats(period, closed as never), generated_at: now.toISOString() };
  const service = itemsService(data, 'complaint_monthly_stats');
  const [existing] = await service.readByQuery({ filter: { period: { _eq: period } }, fields: ['id'], limit: 1 });
  const id = existing ? await service.updateOne(existing['id'], stats) : await service.createOne(stats);
  return { id, ...stats };
}
