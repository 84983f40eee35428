import { createItem, readDashboards, readPanels } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { accessFile } from '../helpers/access-file';
import { asAdmin, baseUrl, callEndpoint, createStaffUser, type Client, type StaffUser } from '../helpers/api';
import { closedPayload, complaintPayload } from '../helpers/fixtures';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const tag = `台账${randomUUID().slice(0, 6)}`;
const shanghaiMonth = (value: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date(value));

let admin: Client;
let gm: StaffUser;
let tech: StaffUser;
const ids: Record<string, number> = {};
const registered: Record<string, string> = {};

async function ledger(user: Client, query: Record<string, string>) {
  const response = await callEndpoint(user, 'GET', `/after-sales/ledger?${new URLSearchParams({ customer: tag, ...query })}`);
  return response;
}

beforeAll(async () => {
  admin = await asAdmin();
  const now = Date.now();
  // Back-entry of registered_at (administrators may) puts each 13-day clock where the test needs it.
  const cases: [string, Record<string, unknown>][] = [
    ['breached', { stage: 'investigating', registered_at: iso(now - 20 * DAY) }],
    ['warning', { stage: 'registered', registered_at: iso(now - 12 * DAY) }],
    ['on_track', { stage: 'registered', registered_at: iso(now - DAY) }],
    ['not_started', { stage: 'submitted' }],
    [
      'met_late',
      closedPayload(iso(now - 40 * DAY), iso(now - 10 * DAY), { responsible_department: 'operations', customer_accepted: true }),
    ],
    ['met', closedPayload(iso(now - 40 * DAY), iso(now - 35 * DAY), { responsible_department: 'market', customer_accepted: true })],
    ['tech', { stage: 'tech_analysis', registered_at: iso(now - 2 * DAY) }],
  ];
  for (const [name, fields] of cases) {
    const complaint = await admin.request(createItem('complaints', complaintPayload({ ...fields, customer_name: `${tag}${name}` })));
    ids[name] = complaint.id;
    registered[name] = complaint.registered_at;
  }
  // The sweep issues the breached complaint's urge notice (催办单), which the ledger counts.
  expect((await callEndpoint(admin, 'POST', '/after-sales/sweep')).status).toBe(200);
  gm = await createStaffUser('总经理室');
  tech = await createStaffUser('技术部');
});

describe('complaint ledger (客户抱怨案件登记追踪表)', () => {
  test('one row per complaint with its stage, holder, times, status and urge notices', async () => {
    const { status, json } = await ledger(gm.client, { limit: '50' });
    expect(status).toBe(200);
    expect(json.meta.total).toBe(7);
    const row = (name: string) => json.data.find((r: any) => r.id === ids[name]);
    expect(row('breached')).toMatchObject({
      status: 'breached',
      status_label: '已逾期',
      stage_label: '运营部调查',
      holding_label: '运营部',
      time_used: '20 天',
      time_left: '逾期 7 天',
      urge_count: 1,
    });
    expect(row('warning')).toMatchObject({
      status: 'warning',
      status_label: '即将超时',
      time_used: '12 天',
      time_left: '剩 1 天',
      urge_count: 0,
    });
    expect(row('on_track')).toMatchObject({ status: 'on_track', status_label: '正常', time_used: '1 天', time_left: '剩 12 天' });
    expect(row('not_started')).toMatchObject({ status: 'not_started', complaint_no: null, time_left: '—' });
    expect(row('met_late')).toMatchObject({
      status: 'met_late',
      status_label: '逾期结案',
      time_left: '逾期 17 天',
      responsible_label: '运营部',
    });
    expect(row('met')).toMatchObject({ status: 'met', status_label: '按时结案', time_used: '5 天', responsible_label: '市场部' });
    expect(row('breached').complaint_no).toMatch(/^\d{4}\d+$/);
  });

  test('sorted by time left: running clocks by due time first, then unregistered, then closed', async () => {
    const { json } = await ledger(gm.client, { sort: 'time_left', limit: '50' });
    expect(json.data.map((r: any) => r.id)).toEqual(
      ['breached', 'warning', 'tech', 'on_track', 'not_started', 'met_late', 'met'].map((name) => ids[name]),
    );
    const reversed = await ledger(gm.client, { sort: '-time_left', limit: '50' });
    expect(reversed.json.data.slice(0, 4).map((r: any) => r.id)).toEqual(
      ['on_track', 'tech', 'warning', 'breached'].map((name) => ids[name]),
    );
  });

  test('pages are cut in the database, across the time-left segments', async () => {
    const { json } = await ledger(gm.client, { sort: 'time_left', limit: '2', page: '3' });
    expect(json.meta).toMatchObject({ total: 7, page: 3, limit: 2 });
    expect(json.data.map((r: any) => r.id)).toEqual([ids['not_started'], ids['met_late']]);
  });

  test('filters: overdue only, stage, holding and responsible department, registration month', async () => {
    const names = async (query: Record<string, string>) =>
      (await ledger(gm.client, { limit: '50', ...query })).json.data.map((r: any) => r.id).sort();
    expect(await names({ overdue: 'true' })).toEqual([ids['breached']]);
    expect(await names({ stage: 'registered' })).toEqual([ids['warning'], ids['on_track']].sort());
    expect(await names({ department: 'gm_office' })).toEqual([ids['warning'], ids['on_track'], ids['not_started']].sort());
    expect(await names({ responsible: 'operations' })).toEqual([ids['met_late']]);
    const month = shanghaiMonth(registered['breached']!);
    const inMonth = Object.entries(registered)
      .filter(([, at]) => at && shanghaiMonth(at) === month)
      .map(([name]) => ids[name])
      .sort();
    expect(await names({ month })).toEqual(inMonth);
  });

  test('CSV export: UTF-8 with BOM, the screen columns, every filtered row', async () => {
    const token: string = await (gm.client as any).getToken();
    const response = await fetch(
      `${baseUrl()}/after-sales/ledger?${new URLSearchParams({ customer: tag, sort: 'time_left', format: 'csv', limit: '1' })}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]).toBe('投诉编号,登记日期,客户,客户要求,处理阶段,当前办理部门,已用时间,剩余时间,时效状态,催办次数,责任部门,结案日期');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toContain(`${tag}breached`);
    expect(lines[1]).toContain('已逾期');
  });

  test('a wrong parameter is a 400 in Chinese naming it', async () => {
    const { status, json } = await ledger(gm.client, { month: '2026-13' });
    expect(status).toBe(400);
    expect(json.errors[0].message).toContain('month');
    expect(json.errors[0].message).toContain('YYYY-MM');
  });

  test('without signing in there is no ledger and no counts', async () => {
    for (const route of ['/after-sales/ledger', '/after-sales/ledger?format=csv', '/after-sales/deadline-status']) {
      expect([401, 403], route).toContain((await fetch(`${baseUrl()}${route}`)).status);
    }
  });

  test('the caller’s permissions apply: 技术部 sees only the complaints it may read', async () => {
    const { json } = await ledger(tech.client, { limit: '50' });
    expect(json.data.map((r: any) => r.id)).toEqual([ids['tech']]);
    expect(json.meta.total).toBe(1);
  });
});

describe('deadline status (案件时效状态)', () => {
  test('counts per case type follow the cases: a new breached complaint adds one to 已逾期', async () => {
    const counts = async () =>
      (await callEndpoint(gm.client, 'GET', '/after-sales/deadline-status?clocks=complaint_close,handover')).json.data;
    const before = await counts();
    expect(before.map((entry: any) => entry.clock)).toEqual(['handover', 'complaint_close']);
    await admin.request(
      createItem(
        'complaints',
        complaintPayload({ customer_name: `${tag}late2`, stage: 'registered', registered_at: iso(Date.now() - 25 * DAY) }),
      ),
    );
    const after = await counts();
    const close = (data: any[]) => data.find((entry) => entry.clock === 'complaint_close');
    expect(close(after).counts).toEqual({ ...close(before).counts, breached: close(before).counts.breached + 1 });
    expect(close(after).filters.breached).toEqual({
      _and: [{ due_at: { _nnull: true } }, { closed_at: { _null: true } }, { stage: { _neq: 'closed' } }, { due_at: { _lte: '$NOW' } }],
    });
  });

  test('a case type the caller may not read shows no counts; an unknown clock is a 400', async () => {
    const { json } = await callEndpoint(tech.client, 'GET', '/after-sales/deadline-status?clocks=handover,complaint_close');
    expect(json.data.find((entry: any) => entry.clock === 'handover').counts).toBeNull();
    expect(json.data.find((entry: any) => entry.clock === 'complaint_close').counts).not.toBeNull();
    const refused = await callEndpoint(gm.client, 'GET', '/after-sales/deadline-status?clocks=nope');
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].message).toContain('clocks');
  });
});

describe('seeded dashboards (X-DASH)', () => {
  test('投诉管理 and 理赔时效 exist with their panels', async () => {
    const dashboards = await admin.request(readDashboards({ fields: ['id', 'name'], limit: -1 }));
    const byName = (name: string) => dashboards.find((d: any) => d.name === name);
    expect(byName('投诉管理')).toBeTruthy();
    expect(byName('理赔时效')).toBeTruthy();
    const panels = await admin.request(readPanels({ filter: { dashboard: { _eq: byName('投诉管理')!.id } }, fields: ['type'], limit: -1 }));
    expect(panels.map((p: any) => p.type).sort()).toEqual([
      'after-sales-complaint-ledger',
      'after-sales-deadline-status',
      'after-sales-monthly-stats',
    ]);
  });

  test.each(['市场部', '运营部', '总经理室', '技术部', '质量管理部'])(
    '%s sees the dashboards access.yaml gives it, with their panels',
    async (role) => {
      const user = await createStaffUser(role);
      const cell = accessFile.matrix[role]!['directus_dashboards'] as unknown as { read: { name: { _in: string[] } } };
      const dashboards = await user.client.request(readDashboards({ fields: ['id', 'name'], limit: -1 }));
      expect(dashboards.map((d: any) => d.name).sort()).toEqual([...cell.read.name._in].sort());
      const panels = await user.client.request(readPanels({ fields: ['dashboard'], limit: -1 }));
      expect(new Set(panels.map((p: any) => p.dashboard))).toEqual(new Set(dashboards.map((d: any) => d.id)));
    },
  );
});
