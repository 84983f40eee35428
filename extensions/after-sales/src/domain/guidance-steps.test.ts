import { expect, test } from 'vitest';
import { guidanceFor, type GuidanceText } from './guidance-steps';

const texts: GuidanceText[] = [
  { key: 'questions', step: 'intake', title: '询问案情', content: '…', sort: 2 },
  { key: 'greeting', step: 'intake', title: '开场', content: '…', sort: 1 },
  { key: 'no_policy', step: 'no_policy', title: '未查到保单', content: '…', sort: 3 },
  { key: 'rejected', step: 'not_accepted', title: '不予受理', content: '…', sort: 4 },
  { key: 'scene', step: 'scene', title: '现场保全', content: '…', sort: 5 },
  { key: 'draft', step: 'draft', title: '受理抱怨', content: '…', sort: 6 },
];

test.each([
  ['a new report', {}, ['greeting', 'questions']],
  ['a report with no policy', { status: 'no_policy' }, ['greeting', 'questions', 'no_policy']],
  ['a rejected report with a death', { status: 'not_accepted', deaths: 1 }, ['greeting', 'questions', 'rejected', 'scene']],
  ['a complaint in draft', { stage: 'draft' }, ['greeting', 'questions', 'draft']],
])('%s', (_label, values, keys) => {
  expect(guidanceFor(texts, values).map((text) => text.key)).toEqual(keys);
});

test.each([
  ['the top of the report form leaves the scene text to 死亡人数', { exceptSteps: ['scene'] }, ['greeting', 'questions', 'rejected']],
  ['beside 死亡人数: the scene text only', { steps: ['scene'] }, ['scene']],
])('%s', (_label, placement, keys) => {
  expect(guidanceFor(texts, { status: 'not_accepted', deaths: 1 }, placement).map((text) => text.key)).toEqual(keys);
});

test('beside 死亡人数 nothing shows while nobody died', () => {
  expect(guidanceFor(texts, { deaths: 0 }, { steps: ['scene'] })).toEqual([]);
});
