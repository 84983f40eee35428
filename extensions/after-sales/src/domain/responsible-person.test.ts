import { describe, expect, test } from 'vitest';
import type { FollowUpActor } from './follow-up-actor';
import { confirmableFilter, judgeNewResponsiblePerson, judgeResponsiblePersonChange } from './responsible-person';
import { meetsCondition } from './rule-condition';

const actor = (department: FollowUpActor['department'], policies: string[] = [], userId = 'u-actor'): FollowUpActor => ({
  isAdmin: false,
  userId,
  department,
  policies,
});
const admin: FollowUpActor = { isAdmin: true, userId: 'u-admin', department: null, policies: [] };
const pending = { confirmation: 'pending', department: 'market', user: 'u-clerk', penalty_type: 'warning', person_name: '张三' };

describe('judgeNewResponsiblePerson', () => {
  test.each<[string, FollowUpActor, Record<string, unknown>, string]>([
    ['Operations proposes', actor('operations'), {}, 'propose'],
    ['the GM Office proposes', actor('gm_office'), { confirmation: 'pending' }, 'propose'],
    ['the market does not', actor('market', ['业务部经理']), {}, 'refuse'],
    ['nobody proposes a confirmed penalty', actor('operations'), { confirmation: 'confirmed' }, 'refuse'],
  ])('%s', (_name, who, payload, kind) => {
    expect(judgeNewResponsiblePerson(payload, who).kind).toBe(kind);
  });
});

describe('judgeResponsiblePersonChange', () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>, FollowUpActor, string]>([
    ['the head of the person’s department confirms', pending, { confirmation: 'confirmed' }, actor('market', ['业务部经理']), 'confirmed'],
    ['部门主管 of that department confirms', pending, { confirmation: 'confirmed' }, actor('market', ['部门主管']), 'confirmed'],
    ['a colleague without the policy does not', pending, { confirmation: 'confirmed' }, actor('market'), 'refuse'],
    ['another department’s head does not', pending, { confirmation: 'confirmed' }, actor('operations', ['部门主管']), 'refuse'],
    ['the person does not confirm their own', pending, { confirmation: 'confirmed' }, actor('market', ['部门主管'], 'u-clerk'), 'refuse'],
    ['a dispute needs the reasons', pending, { confirmation: 'disputed' }, actor('market', ['部门主管']), 'refuse'],
    ['a dispute with reasons', pending, { confirmation: 'disputed', confirmation_opinion: '另有原因' }, admin, 'disputed'],
    ['Operations edits its pending proposal', pending, { penalty_type: 'fine' }, actor('operations'), 'none'],
    ['the head does not rewrite the proposal', pending, { penalty_type: 'none' }, actor('market', ['部门主管']), 'refuse'],
    ['a decided row stays', { ...pending, confirmation: 'confirmed' }, { penalty_type: 'none' }, admin, 'refuse'],
    ['an unchanged value is no change', { ...pending, confirmation: 'confirmed' }, { penalty_type: 'warning' }, admin, 'none'],
  ])('%s', (_name, stored, changes, who, kind) => {
    expect(judgeResponsiblePersonChange(stored, changes, who).kind).toBe(kind);
  });

  test('the refusal names the department whose head confirms', () => {
    expect(judgeResponsiblePersonChange(pending, { confirmation: 'confirmed' }, actor('market'))).toEqual({
      kind: 'refuse',
      reason: '个人惩处须由责任人所属部门（市场部）的主管确认。',
      forbidden: true,
    });
  });
});

describe('whose work queue shows a pending penalty (K-RESPONSIBLE)', () => {
  // The queue shows a row to exactly those the rules let confirm it: the filter agrees with the judgement.
  const rows = [
    pending,
    { ...pending, user: null, person_name: '非系统用户' },
    { ...pending, department: 'operations' },
    { ...pending, confirmation: 'confirmed' },
  ];
  test.each<[string, FollowUpActor]>([
    ['部门主管 of 市场部', actor('market', ['部门主管'])],
    ['业务部经理 (heads 市场部)', actor('market', ['业务部经理'])],
    ['a 市场部 clerk', actor('market')],
    ['the person, though a head', actor('market', ['部门主管'], 'u-clerk')],
    ['部门主管 of 运营部', actor('operations', ['部门主管'])],
    ['a user of no department', actor(null, ['部门主管'])],
  ])('%s', (_name, who) => {
    for (const row of rows) {
      const filter = confirmableFilter(who, who.department);
      const shown = filter !== null && meetsCondition(filter, row);
      const mayConfirm = judgeResponsiblePersonChange(row, { confirmation: 'confirmed' }, who).kind === 'confirmed';
      expect(shown, `${row.person_name} ${row.department} ${row.confirmation}`).toBe(mayConfirm);
    }
  });

  test('an administrator sees the department picked, or every department', () => {
    expect(meetsCondition(confirmableFilter(admin, 'market'), pending)).toBe(true);
    expect(meetsCondition(confirmableFilter(admin, 'operations'), pending)).toBe(false);
    expect(meetsCondition(confirmableFilter(admin, null), { ...pending, department: 'tech' })).toBe(true);
  });
});
