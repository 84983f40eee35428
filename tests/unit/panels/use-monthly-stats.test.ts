// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { nextTick, ref } from 'vue';
import {
  barLayout,
  departmentShares,
  lastClosedMonth,
  lastMonths,
  monthlySeries,
  useMonthlyStats,
  type StatsRow,
} from '../../../extensions/after-sales/src/monthly-stats-panel/use-monthly-stats';

const rows: StatsRow[] = [
  {
    period: '2026-09',
    closed_count: 4,
    overdue_count: 1,
    avg_days_to_close: 6.5,
    by_department: { operations: { label: '运营部', count: 3, ratio: 0.75 }, market: { label: '市场部', count: 1, ratio: 0.25 } },
  },
  {
    period: '2026-10',
    closed_count: 2,
    overdue_count: 2,
    avg_days_to_close: 14,
    by_department: { market: { label: '市场部', count: 2, ratio: 1 } },
  },
];

test('twelve months end with last month, crossing the year', () => {
  expect(lastClosedMonth(new Date(2026, 0, 15))).toBe('2025-12');
  expect(lastMonths('2026-02')).toEqual([
    '2025-03',
    '2025-04',
    '2025-05',
    '2025-06',
    '2025-07',
    '2025-08',
    '2025-09',
    '2025-10',
    '2025-11',
    '2025-12',
    '2026-01',
    '2026-02',
  ]);
});

test('a month without a statistics table is marked, not counted as zero complaints', () => {
  const series = monthlySeries(rows, ['2026-08', '2026-09', '2026-10']);
  expect(series).toEqual([
    { period: '2026-08', label: '8月', closed: 0, overdue: 0, built: false },
    { period: '2026-09', label: '9月', closed: 4, overdue: 1, built: true },
    { period: '2026-10', label: '10月', closed: 2, overdue: 2, built: true },
  ]);
});

test('responsibility by department sums the months and gives each its ratio', () => {
  expect(departmentShares(rows)).toEqual([
    { key: 'market', label: '市场部', count: 3, ratio: 0.5 },
    { key: 'operations', label: '运营部', count: 3, ratio: 0.5 },
  ]);
});

test('bars scale to the largest month; overdue never taller than closed when fewer', () => {
  const { bars, max } = barLayout(monthlySeries(rows, ['2026-09', '2026-10']), 200, 120, 20);
  expect(max).toBe(4);
  expect(bars[0]!.closed.height).toBe(100);
  expect(bars[0]!.overdue.height).toBe(25);
  expect(bars[1]!.closed.y).toBe(50);
});

test('loads the twelve months by listing them (period is text) and shows the latest month first', async () => {
  const calls: any[] = [];
  const api = {
    get: async (_url: string, config: any) => (calls.push(config), { data: { data: rows } }),
    post: async () => ({ data: {} }),
  };
  const stats = useMonthlyStats(api, ref(new Date(2026, 10, 20)));
  for (let i = 0; i < 3; i++) await nextTick();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(calls[0].params.filter.period._in).toHaveLength(12);
  expect(calls[0].params.filter.period._in.at(-1)).toBe('2026-10');
  expect(stats.shown.value).toBe('2026-10');
  expect(stats.monthShares.value).toEqual([{ key: 'market', label: '市场部', count: 2, ratio: 1 }]);
  stats.selected.value = '2026-09';
  expect(stats.monthShares.value.map((share) => share.key)).toEqual(['operations', 'market']);
});

test('生成 builds last month unless another month is picked, then shows it; a refusal is shown in Chinese', async () => {
  const posts: string[] = [];
  let built: StatsRow[] = rows;
  const api = {
    get: async () => ({ data: { data: built } }),
    post: async (url: string) => {
      posts.push(url);
      if (url.endsWith('2026-09')) throw { response: { data: { errors: [{ message: '只有总经理室或管理员可以生成统计表。' }] } } };
      built = [
        ...rows,
        {
          period: '2026-11',
          closed_count: 1,
          overdue_count: 0,
          avg_days_to_close: 2,
          by_department: { tech: { label: '技术部', count: 1, ratio: 1 } },
        },
      ];
      return { data: { data: {} } };
    },
  };
  const stats = useMonthlyStats(api, ref(new Date(2026, 11, 3)));
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect([stats.target.value, stats.targetBuilt.value]).toEqual(['2026-11', false]);
  await stats.build();
  expect(posts).toEqual(['/after-sales/stats/2026-11']);
  expect([stats.shown.value, stats.targetBuilt.value, stats.buildMessage.value]).toEqual([
    '2026-11',
    true,
    '已生成 2026-11 客户投诉案件统计表。',
  ]);
  stats.selected.value = '2026-09';
  await stats.build();
  expect(stats.buildMessage.value).toBe('只有总经理室或管理员可以生成统计表。');
});
