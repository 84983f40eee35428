import { useApi } from '@directus/extensions-sdk';
import { storeToRefs } from 'pinia';
import { onMounted, onUnmounted } from 'vue';
import { useWorkbenchStore, DEFAULT_AUTO_REFRESH_SECONDS, type WorkbenchResponse } from './workbench-store';

/**
 * The 售后工作台 page's state: loads the queue from GET /after-sales/workbench when the page opens,
 * again every `autoRefreshSeconds` and whenever the tab comes back into view, and stops when it closes.
 */
export function useWorkbench(autoRefreshSeconds = DEFAULT_AUTO_REFRESH_SECONDS) {
  const api = useApi();
  const store = useWorkbenchStore();
  store.attach(async (params) => (await api.get<{ data: WorkbenchResponse }>('/after-sales/workbench', { params })).data.data);

  const onVisible = () => {
    if (document.visibilityState === 'visible') void store.refresh();
  };
  onMounted(() => {
    void store.refresh();
    store.startAutoRefresh(autoRefreshSeconds);
    document.addEventListener('visibilitychange', onVisible);
  });
  onUnmounted(() => {
    store.stopAutoRefresh();
    document.removeEventListener('visibilitychange', onVisible);
  });

  return {
    ...storeToRefs(store),
    refresh: store.refresh,
    chooseDepartment: store.chooseDepartment,
    toggleCaseType: store.toggleCaseType,
    clearCaseTypes: store.clearCaseTypes,
  };
}
