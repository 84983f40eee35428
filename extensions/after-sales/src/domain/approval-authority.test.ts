import { describe, expect, test } from 'vitest';
import { mayApprove, requiredApprovalLevel, type ApprovalAuthority } from './approval-authority';

// The seeded defaults (snapshots/rules.yaml), in the shape Directus returns them.
const defaults: ApprovalAuthority[] = [
  { level: '总经理', max_amount: null, sort: 3 },
  { level: '业务部经理', max_amount: '5000.00', sort: 1 },
  { level: '副总经理', max_amount: '50000.00', sort: 2 },
];

describe('requiredApprovalLevel', () => {
  test.each([
    [0, '业务部经理'],
    [4999.99, '业务部经理'],
    [5000, '业务部经理'],
    [5000.01, '副总经理'],
    [49999.99, '副总经理'],
    [50000, '副总经理'],
    [50000.01, '总经理'],
    [10_000_000, '总经理'],
  ])('%d CNY needs %s', (amount, level) => {
    expect(requiredApprovalLevel(amount, defaults)).toBe(level);
  });

  test('follows the table when an administrator changes a limit', () => {
    const edited = defaults.map((row) => (row.level === '业务部经理' ? { ...row, max_amount: 8000 } : row));
    expect(requiredApprovalLevel(6000, edited)).toBe('业务部经理');
  });

  test.each([[-1], [Number.NaN]])('refuses amount %d', (amount) => {
    expect(() => requiredApprovalLevel(amount, defaults)).toThrow(RangeError);
  });

  test('a table whose top level has a limit cannot cover larger amounts', () => {
    const capped = defaults.map((row) => (row.level === '总经理' ? { ...row, max_amount: 100000 } : row));
    expect(() => requiredApprovalLevel(200000, capped)).toThrow(/no approval level covers/);
  });
});

describe('mayApprove', () => {
  test.each([
    [['业务部经理'], '业务部经理', true],
    [['业务部经理'], '副总经理', false],
    [['副总经理'], '业务部经理', true],
    [['副总经理'], '总经理', false],
    [['总经理'], '业务部经理', true],
    [['总经理'], '总经理', true],
    [[], '业务部经理', false],
    [['业务部经理', '总经理'], '总经理', true],
  ])('holding %o, required %s → %s', (held, required, expected) => {
    expect(mayApprove(held, required, defaults)).toBe(expected);
  });

  test('refuses an unknown required level', () => {
    expect(() => mayApprove(['总经理'], '董事长', defaults)).toThrow(RangeError);
  });
});
