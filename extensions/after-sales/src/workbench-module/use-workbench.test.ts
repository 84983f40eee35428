// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import type { WorkEntry } from '../domain/work-queue';
import { useWorkbench } from './use-workbench';

const row = (key: string): WorkEntry => ({
  key,
  kind: 'complaint',
  collection: 'complaints',
  id: key,
  caseType: '客户抱怨',
  task: '办理本阶段',
  number: key,
  title: key,
  statusLabel: '草稿',
  department: 'market',
  departmentLabel: '市场部',
  dueAt: null,
  dueText: null,
  status: 'no_deadline',
  statusText: '无时限',
  link: `/content/complaints/${key}`,
});

let served: WorkEntry[];
const api = {
  get: vi.fn(async (_url: string, _config?: unknown) => ({
    data: { data: { department: 'market', generatedAt: '', entries: served, counts: {}, canChooseDepartment: false } },
  })),
};

/** A page that lists the keys the composable exposes, as the module page does. */
const Page = defineComponent({
  setup() {
    const { visibleEntries } = useWorkbench(20);
    return () =>
      h(
        'ul',
        visibleEntries.value.map((entry) => h('li', entry.key)),
      );
  },
});

beforeEach(() => {
  vi.useFakeTimers();
  setActivePinia(createPinia());
  served = [row('a')];
  api.get.mockClear();
});
afterEach(() => vi.useRealTimers());

const mountPage = () => mount(Page, { global: { provide: { api } } });

test('loads the queue from the endpoint when the page opens', async () => {
  const page = mountPage();
  await vi.advanceTimersByTimeAsync(0);
  expect(api.get).toHaveBeenCalledWith('/after-sales/workbench', { params: {} });
  expect(page.findAll('li').map((li) => li.text())).toEqual(['a']);
  page.unmount();
});

test('new work shows up by itself after the refresh interval, without reloading the page', async () => {
  const page = mountPage();
  await vi.advanceTimersByTimeAsync(0);
  served = [row('a'), row('b')];
  await vi.advanceTimersByTimeAsync(20_000);
  expect(page.findAll('li').map((li) => li.text())).toEqual(['a', 'b']);
  page.unmount();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(api.get).toHaveBeenCalledTimes(2);
});

test('coming back to the tab refreshes at once', async () => {
  const page = mountPage();
  await vi.advanceTimersByTimeAsync(0);
  served = [row('c')];
  document.dispatchEvent(new Event('visibilitychange'));
  await vi.advanceTimersByTimeAsync(0);
  expect(page.findAll('li').map((li) => li.text())).toEqual(['c']);
  page.unmount();
  document.dispatchEvent(new Event('visibilitychange'));
  expect(api.get).toHaveBeenCalledTimes(2);
});
