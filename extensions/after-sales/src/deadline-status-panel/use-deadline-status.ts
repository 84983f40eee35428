import { ref, watch, type Ref } from 'vue';
import { RUNNING_STATUSES, RUNNING_STATUS_LABELS, type ClockStatusCounts, type RunningStatus } from '../domain/deadline-status';

export type { ClockStatusCounts };
import type { ApiClient } from '../ledger-panel/use-ledger';

/** The part of the app's presets store this panel uses (useStores().usePresetsStore()). */
export interface PresetsStore {
  getPresetForCollection(collection: string): Record<string, unknown> | null;
  savePreset(preset: Record<string, unknown>): Promise<unknown>;
}

export const STATUS_COLUMNS = RUNNING_STATUSES.map((status) => ({ status, label: RUNNING_STATUS_LABELS[status] }));

/**
 * Counts of running clocks per case type and status, and the way from a count to the list it
 * counts: the filter becomes the user's own list filter of that collection (shown and removable
 * in the list's filter bar), then the list opens.
 */
export function useDeadlineStatus(api: ApiClient, clocks: Ref<string[]>, presets: PresetsStore, navigate: (path: string) => unknown) {
  const entries = ref<ClockStatusCounts[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);

  async function load() {
    loading.value = true;
    try {
      const response = await api.get('/after-sales/deadline-status', {
        params: clocks.value.length ? { clocks: clocks.value.join(',') } : {},
      });
      entries.value = response.data.data;
      error.value = null;
    } catch (e: any) {
      error.value = e?.response?.data?.errors?.[0]?.message ?? '时效状态暂时无法加载，请稍后再试。';
    } finally {
      loading.value = false;
    }
  }

  async function openList(entry: ClockStatusCounts, status: RunningStatus) {
    const current = presets.getPresetForCollection(entry.collection) ?? { collection: entry.collection };
    await presets.savePreset({ ...current, collection: entry.collection, filter: entry.filters[status], search: null });
    await navigate(`/content/${entry.collection}`);
  }

  watch(clocks, load, { immediate: true, deep: true });
  return { entries, loading, error, load, openList };
}
