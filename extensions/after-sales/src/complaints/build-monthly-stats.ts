import { LABELS } from '../domain/choice-labels';
import { openMeasures } from '../domain/improvement-measure';
import { mergeImprovementActions, monthlyStats, periodBounds } from '../domain/monthly-stats';
import { itemsService, readAll, type DataAccess } from '../shared/data-access';

type Item = Record<string, any>;

/**
 * (Re)builds 客户投诉案件统计表 for a period from the complaints closed in it whose quality check is done (the
 * others are counted apart, as 已结案待质量检验), in one transaction; returns the row. The counts follow the
 * complaints; 改善对策及处理结果 keeps what the GM Office wrote
 * (mergeImprovementActions). On PostgreSQL the row is locked while it is rebuilt, so an edit saved
 * meanwhile is not overwritten; two first builds of a month at once meet at the unique period, and
 * the one that loses builds again over the other's row.
 */
export async function buildMonthlyStats(data: DataAccess, period: string, now: Date, timeZone: string): Promise<Item> {
  try {
    return await buildOnce(data, period, now, timeZone);
  } catch (error) {
    const [existing] = await data.database('complaint_monthly_stats').where({ period }).select('id');
    if (!existing) throw error;
    return buildOnce(data, period, now, timeZone);
  }
}

function buildOnce(data: DataAccess, period: string, now: Date, timeZone: string): Promise<Item> {
  const { start, end } = periodBounds(period, timeZone);
  return data.database.transaction(async (trx) => {
    const scoped = { ...data, database: trx };
    const query = trx('complaint_monthly_stats').where({ period }).select('id', 'improvement_actions', 'improvement_actions_built');
    if (trx.client.config.client === 'pg') query.forUpdate();
    const [existing]: Item[] = await query;
    const closed = await readAll(scoped, 'complaints', {
      filter: {
        _and: [{ stage: { _eq: 'closed' } }, { closed_at: { _gte: start.toISOString() } }, { closed_at: { _lt: end.toISOString() } }],
      },
      fields: ['id', 'complaint_no', 'registered_at', 'closed_at', 'due_at', 'responsible_department', 'countermeasures'],
    });
    // K-QUALITY (第十一条 2(3)): a closed complaint counts in the table once its handling is checked and confirmed.
    const closedIds = closed.map((complaint) => complaint['id']);
    const checkedRows: Item[] = closedIds.length ? await trx('quality_checks').whereIn('complaint', closedIds).select('complaint') : [];
    const checkedIds = new Set(checkedRows.map((row) => String(row['complaint'])));
    const counted = closed.filter((complaint) => checkedIds.has(String(complaint['id'])));
    // K-IMPROVE: the measures of the month's closed complaints and those due in the month, while not confirmed.
    const [year, month] = period.split('-').map(Number) as [number, number];
    const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    const measures = await readAll(scoped, 'improvement_measures', {
      filter: {
        _and: [
          { status: { _neq: 'confirmed' } },
          {
            _or: [
              { complaint: { _in: closedIds.length ? closedIds : [0] } },
              { _and: [{ due_date: { _gte: `${period}-01` } }, { due_date: { _lt: nextMonth } }] },
            ],
          },
        ],
      },
      fields: ['id', 'measure', 'owner_department', 'due_date', 'status'],
    });
    const built = monthlyStats(period, counted as never);
    const stats = {
      ...built,
      improvement_actions: mergeImprovementActions(
        existing?.['improvement_actions'] ?? null,
        existing?.['improvement_actions_built'] ?? null,
        built.improvement_actions,
      ),
      improvement_actions_built: built.improvement_actions,
      quality_checked_count: counted.length,
      unchecked_count: closed.length - counted.length,
      open_measures: openMeasures(measures, LABELS['improvement_status'] ?? {}),
      generated_at: now.toISOString(),
    };
    // Written by the system: the statistics are the console's; who may ask for them is the endpoint's rule.
    const service = itemsService(scoped, 'complaint_monthly_stats');
    const id = existing ? await service.updateOne(existing['id'], stats) : await service.createOne(stats);
    return { id, ...stats };
  });
}
