// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { nextTick } from 'vue';
import {
  chipStyle,
  ledgerParams,
  STATUS_COLOURS,
  STATUS_LEGEND,
  useLedger,
  type ApiClient,
} from '../../../extensions/after-sales/src/ledger-panel/use-ledger';
import type { LedgerRow } from '../../../extensions/after-sales/src/domain/ledger-row';

const row = (id: number, status: LedgerRow['status'], label: string): LedgerRow => ({
  id,
  complaint_no: `26110${id}`,
  registered_on: '2026-11-02',
  customer_name: `客户${id}`,
  demand: '要求赔付',
  stage: 'registered',
  stage_label: '已登记编号',
  holding_department: 'gm_office',
  holding_label: '总经理室',
  time_used: '3 天',
  time_left: '剩 10 天',
  status,
  status_label: label,
  urge_count: 0,
  responsible_department: null,
  responsible_label: '未判定',
  closed_on: null,
});

/** A stand-in for useApi(): records each request and answers with a page of rows. */
function fakeApi(pages: (params: Record<string, unknown>) => { rows: LedgerRow[]; total: number }) {
  const calls: { url: string; config: any }[] = [];
  const api: ApiClient = {
    async get(url, config) {
      calls.push({ url, config });
      if (config?.['responseType'] === 'blob') return { data: new Blob(['\uFEFF投诉编号\r\n']) };
      const { rows, total } = pages((config?.['params'] ?? {}) as Record<string, unknown>);
      return { data: { data: rows, meta: { total } } };
    },
  };
  return { api, calls };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await nextTick();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('useLedger', () => {
  test('loads the first page sorted by registration, newest first, and shows its rows and page count', async () => {
    const { api, calls } = fakeApi(() => ({ rows: [row(1, 'breached', '已逾期'), row(2, 'on_track', '正常')], total: 53 }));
    const ledger = useLedger(api, { limit: 25 });
    await settle();
    expect(calls[0]).toMatchObject({ url: '/after-sales/ledger', config: { params: { sort: '-registered_at', page: 1, limit: 25 } } });
    expect(ledger.rows.value.map((r) => r.status_label)).toEqual(['已逾期', '正常']);
    expect(ledger.total.value).toBe(53);
    expect(ledger.pages.value).toBe(3);
  });

  test('each filter becomes a query parameter and sends the ledger back to page 1', async () => {
    const { api, calls } = fakeApi(() => ({ rows: [], total: 80 }));
    const ledger = useLedger(api, { limit: 25 });
    await settle();
    ledger.page.value = 3;
    await settle();
    expect(calls.at(-1)!.config.params.page).toBe(3);
    ledger.filters.month = '2026-11';
    ledger.filters.stage = 'investigating';
    ledger.filters.department = 'operations';
    ledger.filters.overdueOnly = true;
    await settle();
    expect(calls.at(-1)!.config.params).toEqual({
      sort: '-registered_at',
      page: 1,
      limit: 25,
      month: '2026-11',
      stage: 'investigating',
      department: 'operations',
      overdue: 'true',
    });
    expect(ledger.page.value).toBe(1);
  });

  test('sorting by the time-left column asks the server to sort by time left; clearing the sort falls back to registration', async () => {
    const { api, calls } = fakeApi(() => ({ rows: [], total: 0 }));
    const ledger = useLedger(api, { limit: 25 });
    await settle();
    ledger.sort.value = { by: 'time_left', desc: false };
    await settle();
    expect(calls.at(-1)!.config.params.sort).toBe('time_left');
    ledger.sort.value = null;
    await settle();
    expect(calls.at(-1)!.config.params.sort).toBe('-registered_at');
  });

  test('an answer that arrives after a newer one is dropped', async () => {
    let resolveFirst: (value: any) => void = () => {};
    const calls: number[] = [];
    const api: ApiClient = {
      get(_url, config) {
        const page = (config as any).params.page as number;
        calls.push(page);
        if (calls.length === 1) return new Promise((resolve) => (resolveFirst = resolve));
        return Promise.resolve({ data: { data: [row(page, 'warning', '即将超时')], meta: { total: 100 } } });
      },
    };
    const ledger = useLedger(api, { limit: 25 });
    ledger.page.value = 2;
    await settle();
    resolveFirst({ data: { data: [row(1, 'on_track', '正常')], meta: { total: 100 } } });
    await settle();
    expect(ledger.rows.value.map((r) => r.id)).toEqual([2]);
  });

  test('a refused request shows the server’s Chinese message', async () => {
    const api: ApiClient = {
      get: async () => Promise.reject({ response: { data: { errors: [{ message: '参数 month 无效：登记月份应为 YYYY-MM 格式。' }] } } }),
    };
    const ledger = useLedger(api, { limit: 25 });
    await settle();
    expect(ledger.error.value).toBe('参数 month 无效：登记月份应为 YYYY-MM 格式。');
    expect(ledger.loading.value).toBe(false);
  });

  test('CSV export asks for every row the filters select (no page) and hands over the file', async () => {
    const { api, calls } = fakeApi(() => ({ rows: [], total: 0 }));
    const saved: { blob: Blob; name: string }[] = [];
    const ledger = useLedger(api, { limit: 25, download: (blob, name) => saved.push({ blob, name }) });
    ledger.filters.overdueOnly = true;
    await settle();
    await ledger.exportCsv();
    expect(calls.at(-1)!.config).toEqual({ params: { sort: '-registered_at', overdue: 'true', format: 'csv' }, responseType: 'blob' });
    expect(saved[0]!.name).toMatch(/^客户抱怨案件登记追踪表-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});

describe('status colours', () => {
  test.each([
    ['breached', 'var(--theme--danger)'],
    ['warning', 'var(--theme--warning-background)'],
    ['on_track', 'var(--theme--success-background)'],
    ['met_late', 'var(--theme--danger-background)'],
  ] as const)('%s has its own chip colour', (status, background) => {
    expect(chipStyle(status)['--v-chip-background-color']).toBe(background);
  });

  test('no two statuses share a colour, and every chip in the legend carries its words', () => {
    const backgrounds = Object.values(STATUS_COLOURS).map((colour) => colour.background);
    expect(new Set(backgrounds).size).toBe(backgrounds.length);
    expect(STATUS_LEGEND.map((entry) => entry.label)).toEqual(['未起算', '正常', '即将超时', '已逾期', '按时结案', '逾期结案']);
  });
});

test('ledgerParams leaves out empty filters and trims the customer name', () => {
  expect(
    ledgerParams(
      { customer: '  王芳 ', month: null, stage: null, department: null, responsible: 'tech', overdueOnly: false },
      { by: 'closed_at', desc: true },
      2,
      50,
    ),
  ).toEqual({
    sort: '-closed_at',
    page: 2,
    limit: 50,
    customer: '王芳',
    responsible: 'tech',
  });
});
