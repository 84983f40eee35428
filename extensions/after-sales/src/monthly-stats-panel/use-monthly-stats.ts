import { computed, ref, watch, type Ref } from 'vue';
import { DEPARTMENT_ROLES } from '../domain/departments';
import type { ApiClient } from '../ledger-panel/use-ledger';

/** The API calls this panel makes: reads, and building a month (POST /after-sales/stats/:period). */
export interface StatsApi extends ApiClient {
  post(url: string, body?: unknown): Promise<{ data: any }>;
}

/** A row of complaint_monthly_stats (客户投诉案件统计表, K-MONTHLY) as the API returns it. */
export interface StatsRow {
  period: string;
  /** closed and quality-checked (K-QUALITY): only these count */
  closed_count: number | null;
  /** closed, quality check still to do */
  unchecked_count?: number | null;
  overdue_count: number | null;
  avg_days_to_close: number | string | null;
  by_department: Record<string, { label?: string; count: number; ratio?: number }> | null;
  improvement_actions?: string | null;
  generated_at?: string | null;
}

export interface MonthPoint {
  period: string;
  label: string;
  closed: number;
  overdue: number;
  built: boolean;
}

export interface DepartmentShare {
  key: string;
  label: string;
  count: number;
  ratio: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `count` periods ending with `end` (YYYY-MM), oldest first. */
export function lastMonths(end: string, count = 12): string[] {
  const [year, month] = end.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1));
    return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
  });
}

/** The month before `now`: the latest month whose statistics can exist. */
export function lastClosedMonth(now: Date): string {
  const date = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** One point per month; a month whose table was not built shows as empty, not as zero complaints. */
export function monthlySeries(rows: StatsRow[], periods: string[]): MonthPoint[] {
  return periods.map((period) => {
    const row = rows.find((candidate) => candidate.period === period);
    return {
      period,
      label: `${Number(period.slice(5))}月`,
      closed: Number(row?.closed_count ?? 0),
      overdue: Number(row?.overdue_count ?? 0),
      built: Boolean(row),
    };
  });
}

/** Responsibility by department over the given rows, with each department's share of the total. */
export function departmentShares(rows: StatsRow[]): DepartmentShare[] {
  const counts = new Map<string, { label: string; count: number }>();
  for (const row of rows) {
    for (const [key, entry] of Object.entries(row.by_department ?? {})) {
      const label = entry.label ?? DEPARTMENT_ROLES[key as keyof typeof DEPARTMENT_ROLES] ?? '未判定';
      counts.set(key, { label, count: (counts.get(key)?.count ?? 0) + Number(entry.count ?? 0) });
    }
  }
  const total = [...counts.values()].reduce((sum, entry) => sum + entry.count, 0);
  return [...counts.entries()]
    .map(([key, entry]) => ({ key, label: entry.label, count: entry.count, ratio: total ? entry.count / total : 0 }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export interface BarGeometry {
  period: string;
  label: string;
  x: number;
  barWidth: number;
  closed: { y: number; height: number };
  overdue: { y: number; height: number };
  built: boolean;
}

/** Grouped bars (closed, overdue) per month in a width × height drawing, leaving `axis` px for labels. */
export function barLayout(points: MonthPoint[], width: number, height: number, axis = 20): { bars: BarGeometry[]; max: number } {
  const max = Math.max(1, ...points.map((point) => Math.max(point.closed, point.overdue)));
  const slot = width / Math.max(1, points.length);
  const barWidth = Math.max(2, slot * 0.32);
  const plot = height - axis;
  const bar = (value: number) => ({ y: plot - (value / max) * plot, height: (value / max) * plot });
  return {
    max,
    bars: points.map((point, index) => ({
      period: point.period,
      label: point.label,
      x: index * slot + slot * 0.14,
      barWidth,
      closed: bar(point.closed),
      overdue: bar(point.overdue),
      built: point.built,
    })),
  };
}

export const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

/** Twelve months of the statistics table, read with the caller's own permissions. */
export function useMonthlyStats(api: StatsApi, now: Ref<Date>) {
  const rows = ref<StatsRow[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const periods = computed(() => lastMonths(lastClosedMonth(now.value)));
  const points = computed(() => monthlySeries(rows.value, periods.value));
  const selected = ref<string | null>(null);
  const shown = computed(() => selected.value ?? [...rows.value].sort((a, b) => b.period.localeCompare(a.period))[0]?.period ?? null);
  const monthShares = computed(() => departmentShares(rows.value.filter((row) => row.period === shown.value)));
  const yearShares = computed(() => departmentShares(rows.value));
  const shownRow = computed(() => rows.value.find((row) => row.period === shown.value) ?? null);
  // The month the 生成 button builds: the one clicked, else last month (whose table the schedule owes).
  const target = computed(() => selected.value ?? periods.value[periods.value.length - 1]!);
  const targetBuilt = computed(() => rows.value.some((row) => row.period === target.value));
  const building = ref(false);
  const buildMessage = ref<string | null>(null);

  async function load() {
    loading.value = true;
    try {
      // period is a string field: Directus allows no range operators on it, so the months are listed.
      const response = await api.get('/items/complaint_monthly_stats', {
        params: {
          filter: { period: { _in: periods.value } },
          fields: [
            'period',
            'closed_count',
            'unchecked_count',
            'overdue_count',
            'avg_days_to_close',
            'by_department',
            'improvement_actions',
            'generated_at',
          ],
          sort: ['period'],
          limit: 12,
        },
      });
      rows.value = response.data.data;
      error.value = null;
    } catch (e: any) {
      error.value = e?.response?.status === 403 ? '您无权查看客户投诉案件统计表。' : '统计表暂时无法加载，请稍后再试。';
    } finally {
      loading.value = false;
    }
  }

  /** 生成 / 重新生成: the server builds the month (counts afresh, edited improvement actions kept), then the panel shows it. */
  async function build() {
    const period = target.value;
    building.value = true;
    buildMessage.value = null;
    try {
      await api.post(`/after-sales/stats/${period}`);
      await load();
      selected.value = period;
      buildMessage.value = `已生成 ${period} 客户投诉案件统计表。`;
    } catch (e: any) {
      error.value = null;
      buildMessage.value = e?.response?.data?.errors?.[0]?.message ?? '生成失败，请稍后再试。';
    } finally {
      building.value = false;
    }
  }

  watch(periods, load, { immediate: true });
  return {
    rows,
    points,
    selected,
    shown,
    shownRow,
    monthShares,
    yearShares,
    loading,
    error,
    load,
    target,
    targetBuilt,
    building,
    buildMessage,
    build,
  };
}
