import { describe, expect, test } from 'vitest';
import type { FollowUpActor } from './follow-up-actor';
import { judgeImprovementMeasureChange, judgeNewImprovementMeasure, measureDeadline, measureUrge } from './improvement-measure';

const actor = (department: FollowUpActor['department']): FollowUpActor => ({ isAdmin: false, userId: 'u', department, policies: [] });
const open = { status: 'open', owner_department: 'market', measure: '当日转交', due_date: '2026-12-31', result: null };
const done = { ...open, status: 'done', result: '已执行' };

describe('improvement measures', () => {
  test.each<[string, FollowUpActor, Record<string, unknown>, string]>([
    ['Operations proposes', actor('operations'), {}, 'propose'],
    ['the GM Office proposes', actor('gm_office'), {}, 'propose'],
    ['the owner alone does not', actor('market'), {}, 'refuse'],
    ['a new measure is open', actor('operations'), { status: 'done' }, 'refuse'],
  ])('new: %s', (_name, who, payload, kind) => {
    expect(judgeNewImprovementMeasure(payload, who).kind).toBe(kind);
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown>, FollowUpActor, string]>([
    ['the owner completes with a result', open, { status: 'done', result: '已执行' }, actor('market'), 'done'],
    ['not without a result', open, { status: 'done' }, actor('market'), 'refuse'],
    ['not another department', open, { status: 'done', result: 'x' }, actor('operations'), 'refuse'],
    ['the owner does not move the due date', open, { due_date: '2027-01-31' }, actor('market'), 'refuse'],
    ['Operations moves it while open', open, { due_date: '2027-01-31' }, actor('operations'), 'none'],
    ['the GM Office confirms the effect', done, { status: 'confirmed' }, actor('gm_office'), 'confirmed'],
    ['Operations does not', done, { status: 'confirmed' }, actor('operations'), 'refuse'],
    ['sent back with reasons', done, { status: 'open', effect_opinion: '未落实' }, actor('gm_office'), 'reopened'],
    ['not without', done, { status: 'open' }, actor('gm_office'), 'refuse'],
    ['no skipping to confirmed', open, { status: 'confirmed' }, actor('gm_office'), 'refuse'],
    ['a confirmed measure stays', { ...done, status: 'confirmed' }, { result: '改' }, actor('market'), 'refuse'],
  ])('change: %s', (_name, stored, changes, who, kind) => {
    expect(judgeImprovementMeasureChange(stored, changes, who).kind).toBe(kind);
  });

  test('due at 24:00 of the due date in the business zone, warned at 80 % of the time from the start', () => {
    const clock = measureDeadline('2026-12-31', new Date('2026-12-21T16:00:00.000Z'), 'Asia/Shanghai')!;
    expect(clock.dueAt.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(clock.warnAt.toISOString()).toBe('2026-12-29T16:00:00.000Z');
    expect(measureDeadline('2026-12-31', new Date('2027-01-05T00:00:00.000Z'), 'Asia/Shanghai')!.warnAt.toISOString()).toBe(
      '2026-12-31T16:00:00.000Z',
    );
    expect(measureDeadline(null, new Date(), 'Asia/Shanghai')).toBeNull();
  });
});

describe('an overdue measure is urged (K-IMPROVE)', () => {
  const due = '2026-12-05T16:00:00.000Z';
  const measure = { id: 7, complaint: 3, measure: '电话回访须录音', owner_department: 'market', status: 'open', due_at: due };
  const at = (iso: string) => new Date(iso);

  test('not before its due time, nor once done', () => {
    expect(measureUrge(measure, 'TS26120001', at('2026-12-05T15:59:59.000Z'), 'Asia/Shanghai')).toBeNull();
    expect(measureUrge({ ...measure, status: 'done' }, 'TS26120001', at('2026-12-07T00:00:00.000Z'), 'Asia/Shanghai')).toBeNull();
  });

  test('past due: the owner department, one key per measure and due time, the message in Chinese', () => {
    const urge = measureUrge(measure, 'TS26120001', at('2026-12-06T01:00:00.000Z'), 'Asia/Shanghai');
    expect(urge).toEqual({
      key: `urge:improvement_measures:7:open:${due}`,
      department: 'market',
      dueAt: at(due),
      message:
        '投诉 TS26120001 的改善对策“电话回访须录音”已于 2026-12-06 00:00 到期仍未完成，请市场部立即执行并填写执行结果（第十三条 9）。',
    });
    const later = measureUrge(measure, 'TS26120001', at('2026-12-20T01:00:00.000Z'), 'Asia/Shanghai');
    expect(later?.key).toBe(urge?.key);
    const moved = measureUrge({ ...measure, due_at: '2026-12-10T16:00:00.000Z' }, null, at('2026-12-20T01:00:00.000Z'), 'Asia/Shanghai');
    expect(moved?.key).not.toBe(urge?.key);
  });
});
