import { describe, expect, test } from 'vitest';
import { commitmentBeforeApproval, judgeMove, type MoveRequest, type Transition } from './complaint-workflow';

const transitions: Transition[] = [
  { from_stage: 'draft', to_stage: 'submitted', department: 'market', requires_approval: false, required_fields: ['demand'] },
  { from_stage: 'submitted', to_stage: 'registered', department: 'gm_office', requires_approval: false, required_fields: [] },
  { from_stage: 'investigating', to_stage: 'plan_review', department: 'operations', requires_approval: false, required_fields: ['investigation_cause', 'responsibility'] },
  { from_stage: 'plan_review', to_stage: 'negotiating', department: 'gm_office', requires_approval: true, required_fields: ['gm_opinion'] },
];
const authorities = [
  { level: '业务部经理', max_amount: 5000, sort: 1 },
  { level: '副总经理', max_amount: 50000, sort: 2 },
  { level: '总经理', max_amount: null, sort: 3 },
];
const request = (overrides: Partial<MoveRequest>): MoveRequest => ({
  from: 'draft', to: 'submitted', complaint: { demand: '道歉' }, department: 'market', isAdmin: false, approvalLevels: [], transitions, authorities, ...overrides,
});

describe('judgeMove', () => {
  test('a move in the table by the right department with its fields passes', () => {
    expect(judgeMove(request({}))).toMatchObject({ ok: true, approvalLevel: null });
  });

  test.each([
    ['a skipped stage', { to: 'registered' }, 400, '不能从“草稿”直接转到“已登记编号”。下一步只能是：“已送总经理室”。'],
    ['the wrong department', { from: 'submitted', to: 'registered', department: 'operations' as const }, 403, '“已送总经理室” → “已登记编号” 由总经理室办理，您所在的部门（运营部）不能执行。'],
    ['missing fields', { from: 'investigating', to: 'plan_review', department: 'operations' as const, complaint: { responsibility: '' } }, 400, '进入“总经理室综合意见”前必须填写：发生原因、责任归属。'],
    ['an approval above the user', { from: 'plan_review', to: 'negotiating', department: 'gm_office' as const, complaint: { gm_opinion: '同意', offer_amount: '8000.00' }, approvalLevels: ['业务部经理'] }, 403, '拟处理金额 8,000 元须由“副总经理”或更高级别核决，您的核决权限不足。请呈副总经理核决。'],
  ])('%s is refused', (_label, overrides, status, reason) => {
    expect(judgeMove(request(overrides))).toEqual({ ok: false, status, reason });
  });

  test.each([
    [5000, ['业务部经理'], '业务部经理'],
    [8000, ['副总经理'], '副总经理'],
    [8000, ['总经理'], '副总经理'],
    [60000, ['总经理'], '总经理'],
  ])('%d CNY approved by %o records the level %s', (amount, held, level) => {
    expect(judgeMove(request({ from: 'plan_review', to: 'negotiating', department: 'gm_office', complaint: { gm_opinion: '同意', offer_amount: amount }, approvalLevels: held }))).toMatchObject({ ok: true, approvalLevel: level });
  });

  test('administrators may act for any department but not skip a stage', () => {
    expect(judgeMove(request({ from: 'submitted', to: 'registered', department: null, isAdmin: true })).ok).toBe(true);
    expect(judgeMove(request({ to: 'closed', department: null, isAdmin: true })).ok).toBe(false);
  });
});

describe('commitmentBeforeApproval', () => {
  test.each([
    [{ negotiation_result: '同意赔付' }, {}, true],
    [{ customer_accepted: true }, { approved_at: null }, true],
    [{ negotiation_result: '同意赔付' }, { approved_at: '2026-11-20T00:00:00Z' }, false],
    [{ market_opinion: '属实' }, {}, false],
    [{ customer_accepted: false }, {}, false],
  ])('%o on %o refused: %s', (changes, complaint, refused) => {
    expect(commitmentBeforeApproval(changes, complaint) !== null).toBe(refused);
  });
});
