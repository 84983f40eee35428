import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Department } from '../domain/departments';
import { compareEntries, WORK_STATUS_TEXT, type WorkEntry, type WorkStatus } from '../domain/work-queue';

/** What GET /after-sales/workbench answers (`data`). */
export interface WorkbenchResponse {
  department: Department | null;
  generatedAt: string;
  entries: WorkEntry[];
  counts: Record<string, { total: number; shown: number }>;
  canChooseDepartment: boolean;
}

export type WorkbenchLoader = (params: { department?: Department }) => Promise<WorkbenchResponse>;

export interface CaseTypeCount {
  collection: string;
  caseType: string;
  count: number;
  breached: number;
}

const STATUS_ORDER: WorkStatus[] = ['breached', 'warning', 'on_track', 'no_deadline'];
export const DEFAULT_AUTO_REFRESH_SECONDS = 60;

function messageOf(error: unknown): string {
  const response = (error as { response?: { data?: { errors?: { message?: string }[] } } } | null)?.response;
  return response?.data?.errors?.[0]?.message ?? '工作台暂时无法加载，请稍后重试。';
}

/**
 * The 售后工作台 queue: entries as the server last answered, the filters the user set (case types,
 * overdue only), and refreshes — on demand, every N seconds, or when the department changes — that
 * never let an older answer overwrite a newer one.
 */
export const useWorkbenchStore = defineStore('after-sales-workbench', () => {
  const entries = ref<WorkEntry[]>([]);
  const counts = ref<WorkbenchResponse['counts']>({});
  const department = ref<Department | null>(null);
  const canChooseDepartment = ref(false);
  const caseTypes = ref<string[]>([]);
  const overdueOnly = ref(false);
  const lastRefreshedAt = ref<Date | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const autoRefreshSeconds = ref(DEFAULT_AUTO_REFRESH_SECONDS);

  let loader: WorkbenchLoader | null = null;
  let latestRequest = 0;
  let timer: ReturnType<typeof setInterval> | null = null;

  const visibleEntries = computed(() =>
    entries.value
      .filter((entry) => caseTypes.value.length === 0 || caseTypes.value.includes(entry.collection))
      .filter((entry) => !overdueOnly.value || entry.status === 'breached')
      .sort(compareEntries),
  );

  /** The visible queue in blocks by state, most urgent first; due order holds inside each block. */
  const groups = computed(() =>
    STATUS_ORDER.map((status) => ({
      status,
      text: WORK_STATUS_TEXT[status],
      entries: visibleEntries.value.filter((entry) => entry.status === status),
    })).filter((group) => group.entries.length > 0),
  );

  /** Per case type, over every entry whatever the filters: how many wait and how many are overdue. */
  const caseTypeCounts = computed<CaseTypeCount[]>(() => {
    const byCollection = new Map<string, CaseTypeCount>();
    for (const entry of entries.value) {
      const count = byCollection.get(entry.collection) ?? { collection: entry.collection, caseType: entry.caseType, count: 0, breached: 0 };
      count.count += 1;
      if (entry.status === 'breached') count.breached += 1;
      byCollection.set(entry.collection, count);
    }
    return [...byCollection.values()];
  });

  /** Work the server counted but did not send (over the per-kind limit). */
  const unshownCount = computed(() => Object.values(counts.value).reduce((sum, { total, shown }) => sum + Math.max(0, total - shown), 0));

  function attach(load: WorkbenchLoader): void {
    loader = load;
  }

  async function refresh(): Promise<void> {
    if (!loader) return;
    const request = ++latestRequest;
    loading.value = true;
    try {
      const answer = await loader(canChooseDepartment.value && department.value ? { department: department.value } : {});
      if (request !== latestRequest) return;
      entries.value = answer.entries;
      counts.value = answer.counts;
      canChooseDepartment.value = answer.canChooseDepartment;
      department.value = answer.department;
      lastRefreshedAt.value = new Date();
      error.value = null;
    } catch (failure) {
      if (request === latestRequest) error.value = messageOf(failure);
    } finally {
      if (request === latestRequest) loading.value = false;
    }
  }

  function chooseDepartment(next: Department | null): Promise<void> {
    department.value = next;
    return refresh();
  }

  function toggleCaseType(collection: string): void {
    caseTypes.value = caseTypes.value.includes(collection)
      ? caseTypes.value.filter((c) => c !== collection)
      : [...caseTypes.value, collection];
  }

  function clearCaseTypes(): void {
    caseTypes.value = [];
  }

  function startAutoRefresh(seconds = autoRefreshSeconds.value): void {
    stopAutoRefresh();
    autoRefreshSeconds.value = seconds;
    timer = setInterval(() => void refresh(), seconds * 1000);
  }

  function stopAutoRefresh(): void {
    if (timer) clearInterval(timer);
    timer = null;
  }

  return {
    entries,
    counts,
    department,
    canChooseDepartment,
    caseTypes,
    overdueOnly,
    lastRefreshedAt,
    loading,
    error,
    autoRefreshSeconds,
    visibleEntries,
    groups,
    caseTypeCounts,
    unshownCount,
    attach,
    refresh,
    chooseDepartment,
    toggleCaseType,
    clearCaseTypes,
    startAutoRefresh,
    stopAutoRefresh,
  };
});
