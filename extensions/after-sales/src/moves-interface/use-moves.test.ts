// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import { formatTime, stepRow, timeliness, useMoves, type ApiClient, type MoveOption, type StepRecord, type StoreField } from './use-moves';

const move = (over: Partial<MoveOption> = {}): MoveOption => ({
  to: 'plan_review',
  label: '总经理室综合意见',
  department: 'operations',
  department_label: '运营部',
  allowed: true,
  reason: null,
  approval_level: null,
  required_fields: [{ field: 'investigation_cause', label: '发生原因' }],
  fields: [
    { field: 'investigation_cause', label: '发生原因', type: 'text', required: true },
    { field: 'responsibility', label: '责任归属', type: 'text', required: false },
  ],
  confirm: null,
  ...over,
});

const step = (over: Partial<StepRecord> = {}): StepRecord => ({
  id: 7,
  from_stage: 'registered',
  to_stage: 'investigating',
  department: 'operations',
  actor: { first_name: '张', last_name: '三' },
  opinion: '请调查',
  entered_at: '2026-12-05T06:20:00.000Z',
  due_at: '2026-12-08T16:00:00.000Z',
  completed_at: null,
  ...over,
});

const storeFields: StoreField[] = [
  { field: 'stage', meta: { readonly: true, sort: 3 } },
  { field: 'responsibility', meta: { readonly: false, hidden: false, width: 'half', sort: 20, group: 'x' } },
  { field: 'investigation_cause', meta: { readonly: true, hidden: true, required: false, sort: 19, conditions: [{ readonly: true }] } },
];

/** A stand-in for useApi(): answers the moves, the step log and the item, records posts. */
function fakeApi(moves: MoveOption[], steps: StepRecord[] = [], refusal: { status: number; message: string } | null = null) {
  const posts: { url: string; body: any }[] = [];
  const gets: { url: string; config: any }[] = [];
  const api: ApiClient = {
    async get(url, config) {
      gets.push({ url, config });
      if (url.endsWith('/moves')) return { data: { data: moves } };
      if (url === '/items/complaint_steps') return { data: { data: steps } };
      return { data: { data: { investigation_cause: null, responsibility: '运营部', customer_accepted: null } } };
    },
    async post(url, body) {
      posts.push({ url, body });
      if (refusal)
        throw { response: { status: refusal.status, data: { errors: [{ message: refusal.message, extensions: { code: 'FORBIDDEN' } }] } } };
      return { data: { data: { complaint: {}, step: {} } } };
    },
  };
  return { api, posts, gets };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await nextTick();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

function setup(api: ApiClient, primaryKey: string | number | null = 12, initial: Record<string, unknown> = {}) {
  const notify = vi.fn();
  const reloadItem = vi.fn();
  const values = ref(initial);
  const moves = useMoves({
    api,
    fieldsStore: { getFieldsForCollection: () => storeFields },
    collection: ref('complaints'),
    primaryKey: ref(primaryKey),
    values,
    notify,
    reloadItem,
    now: () => new Date('2026-12-06T00:00:00Z'),
    settleMs: 10,
  });
  return { ...moves, notify, reloadItem, values };
}

describe('useMoves', () => {
  test('loads the next moves and the step history of the open complaint', async () => {
    const { api, gets } = fakeApi(
      [move(), move({ to: 'tech_analysis', label: '技术部分析', allowed: false, reason: '由运营部办理' })],
      [step()],
    );
    const { moves, steps } = setup(api);
    await settle();
    expect(moves.value.map((m) => [m.label, m.allowed, m.reason])).toEqual([
      ['总经理室综合意见', true, null],
      ['技术部分析', false, '由运营部办理'],
    ]);
    expect(gets.map((g) => g.url)).toEqual(['/after-sales/complaints/12/moves', '/items/complaint_steps']);
    expect(gets[1]!.config.params).toMatchObject({
      filter: { complaint: { _eq: 12 } },
      fields: ['*', 'actor.first_name', 'actor.last_name'],
      sort: ['id'],
    });
    expect(steps.value[0]).toMatchObject({
      stages: '已登记编号 → 运营部调查',
      department: '运营部',
      actor: '张三',
      enteredAt: '2026-12-05 14:20',
      dueAt: '2026-12-09 00:00',
      opinion: '请调查',
      timelinessText: '办理中',
    });
  });

  test('when the form shows another amount or stage (saved by the user), the moves are asked for again once it settles', async () => {
    const { api, gets } = fakeApi([move()]);
    const { values } = setup(api, 12, { stage: 'plan_review', offer_amount: null, gm_opinion: '同意' });
    await settle();
    expect(gets.filter((g) => g.url.endsWith('/moves'))).toHaveLength(1);
    values.value = { ...values.value, gm_opinion: '同意赔付' };
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(gets.filter((g) => g.url.endsWith('/moves'))).toHaveLength(1);
    values.value = { ...values.value, offer_amount: '3000' };
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(gets.filter((g) => g.url.endsWith('/moves'))).toHaveLength(2);
  });

  test('a new, unsaved complaint asks the server for nothing', async () => {
    const { api, gets } = fakeApi([move()]);
    const { moves } = setup(api, null);
    await settle();
    expect(gets).toEqual([]);
    expect(moves.value).toEqual([]);
  });

  test('the dialog shows the move’s fields as editable form fields, required marked, prefilled with the form’s values', async () => {
    const { api } = fakeApi([move()]);
    const { moves, open, fields, initialValues, missing } = setup(api, 12, { investigation_cause: '', responsibility: '运营部' });
    await settle();
    await open(moves.value[0]!);
    expect(
      fields.value.map((f) => [
        f.field,
        f.meta?.['readonly'],
        f.meta?.['hidden'],
        f.meta?.['required'],
        f.meta?.['group'],
        f.meta?.['conditions'],
      ]),
    ).toEqual([
      ['investigation_cause', false, false, true, null, null],
      ['responsibility', false, false, false, null, null],
    ]);
    expect(initialValues.value).toEqual({ investigation_cause: '', responsibility: '运营部' });
    expect(missing.value).toEqual(['发生原因']);
  });

  test('确认 sends the move with the opinion and only the values that changed, then shows success and reloads the form', async () => {
    const { api, posts } = fakeApi([move()]);
    const { moves, open, edits, opinion, submit, active, notify, reloadItem } = setup(api, 12, {
      investigation_cause: null,
      responsibility: '运营部',
    });
    await settle();
    await open(moves.value[0]!);
    edits.value = { investigation_cause: '理赔员未按时回电' };
    opinion.value = '调查完毕';
    await submit();
    expect(posts).toEqual([
      {
        url: '/after-sales/complaints/12/moves',
        body: { to: 'plan_review', opinion: '调查完毕', values: { investigation_cause: '理赔员未按时回电' } },
      },
    ]);
    expect(active.value).toBeNull();
    expect(notify).toHaveBeenCalledWith('已办理：总经理室综合意见');
    expect(reloadItem).toHaveBeenCalledTimes(1);
  });

  test('a refused move keeps the dialog open with the server’s Chinese message and does not reload', async () => {
    const { api } = fakeApi([move()], [], { status: 403, message: '拟处理金额 3,000 元须由“业务部经理”或更高级别核决' });
    const { moves, open, edits, submit, active, error, reloadItem } = setup(api);
    await settle();
    await open(moves.value[0]!);
    edits.value = { investigation_cause: '原因' };
    await submit();
    expect(active.value?.to).toBe('plan_review');
    expect(error.value).toBe('拟处理金额 3,000 元须由“业务部经理”或更高级别核决');
    expect(reloadItem).not.toHaveBeenCalled();
  });

  test('a required field left empty is named and nothing is sent', async () => {
    const { api, posts } = fakeApi([move()]);
    const { moves, open, submit, error } = setup(api);
    await settle();
    await open(moves.value[0]!);
    await submit();
    expect(posts).toEqual([]);
    expect(error.value).toBe('请先填写：发生原因。');
  });

  test('a move the user may not make opens no dialog', async () => {
    const { api } = fakeApi([move({ allowed: false, reason: '由运营部办理' })]);
    const { moves, open, active } = setup(api);
    await settle();
    await open(moves.value[0]!);
    expect(active.value).toBeNull();
  });

  test('closing says a new linked complaint will be opened unless the customer accepted', async () => {
    const closing = move({
      to: 'closed',
      label: '已结案',
      fields: [{ field: 'customer_accepted', label: '客户接受处理结果', type: 'boolean', required: false }],
      confirm: '结案后投诉不能再修改。',
    });
    const { api } = fakeApi([closing]);
    const { moves, open, edits, reopensAsNew } = setup(api, 12, { customer_accepted: null });
    await settle();
    await open(moves.value[0]!);
    expect(reopensAsNew.value).toBe(true);
    edits.value = { customer_accepted: true };
    expect(reopensAsNew.value).toBe(false);
  });
});

describe('step history rows', () => {
  test.each([
    ['completed after its due time', { completed_at: '2026-12-09T01:00:00Z' }, 'late', '逾期完成'],
    ['completed in time', { completed_at: '2026-12-07T01:00:00Z' }, 'on_time', '按时完成'],
    ['open past its due time', { due_at: '2026-12-05T16:00:00Z' }, 'overdue', '已逾期'],
    ['open within its due time', {}, 'open', '办理中'],
    ['without a stage deadline', { due_at: null }, 'no_deadline', '无时限'],
  ])('a stage %s', (_name, over, state, text) => {
    const now = new Date('2026-12-06T00:00:00Z');
    expect(timeliness(step(over), now)).toBe(state);
    expect(stepRow(step(over), now).timelinessText).toBe(text);
  });

  test('times read in Asia/Shanghai as 2026-12-05 14:20; the first step shows 新建; no user shows 系统', () => {
    expect(formatTime('2026-12-05T06:20:00.000Z')).toBe('2026-12-05 14:20');
    expect(formatTime(null)).toBe('');
    const first = stepRow(
      step({ from_stage: null, to_stage: 'draft', department: 'market', actor: null, completed_at: '2026-12-05T07:00:00Z', due_at: null }),
      new Date(),
    );
    expect(first).toMatchObject({ stages: '新建 → 草稿', department: '市场部', actor: '系统', completedAt: '2026-12-05 15:00' });
  });
});
