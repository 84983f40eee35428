// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { WorkEntry, WorkStatus } from '../domain/work-queue';
import { useWorkbenchStore, type WorkbenchResponse } from './workbench-store';

const entry = (key: string, collection: string, status: WorkStatus, dueAt: string | null): WorkEntry => ({
  key,
  kind: key.split(':')[0]!,
  collection,
  id: key.split(':')[1]!,
  caseType: collection,
  task: '',
  number: key,
  title: key,
  statusLabel: '',
  department: 'market',
  departmentLabel: '市场部',
  dueAt,
  dueText: dueAt,
  status,
  statusText: status,
  link: `/content/${collection}/1`,
});
const answer = (entries: WorkEntry[], extra: Partial<WorkbenchResponse> = {}): WorkbenchResponse => ({
  department: 'market',
  generatedAt: '2026-11-26T04:00:00Z',
  entries,
  counts: {},
  canChooseDepartment: false,
  ...extra,
});

const QUEUE = [
  entry('complaint:1', 'complaints', 'on_track', '2026-11-29T00:00:00.000Z'),
  entry('overdue_inquiry:2', 'overdue_inquiries', 'no_deadline', null),
  entry('urge_notice:3', 'urge_notices', 'breached', '2026-11-20T00:00:00.000Z'),
  entry('handover:4', 'claim_applications', 'warning', '2026-11-26T10:00:00.000Z'),
  entry('complaint:5', 'complaints', 'breached', '2026-11-25T00:00:00.000Z'),
];

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => vi.useRealTimers());

async function loaded(entries = QUEUE, extra: Partial<WorkbenchResponse> = {}) {
  const store = useWorkbenchStore();
  const loader = vi.fn(async () => answer(entries, extra));
  store.attach(loader);
  await store.refresh();
  return { store, loader };
}

describe('ordering and grouping', () => {
  test('the queue is ordered by due time whatever order the server sent, work without a deadline last', async () => {
    const { store } = await loaded();
    expect(store.visibleEntries.map((e) => e.key)).toEqual([
      'urge_notice:3',
      'complaint:5',
      'handover:4',
      'complaint:1',
      'overdue_inquiry:2',
    ]);
  });

  test('blocks by state, overdue first, empty blocks left out', async () => {
    const { store } = await loaded(QUEUE.filter((e) => e.status !== 'on_track'));
    expect(store.groups.map((g) => [g.text, g.entries.map((e) => e.key)])).toEqual([
      ['已逾期', ['urge_notice:3', 'complaint:5']],
      ['即将超时', ['handover:4']],
      ['无时限', ['overdue_inquiry:2']],
    ]);
  });

  test('counts per case type over the whole queue, with how many are overdue', async () => {
    const { store } = await loaded();
    store.overdueOnly = true;
    expect(store.caseTypeCounts.find((c) => c.collection === 'complaints')).toEqual({
      collection: 'complaints',
      caseType: 'complaints',
      count: 2,
      breached: 1,
    });
    expect(store.caseTypeCounts).toHaveLength(4);
  });
});

describe('filters', () => {
  test('by case type, several at once, and back to all', async () => {
    const { store } = await loaded();
    store.toggleCaseType('complaints');
    expect(store.visibleEntries.map((e) => e.key)).toEqual(['complaint:5', 'complaint:1']);
    store.toggleCaseType('urge_notices');
    expect(store.visibleEntries.map((e) => e.key)).toEqual(['urge_notice:3', 'complaint:5', 'complaint:1']);
    store.toggleCaseType('complaints');
    expect(store.visibleEntries.map((e) => e.key)).toEqual(['urge_notice:3']);
    store.clearCaseTypes();
    expect(store.visibleEntries).toHaveLength(5);
  });

  test('overdue only, combined with a case type', async () => {
    const { store } = await loaded();
    store.overdueOnly = true;
    expect(store.visibleEntries.map((e) => e.key)).toEqual(['urge_notice:3', 'complaint:5']);
    store.toggleCaseType('complaints');
    expect(store.visibleEntries.map((e) => e.key)).toEqual(['complaint:5']);
  });

  test('filters survive a refresh', async () => {
    const { store } = await loaded();
    store.overdueOnly = true;
    await store.refresh();
    expect(store.visibleEntries.map((e) => e.key)).toEqual(['urge_notice:3', 'complaint:5']);
  });
});

describe('refresh', () => {
  test('takes the new answer and records when', async () => {
    const { store, loader } = await loaded();
    const first = store.lastRefreshedAt;
    expect(first).toBeInstanceOf(Date);
    loader.mockResolvedValueOnce(answer([entry('complaint:9', 'complaints', 'warning', '2026-11-27T00:00:00.000Z')]));
    await store.refresh();
    expect(store.visibleEntries.map((e) => e.key)).toEqual(['complaint:9']);
    expect(store.lastRefreshedAt!.getTime()).toBeGreaterThanOrEqual(first!.getTime());
    expect(store.loading).toBe(false);
  });

  test("a failed refresh shows the server's message and keeps what was shown", async () => {
    const { store, loader } = await loaded();
    loader.mockRejectedValueOnce({ response: { data: { errors: [{ message: '售后工作台：只能查看本部门（市场部）的待办。' }] } } });
    await store.refresh();
    expect(store.error).toBe('售后工作台：只能查看本部门（市场部）的待办。');
    expect(store.visibleEntries).toHaveLength(5);
    loader.mockRejectedValueOnce(new Error('Network Error'));
    await store.refresh();
    expect(store.error).toBe('工作台暂时无法加载，请稍后重试。');
    await store.refresh();
    expect(store.error).toBeNull();
  });

  test('an older answer arriving late never overwrites a newer one', async () => {
    const store = useWorkbenchStore();
    const pending: ((value: WorkbenchResponse) => void)[] = [];
    store.attach(() => new Promise((resolve) => pending.push(resolve)));
    const slow = store.refresh();
    const fast = store.refresh();
    pending[1]!(answer([entry('complaint:new', 'complaints', 'on_track', null)]));
    await fast;
    pending[0]!(answer([entry('complaint:old', 'complaints', 'on_track', null)]));
    await slow;
    expect(store.entries.map((e) => e.key)).toEqual(['complaint:new']);
    expect(store.loading).toBe(false);
  });

  test("staff get their own department; an administrator's choice is sent and answered", async () => {
    const { store, loader } = await loaded(QUEUE, { department: null, canChooseDepartment: true });
    expect(loader).toHaveBeenLastCalledWith({});
    loader.mockResolvedValueOnce(answer([], { department: 'operations', canChooseDepartment: true }));
    await store.chooseDepartment('operations');
    expect(loader).toHaveBeenLastCalledWith({ department: 'operations' });
    expect(store.department).toBe('operations');

    const clerk = await loaded();
    clerk.store.department = 'operations';
    await clerk.store.refresh();
    expect(clerk.loader).toHaveBeenLastCalledWith({});
    expect(clerk.store.department).toBe('market');
  });

  test('counts work the server did not send', async () => {
    const { store } = await loaded(QUEUE, { counts: { complaint: { total: 80, shown: 50 }, handover: { total: 1, shown: 1 } } });
    expect(store.unshownCount).toBe(30);
  });

  test('refreshes every N seconds until stopped', async () => {
    vi.useFakeTimers();
    const { store, loader } = await loaded();
    store.startAutoRefresh(30);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(loader).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(loader).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(loader).toHaveBeenCalledTimes(4);
    store.stopAutoRefresh();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(loader).toHaveBeenCalledTimes(4);
  });
});
