import { computed, reactive, ref, watch } from 'vue';
import { LABELS } from '../domain/choice-labels';
import { DEPARTMENT_ROLES } from '../domain/departments';
import { LEDGER_STATUS_LABELS, type LedgerRow, type LedgerStatus } from '../domain/ledger-row';

/** What the panel needs from the app: the authenticated API client (useApi()). */
export interface ApiClient {
  get(url: string, config?: Record<string, unknown>): Promise<{ data: any }>;
}

export interface LedgerFilters {
  customer: string | null;
  month: string | null;
  stage: string | null;
  department: string | null;
  responsible: string | null;
  overdueOnly: boolean;
}

export interface LedgerSort {
  by: string | null;
  desc: boolean;
}

export interface Choice {
  text: string;
  value: string;
}

/**
 * Each status in a colour of the app's theme and always with its words (the chip text), so the
 * ledger reads the same to someone who cannot tell red from green.
 */
export const STATUS_COLOURS: Record<LedgerStatus, { color: string; background: string }> = {
  on_track: { color: 'var(--theme--success)', background: 'var(--theme--success-background)' },
  warning: { color: 'var(--theme--warning)', background: 'var(--theme--warning-background)' },
  breached: { color: 'var(--white, #fff)', background: 'var(--theme--danger)' },
  met_late: { color: 'var(--theme--danger)', background: 'var(--theme--danger-background)' },
  met: { color: 'var(--theme--foreground-subdued)', background: 'var(--theme--background-normal)' },
  not_started: { color: 'var(--theme--primary)', background: 'var(--theme--primary-background)' },
};

export function chipStyle(status: LedgerStatus): Record<string, string> {
  const colours = STATUS_COLOURS[status];
  return { '--v-chip-color': colours.color, '--v-chip-background-color': colours.background };
}

export const STATUS_LEGEND = (Object.keys(LEDGER_STATUS_LABELS) as LedgerStatus[]).map((status) => ({
  status,
  label: LEDGER_STATUS_LABELS[status],
  style: chipStyle(status),
}));

const toChoices = (labels: Record<string, string>): Choice[] => Object.entries(labels).map(([value, text]) => ({ value, text }));
export const STAGE_CHOICES = toChoices(LABELS['stage'] ?? {});
export const DEPARTMENT_CHOICES = toChoices({ ...DEPARTMENT_ROLES });

/** The last `count` months up to the month of `now` (local to the browser), newest first. */
export function monthChoices(now: Date, count = 24): Choice[] {
  const choices: Choice[] = [];
  for (let back = 0; back < count; back++) {
    const date = new Date(now.getFullYear(), now.getMonth() - back, 1);
    const value = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
    choices.push({ value, text: `${date.getFullYear()}年${date.getMonth() + 1}月` });
  }
  return choices;
}

/** The table's sort as the endpoint's `sort` parameter. */
export function sortParam(sort: LedgerSort | null): string {
  if (!sort?.by) return '-registered_at';
  return `${sort.desc ? '-' : ''}${sort.by}`;
}

/** Query parameters of GET /after-sales/ledger for the filters, sort and page on screen. */
export function ledgerParams(
  filters: LedgerFilters,
  sort: LedgerSort | null,
  page: number,
  limit: number,
): Record<string, string | number> {
  const params: Record<string, string | number> = { sort: sortParam(sort), page, limit };
  if (filters.customer?.trim()) params['customer'] = filters.customer.trim();
  if (filters.month) params['month'] = filters.month;
  if (filters.stage) params['stage'] = filters.stage;
  if (filters.department) params['department'] = filters.department;
  if (filters.responsible) params['responsible'] = filters.responsible;
  if (filters.overdueOnly) params['overdue'] = 'true';
  return params;
}

const messageOf = (error: any) => error?.response?.data?.errors?.[0]?.message ?? '追踪表暂时无法加载，请稍后再试。';

/**
 * The ledger's state: filters, sort, page, the rows of the page from the server (filtered, sorted
 * and paged there), and the CSV of everything the filters select.
 */
export function useLedger(
  api: ApiClient,
  options: { limit: number; overdueOnly?: boolean; download?: (blob: Blob, name: string) => void },
) {
  const filters = reactive<LedgerFilters>({
    customer: null,
    month: null,
    stage: null,
    department: null,
    responsible: null,
    overdueOnly: options.overdueOnly ?? false,
  });
  const sort = ref<LedgerSort | null>({ by: 'registered_at', desc: true });
  const page = ref(1);
  const rows = ref<LedgerRow[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const exporting = ref(false);
  const error = ref<string | null>(null);
  const limit = Math.max(1, Math.min(200, Math.floor(options.limit || 25)));
  const pages = computed(() => Math.max(1, Math.ceil(total.value / limit)));
  const params = computed(() => ledgerParams(filters, sort.value, page.value, limit));
  let latest = 0;

  async function load() {
    const request = ++latest;
    loading.value = true;
    try {
      const response = await api.get('/after-sales/ledger', { params: params.value });
      if (request !== latest) return;
      rows.value = response.data.data;
      total.value = response.data.meta.total;
      error.value = null;
    } catch (e) {
      if (request === latest) error.value = messageOf(e);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  async function exportCsv() {
    exporting.value = true;
    try {
      const { page: _page, limit: _limit, ...query } = params.value;
      const response = await api.get('/after-sales/ledger', { params: { ...query, format: 'csv' }, responseType: 'blob' });
      (options.download ?? saveFile)(response.data as Blob, `客户抱怨案件登记追踪表-${new Date().toISOString().slice(0, 10)}.csv`);
      error.value = null;
    } catch (e) {
      error.value = messageOf(e);
    } finally {
      exporting.value = false;
    }
  }

  // A new filter or sort starts again at page 1; only a page change keeps it.
  watch([() => ({ ...filters }), sort], () => (page.value = 1), { deep: true });
  watch(params, load, { deep: true, immediate: true });

  return { filters, sort, page, pages, rows, total, loading, exporting, error, load, exportCsv };
}

function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
