import { createItem, deleteItems, readItems, updateItem } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser, type Client, type StaffUser } from '../helpers/api';

// A notice in the official format for a far year, so the days written move no other test's deadlines.
const BROKEN = '四、端午节：6月11日（周一）至（周三）放假，共3天。';
const NOTICE = `国务院办公厅关于2035年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2035年元旦、春节、清明节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周一）放假1天，不调休。
二、春节：2月7日（农历除夕、周三）至14日（农历正月初七、周三）放假调休，共8天。2月4日（周日）、2月17日（周六）上班。
三、清明节：4月5日（周四）至7日（周六）放假调休，共3天。4月8日（周日）上班。
${BROKEN}
五、国庆节、中秋节：9月29日（周六）至10月6日（周六）放假调休，共8天。9月23日（周日）、10月13日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。
国务院办公厅
2034年11月10日`;

let admin: Client;
let ops: StaffUser;
const rowsOf2035 = () =>
  admin.request(
    readItems('work_calendar', {
      filter: { 'year(date)': { _eq: 2035 } } as never,
      fields: ['id', 'date', 'is_workday', 'name', 'source', 'official_day'],
      sort: ['date'],
      limit: -1,
    }),
  );
const importNotice = (client: Client, body: unknown) => callEndpoint(client, 'POST', '/after-sales/calendar/import', body);

beforeAll(async () => {
  admin = await asAdmin();
  ops = await createStaffUser('运营部');
});
afterAll(async () => {
  const rows = await rowsOf2035();
  if (rows.length)
    await admin.request(
      deleteItems(
        'work_calendar',
        rows.map((row: any) => row.id),
      ),
    );
});

describe('POST /after-sales/calendar/import (X-CALENDAR)', () => {
  test('the preview lists the days and the unreadable line and writes nothing', async () => {
    const { status, json } = await importNotice(admin, { text: NOTICE, dry_run: true });
    expect(status).toBe(200);
    expect(json.data).toMatchObject({
      year: 2035,
      unparsed: [BROKEN],
      changes: { added: 25, changed: 0, unchanged: 0, kept_company: 0, removed: 0 },
      recomputed: null,
    });
    expect(json.data.days).toHaveLength(25);
    expect(json.data.days).toContainEqual({ date: '2035-10-06', is_workday: false, name: '国庆节、中秋节' });
    expect(json.data.days).toContainEqual({ date: '2035-02-17', is_workday: true, name: '春节调休上班' });
    expect(await rowsOf2035()).toEqual([]);
  });

  test('the import writes the days as imported from the notice; importing again changes nothing', async () => {
    const first = await importNotice(admin, { text: NOTICE });
    expect(first.status).toBe(200);
    expect(first.json.data.changes).toEqual({ added: 25, changed: 0, unchanged: 0, kept_company: 0, removed: 0 });
    expect(first.json.data.recomputed).toEqual(expect.any(Number));
    const rows = await rowsOf2035();
    expect(rows).toHaveLength(25);
    expect(rows.every((row: any) => row.source === 'notice')).toBe(true);
    expect(rows.filter((row: any) => row.is_workday).map((row: any) => row.date)).toEqual([
      '2035-02-04',
      '2035-02-17',
      '2035-04-08',
      '2035-09-23',
      '2035-10-13',
    ]);
    expect(rows[0]).toMatchObject({ date: '2035-01-01', is_workday: false, name: '元旦' });

    const second = await importNotice(admin, { text: NOTICE });
    expect(second.json.data.changes).toEqual({ added: 0, changed: 0, unchanged: 25, kept_company: 0, removed: 0 });
    expect(second.json.data.unparsed).toEqual([BROKEN]);
    expect(await rowsOf2035()).toEqual(rows);
  });

  test("a corrected notice replaces the year: days it no longer lists are removed, the company's own days stay", async () => {
    const rows = await rowsOf2035();
    const byDate = (date: string) => rows.find((row: any) => row.date === date);
    // By hand: 4 June (a plain Monday) is a company rest day; 2 October (a notice holiday) the company works.
    const own = await admin.request(
      createItem('work_calendar', { date: '2035-06-04', is_workday: false, name: '公司休息日', source: 'company' }),
    );
    await admin.request(
      updateItem('work_calendar', byDate('2035-10-02')!.id, {
        is_workday: true,
        name: '国庆节、中秋节（公司调整为上班）',
        source: 'company',
        official_day: { is_workday: false, name: '国庆节、中秋节', source: 'notice' },
      }),
    );
    // The corrected notice drops 清明节's make-up Sunday (8 April) and shortens 国庆节 to 9月29日–10月1日.
    const corrected = NOTICE.replace('4月8日（周日）上班。', '不调休。').replace(
      '9月29日（周六）至10月6日（周六）放假调休，共8天。',
      '9月29日（周六）至10月1日（周一）放假，共3天。',
    );
    const preview = await importNotice(admin, { text: corrected, dry_run: true });
    expect(preview.json.data.changes).toMatchObject({ removed: 5, kept_company: 0 });
    expect(preview.json.data.removed).toContainEqual({ date: '2035-04-08', is_workday: true, name: '清明节调休上班' });
    expect(await rowsOf2035()).toHaveLength(rows.length + 1);

    const saved = await importNotice(admin, { text: corrected });
    expect(saved.status).toBe(200);
    const after = await rowsOf2035();
    const dates = after.map((row: any) => row.date);
    for (const stale of ['2035-04-08', '2035-10-03', '2035-10-06']) expect(dates).not.toContain(stale);
    expect(after.find((row: any) => row.date === '2035-06-04')).toMatchObject({ id: own.id, source: 'company', is_workday: false });
    // The company's 2 October stays; the state's arrangement under it is gone with the corrected notice.
    expect(after.find((row: any) => row.date === '2035-10-02')).toMatchObject({ source: 'company', is_workday: true, official_day: null });

    // 规则修订记录 holds each removal with the administrator as the one who changed it.
    const removals = (await admin.request(
      readItems('rule_revisions', {
        filter: { rule_collection: { _eq: 'work_calendar' }, action: { _eq: 'delete' }, item_label: { _starts_with: '2035-' } },
        limit: -1,
      }),
    )) as any[];
    expect(removals.map((entry: any) => entry.before.date).sort()).toEqual([
      '2035-04-08',
      '2035-10-03',
      '2035-10-04',
      '2035-10-05',
      '2035-10-06',
    ]);
    expect(removals.every((entry: any) => entry.changed_by && entry.status === 'pending')).toBe(true);
  });

  test('a text without any arrangement is refused in Chinese', async () => {
    const { status, json } = await importNotice(admin, { text: '国务院办公厅关于2035年部分节假日安排的通知' });
    expect(status).toBe(400);
    expect(json.errors[0].message).toContain('没有识别出任何放假或上班日期');
  });

  test('only administrators import, with a Chinese refusal for others', async () => {
    const { status, json } = await importNotice(ops.client, { text: NOTICE, dry_run: true });
    expect(status).toBe(403);
    expect(json.errors[0].message).toBe('只有管理员可以执行此操作。');
  });
});
