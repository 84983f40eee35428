import { expect, test } from 'vitest';
import { guidanceFor, type GuidanceText, type StepRule } from './guidance-steps';

const texts: GuidanceText[] = [
  { key: 'questions', step: 'intake', title: '询问案情', content: '…', sort: 2 },
  { key: 'greeting', step: 'intake', title: '开场', content: '…', sort: 1 },
  { key: 'no_policy', step: 'no_policy', title: '未查到保单', content: '…', sort: 3 },
  { key: 'rejected', step: 'not_accepted', title: '不予受理', content: '…', sort: 4 },
  { key: 'scene', step: 'scene', title: '现场保全', content: '…', sort: 5 },
  { key: 'scene_tasks', step: 'scene_tasks', title: '通知保护现场与查勘', content: '…', sort: 11 },
  { key: 'draft', step: 'draft', title: '受理抱怨', content: '…', sort: 6 },
];
// The seeded 通知报案人保护现场 rule (snapshots/rules.yaml).
const seeded: StepRule[] = [{ key: 'scene_protection', active: true, applies_when: { deaths: { _gte: 1 } } }];

test.each([
  ['a new report', {}, ['greeting', 'questions']],
  ['a report with no policy', { status: 'no_policy' }, ['greeting', 'questions', 'no_policy']],
  ['a rejected report with a death', { status: 'not_accepted', deaths: 1 }, ['greeting', 'questions', 'rejected', 'scene', 'scene_tasks']],
  ['a death typed as text', { deaths: '2' }, ['greeting', 'questions', 'scene', 'scene_tasks']],
  ['a complaint in draft', { stage: 'draft' }, ['greeting', 'questions', 'draft']],
])('%s', (_label, values, keys) => {
  expect(guidanceFor(texts, values, {}, seeded).map((text) => text.key)).toEqual(keys);
});

test.each([
  [
    'the top of the report form leaves the scene texts to 死亡人数',
    { exceptSteps: ['scene', 'scene_tasks'] },
    ['greeting', 'questions', 'rejected'],
  ],
  ['beside 死亡人数: the scene text only', { steps: ['scene'] }, ['scene']],
])('%s', (_label, placement, keys) => {
  expect(guidanceFor(texts, { status: 'not_accepted', deaths: 1 }, placement, seeded).map((text) => text.key)).toEqual(keys);
});

test('beside 死亡人数 nothing shows while nobody died', () => {
  expect(guidanceFor(texts, { deaths: 0 }, { steps: ['scene'] }, seeded)).toEqual([]);
});

test.each([
  ['two or more deaths (the condition raised)', [{ ...seeded[0]!, applies_when: { deaths: { _gte: 2 } } }], { deaths: 1 }, []],
  ['two or more deaths, two died', [{ ...seeded[0]!, applies_when: { deaths: { _gte: 2 } } }], { deaths: 2 }, ['scene']],
  [
    'an accident only',
    [{ ...seeded[0]!, applies_when: { incident_cause: { _eq: 'accident' } } }],
    { incident_cause: 'accident' },
    ['scene'],
  ],
  ['the rule switched off', [{ ...seeded[0]!, active: false }], { deaths: 3 }, []],
  ['the rule deleted (or not loaded yet)', [], { deaths: 3 }, []],
  ['an empty condition: every report', [{ ...seeded[0]!, applies_when: null }], { deaths: 0 }, ['scene']],
])("the scene wording follows the rule's 适用条件: %s", (_label, rules, values, keys) => {
  expect(guidanceFor(texts, values, { steps: ['scene'] }, rules).map((text) => text.key)).toEqual(keys);
});
