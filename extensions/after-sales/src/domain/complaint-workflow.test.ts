import { describe, expect, test } from 'vitest';
import {
  approvalEffects,
  approvedPlanChange,
  commitmentBeforeApproval,
  fieldsNotOwned,
  foreignMoveValues,
  judgeMove,
  moveFields,
  nextMoves,
  supervisorReviewRefusal,
  type MoveRequest,
  type Transition,
} from './complaint-workflow';

const transitions: Transition[] = [
  { from_stage: 'draft', to_stage: 'submitted', department: 'market', requires_approval: false, required_fields: ['demand'] },
  { from_stage: 'submitted', to_stage: 'registered', department: 'gm_office', requires_approval: false, required_fields: [] },
  {
    from_stage: 'investigating',
    to_stage: 'plan_review',
    department: 'operations',
    requires_approval: false,
    required_fields: ['investigation_cause', 'responsibility'],
  },
  { from_stage: 'plan_review', to_stage: 'negotiating', department: 'gm_office', requires_approval: true, required_fields: ['gm_opinion'] },
  { from_stage: 'negotiating', to_stage: 'plan_review', department: 'gm_office', requires_approval: false, required_fields: [] },
  { from_stage: 'negotiating', to_stage: 'plan_review', department: 'market', requires_approval: false, required_fields: [] },
  {
    from_stage: 'negotiating',
    to_stage: 'final_review',
    department: 'market',
    requires_approval: false,
    required_fields: ['negotiation_result', 'supervisor_reviewed'],
  },
];
const authorities = [
  { level: '业务部经理', max_amount: 5000, sort: 1 },
  { level: '副总经理', max_amount: 50000, sort: 2 },
  { level: '总经理', max_amount: null, sort: 3 },
];
const request = (overrides: Partial<MoveRequest>): MoveRequest => ({
  from: 'draft',
  to: 'submitted',
  complaint: { demand: '道歉' },
  department: 'market',
  isAdmin: false,
  approvalLevels: [],
  transitions,
  authorities,
  ...overrides,
});

describe('judgeMove', () => {
  test('a move in the table by the right department with its fields passes', () => {
    expect(judgeMove(request({}))).toMatchObject({ ok: true, approvalLevel: null });
  });

  test.each([
    ['a skipped stage', { to: 'registered' }, 400, '不能从“草稿”直接转到“已登记编号”。下一步只能是：“已送总经理室”。'],
    [
      'the wrong department',
      { from: 'submitted', to: 'registered', department: 'operations' as const },
      403,
      '“已送总经理室” → “已登记编号” 由总经理室办理，您所在的部门（运营部）不能执行。',
    ],
    [
      'missing fields',
      { from: 'investigating', to: 'plan_review', department: 'operations' as const, complaint: { responsibility: '' } },
      400,
      '进入“总经理室综合意见”前必须填写：发生原因、责任归属。',
    ],
    [
      'an approval above the user',
      {
        from: 'plan_review',
        to: 'negotiating',
        department: 'gm_office' as const,
        complaint: { gm_opinion: '同意', offer_amount: '8000.00' },
        approvalLevels: ['业务部经理'],
      },
      403,
      '拟处理金额 8,000 元须由“副总经理”或更高级别核决（第十三条第5款），您没有该核决权限；有权核决的人员已在其待办中看到此件。',
    ],
    [
      'an amount that is no number',
      {
        from: 'plan_review',
        to: 'negotiating',
        department: 'gm_office' as const,
        complaint: { gm_opinion: '同意', offer_amount: '待填写' },
        approvalLevels: ['总经理'],
      },
      400,
      '拟处理金额应为不小于0的数字，收到“待填写”。',
    ],
    [
      'a move whose rows name other departments',
      { from: 'negotiating', to: 'plan_review', department: 'tech' as const },
      403,
      '“市场部交涉” → “总经理室综合意见” 由总经理室或市场部办理，您所在的部门（技术部）不能执行。',
    ],
    [
      'an unticked supervisor review',
      {
        from: 'negotiating',
        to: 'final_review',
        department: 'market' as const,
        complaint: { negotiation_result: '同意', supervisor_reviewed: false },
      },
      400,
      '进入“核决”前必须填写：主管已核阅。',
    ],
  ])('%s is refused', (_label, overrides, status, reason) => {
    expect(judgeMove(request(overrides))).toEqual({ ok: false, status, reason });
  });

  test.each([
    [5000, ['业务部经理'], '业务部经理'],
    [8000, ['副总经理'], '副总经理'],
    [8000, ['总经理'], '副总经理'],
    [60000, ['总经理'], '总经理'],
  ])('%d CNY approved by %o records the level %s', (amount, held, level) => {
    expect(
      judgeMove(
        request({
          from: 'plan_review',
          to: 'negotiating',
          department: 'gm_office',
          complaint: { gm_opinion: '同意', offer_amount: amount },
          approvalLevels: held,
        }),
      ),
    ).toMatchObject({ ok: true, approvalLevel: level });
  });

  test('an approval is made by a holder of the level in any department (业务部经理 is a 市场部 user)', () => {
    const approve = {
      from: 'plan_review',
      to: 'negotiating',
      complaint: { gm_opinion: '同意', offer_amount: 3000 },
      approvalLevels: ['业务部经理'],
    };
    expect(judgeMove(request({ ...approve, department: 'market' }))).toMatchObject({ ok: true, approvalLevel: '业务部经理' });
    expect(judgeMove(request({ ...approve, department: 'gm_office', approvalLevels: [] }))).toMatchObject({ ok: false, status: 403 });
  });

  test('either department a move names may make it', () => {
    expect(judgeMove(request({ from: 'negotiating', to: 'plan_review', department: 'market' })).ok).toBe(true);
    expect(judgeMove(request({ from: 'negotiating', to: 'plan_review', department: 'gm_office' })).ok).toBe(true);
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

describe('moves and approvals bind', () => {
  const approveRow = transitions[3]!;
  const back = transitions[4]!;
  test('a move lists its required and optional fields once; next moves are one per stage', () => {
    expect(moveFields(approveRow)).toEqual([
      { field: 'gm_opinion', required: true },
      { field: 'offer_amount', required: false },
    ]);
    expect(nextMoves(transitions, 'negotiating').map((t) => t.to_stage)).toEqual(['plan_review', 'final_review']);
    expect(foreignMoveValues(approveRow, { gm_opinion: '同意', countermeasures: '改' })).toEqual(['countermeasures']);
  });

  test('the plan approval keeps the approved amount and opinion; going back clears them', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    expect(approvalEffects(approveRow, { offer_amount: '3000.00', gm_opinion: '退费' }, '业务部经理', 'u1', now)).toEqual({
      approval_level: '业务部经理',
      approved_by: 'u1',
      approved_at: now.toISOString(),
      approved_amount: '3000.00',
      approved_opinion: '退费',
    });
    expect(approvalEffects(back, {}, null, 'u1', now)).toMatchObject({
      approved_at: null,
      approved_amount: null,
      supervisor_reviewed: false,
    });
  });

  test.each([
    [{ offer_amount: 9000 }, { approved_at: '2026-12-01T00:00:00Z', offer_amount: '3000.00' }, true],
    [{ offer_amount: 3000 }, { approved_at: '2026-12-01T00:00:00Z', offer_amount: '3000.00' }, false],
    [{ gm_opinion: '改写' }, { approved_at: '2026-12-01T00:00:00Z', gm_opinion: '原意见' }, true],
    [{ offer_amount: 9000 }, { approved_at: null, offer_amount: '3000.00' }, false],
  ])('%o on %o is locked: %s', (changes, stored, locked) => {
    expect(approvedPlanChange(changes, stored) !== null).toBe(locked);
  });

  test('主管已核阅 needs 业务部经理 or higher', () => {
    expect(supervisorReviewRefusal({ supervisor_reviewed: true }, [], authorities, false)).toContain('业务部经理');
    expect(supervisorReviewRefusal({ supervisor_reviewed: true }, ['副总经理'], authorities, false)).toBeNull();
    expect(supervisorReviewRefusal({ negotiation_result: '同意' }, [], authorities, false)).toBeNull();
  });

  test.each([
    ['investigating', 'operations', { investigation_cause: '延误' }, []],
    ['investigating', 'tech', { investigation_cause: '延误' }, ['investigation_cause']],
    ['plan_review', 'gm_office', { gm_opinion: '同意', market_opinion: '改' }, ['market_opinion']],
    ['closed', 'gm_office', { customer_accepted: true }, ['customer_accepted']],
  ] as const)('at %s, %s writing %o is refused for %o', (stage, department, changes, refused) => {
    expect(fieldsNotOwned(stage, department, changes)).toEqual(refused);
  });
});
