import { expect, test } from 'vitest';
import { ledgerCsv } from './ledger-csv';
import type { LedgerRow } from './ledger-row';

const row: LedgerRow = {
  id: 7,
  complaint_no: '2611001',
  registered_on: '2026-11-02',
  customer_name: '=HYPERLINK("x")',
  demand: '赔付, 并"道歉"',
  stage: 'investigating',
  stage_label: '运营部调查',
  holding_department: 'operations',
  holding_label: '运营部',
  time_used: '3 天',
  time_left: '剩 10 天',
  status: 'on_track',
  status_label: '正常',
  urge_count: 0,
  responsible_department: null,
  responsible_label: '未判定',
  closed_on: null,
};

test('the CSV starts with a byte-order mark, has the screen columns, quotes commas and defuses formulas', () => {
  const csv = ledgerCsv([row]);
  expect(
    csv.startsWith('\uFEFF投诉编号,登记日期,客户,客户要求,处理阶段,当前办理部门,已用时间,剩余时间,时效状态,催办次数,责任部门,结案日期\r\n'),
  ).toBe(true);
  expect(csv.split('\r\n')[1]).toBe(
    `2611001,2026-11-02,"'=HYPERLINK(""x"")","赔付, 并""道歉""",运营部调查,运营部,3 天,剩 10 天,正常,0,未判定,`,
  );
});
