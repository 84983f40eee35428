// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { nextTick, ref } from 'vue';
import { useDeadlineStatus, type ClockStatusCounts } from '../../../extensions/after-sales/src/deadline-status-panel/use-deadline-status';

const entry: ClockStatusCounts = {
  clock: 'handover',
  label: '理赔材料移交保险公司',
  collection: 'claim_applications',
  collection_label: '理赔申请',
  counts: { on_track: 3, warning: 1, breached: 2 },
  filters: { on_track: { a: 1 }, warning: { b: 2 }, breached: { _and: [{ handover_due_at: { _lte: '$NOW' } }] } },
};

test('asks for the panel’s clocks; a count opens the list filtered to what it counts', async () => {
  const calls: any[] = [];
  const api = { get: async (url: string, config: any) => (calls.push({ url, config }), { data: { data: [entry] } }) };
  const saved: any[] = [];
  const presets = {
    getPresetForCollection: (collection: string) => ({
      id: 4,
      collection,
      layout: 'tabular',
      layout_query: { tabular: { fields: ['application_no'] } },
      filter: null,
      search: 'old',
    }),
    savePreset: async (preset: any) => saved.push(preset),
  };
  const visited: string[] = [];
  const status = useDeadlineStatus(api, ref(['hq_report', 'handover']), presets, (path) => visited.push(path));
  await nextTick();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(calls[0]).toEqual({ url: '/after-sales/deadline-status', config: { params: { clocks: 'hq_report,handover' } } });
  expect(status.entries.value[0]!.counts).toEqual({ on_track: 3, warning: 1, breached: 2 });

  await status.openList(status.entries.value[0]!, 'breached');
  // The list keeps its columns; only the filter (and no stale search) changes.
  expect(saved[0]).toMatchObject({
    id: 4,
    collection: 'claim_applications',
    layout: 'tabular',
    filter: entry.filters.breached,
    search: null,
  });
  expect(visited).toEqual(['/content/claim_applications']);
});

test('a failure shows a message instead of stale counts', async () => {
  const api = { get: async () => Promise.reject({ response: { data: { errors: [{ message: '参数 clocks 无效' }] } } }) };
  const status = useDeadlineStatus(
    api,
    ref([]),
    { getPresetForCollection: () => null, savePreset: async () => undefined },
    () => undefined,
  );
  await nextTick();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(status.error.value).toBe('参数 clocks 无效');
});
