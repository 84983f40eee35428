import { describe, expect, test } from 'vitest';
import { controlCharacterViolation, inputViolation, typeViolation } from './input-rules';

describe('typeViolation', () => {
  test.each([
    ['integer', 3, null],
    ['integer', '12', null],
    ['integer', 'abc', '应为整数'],
    ['integer', 1.5, '应为整数'],
    ['decimal', '1200.50', null],
    ['decimal', 'a lot', '应为数字'],
    ['decimal', Number.NaN, '应为数字'],
    ['boolean', true, null],
    ['boolean', 'yes', '应为“是”或“否”（true/false）'],
    ['date', '2026-02-28', null],
    ['date', '2028-02-29', null],
    ['date', '2026-02-30', '不是有效的日期（格式 YYYY-MM-DD，且须是日历上存在的日期）'],
    ['date', '2026-13-01', '不是有效的日期（格式 YYYY-MM-DD，且须是日历上存在的日期）'],
    ['timestamp', '2026-11-20T02:00:00.000Z', null],
    ['timestamp', '2026-11-20T10:00:00+08:00', null],
    ['timestamp', '2026-02-30T10:00:00Z', '不是有效的日期时间（ISO 8601，且须是日历上存在的日期）'],
    ['timestamp', '2026-11-20T25:00:00Z', '不是有效的日期时间（ISO 8601，且须是日历上存在的日期）'],
    ['timestamp', 'yesterday', '不是有效的日期时间（ISO 8601，且须是日历上存在的日期）'],
    ['string', 'x'.repeat(255), null],
    ['string', 'x'.repeat(256), '太长：最多 255 个字符'],
    ['string', { name: 'x' }, '应为文字'],
    ['string', 'x'.repeat(65), '太长：最多 64 个字符', 64],
    ['string', 'x'.repeat(64), null, 64],
    ['text', 'x'.repeat(10_001), '太长：最多 10000 个字符'],
    ['integer', null, null],
  ])('%s %j → %s', (type, value, expected, maxLength?: number) => {
    expect(typeViolation(type, value, maxLength)).toBe(expected);
  });
});

describe('controlCharacterViolation', () => {
  test.each([
    ['骑车摔倒，右腿骨折', null],
    ['客户说“不满意”；要求 3 天内答复', null],
    ["O'Brien and 1 = 1 apples", null],
    ['<小明> & "小红"', null],
    ['<script>alert(1)</script>', null],
    ['{{#each policies}}{{/each}}', null],
    ['请 select 一个方案 from 列表', null],
    ["x'; DROP TABLE complaints; --", null],
    ['见附件/*1*/', null],
    ['第一行\n第二行\r\n\t缩进', null],
    ['a\u0000b', '不能包含控制字符'],
    ['响铃\u0007', '不能包含控制字符'],
    ['退格\u0008', '不能包含控制字符'],
    ['删除\u007f', '不能包含控制字符'],
  ])('%j → %s', (value, expected) => {
    expect(controlCharacterViolation(value)).toBe(expected);
  });
});

describe('inputViolation', () => {
  const now = new Date('2026-11-26T02:00:00.000Z');
  const fieldTypes = {
    incident_at: 'timestamp',
    reported_at: 'timestamp',
    incident_place: 'string',
    start_date: 'date',
    end_date: 'date',
    terminated_at: 'date',
    content: 'text',
  };
  const labels = { incident_at: '出险时间', start_date: '保险起期', end_date: '保险止期' };
  const check = (collection: string, changes: Record<string, unknown>, current: Record<string, unknown> | null = null) =>
    inputViolation({ collection, fieldTypes, changes, current, now, labels });

  test('an accident in the future is refused; a few minutes ahead is clock skew', () => {
    expect(check('claim_reports', { incident_at: '2026-11-27T02:00:00.000Z' })).toEqual({
      field: 'incident_at',
      rule: '不能晚于当前时间（事件尚未发生）',
    });
    expect(check('claim_reports', { incident_at: '2026-11-26T02:05:00.000Z' })).toBeNull();
  });
  test('a report before the accident is refused', () => {
    expect(check('claim_reports', { incident_at: '2026-11-20T02:00:00.000Z', reported_at: '2026-11-19T02:00:00.000Z' })).toEqual({
      field: 'reported_at',
      rule: '不能早于“出险时间”',
    });
  });
  test('a policy ending before it starts is refused, checked against the stored item on update', () => {
    expect(check('policies', { start_date: '2026-12-01', end_date: '2026-01-01' })).toEqual({
      field: 'end_date',
      rule: '不能早于“保险起期”',
    });
    expect(check('policies', { start_date: '2027-01-01' }, { start_date: '2026-01-01', end_date: '2026-12-31' })).toEqual({
      field: 'start_date',
      rule: '不能晚于“保险止期”',
    });
    expect(check('policies', { end_date: '2027-12-31' }, { start_date: '2026-01-01', end_date: '2026-12-31' })).toBeNull();
  });
  test('free text is stored as typed; control characters are refused in case data only', () => {
    expect(check('claim_reports', { incident_place: '<小明>家 & "公司" {{x}}' })).toBeNull();
    expect(check('claim_reports', { incident_place: '漕溪北路\u0000' })).toEqual({ field: 'incident_place', rule: '不能包含控制字符' });
    expect(check('guidance_texts', { content: '请<b>核实</b>身份\u0000' })).toBeNull();
  });
  test('a masked ID number or phone sent back is refused, never stored', () => {
    expect(
      inputViolation({ collection: 'customers', fieldTypes: { phone: 'string' }, changes: { phone: '138****1234' }, current: null, now }),
    ).toEqual({ field: 'phone', rule: '是打码显示的值（含 *），不能保存；如需修改，请填写完整号码' });
  });
  test('fields the collection does not have are left to Directus', () => {
    expect(check('claim_reports', { unknown_field: 'abc' })).toBeNull();
  });
});
