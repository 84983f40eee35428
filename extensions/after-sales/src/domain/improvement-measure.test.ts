import { describe, expect, test } from 'vitest';
import type { FollowUpActor } from './follow-up-actor';
import { judgeImprovementMeasureChange, judgeNewImprovementMeasure, measureDeadline } from './improvement-measure';

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
