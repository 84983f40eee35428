import { expect, test } from 'vitest';
import type { FollowUpActor } from './follow-up-actor';
import { judgeQualityCheck } from './quality-check';

const actor = (department: FollowUpActor['department'], isAdmin = false): FollowUpActor => ({
  isAdmin,
  userId: 'u',
  department,
  policies: [],
});
const closed = { stage: 'closed' };

test.each<[string, Record<string, unknown>, Record<string, unknown> | null, FollowUpActor, string]>([
  ['Operations checks a closed complaint', { result: 'passed' }, closed, actor('operations'), 'check'],
  ['the quality department too', { result: 'failed', findings: '答复未说明依据' }, closed, actor('quality'), 'check'],
  ['an administrator too', { result: 'passed' }, closed, actor(null, true), 'check'],
  ['not the market', { result: 'passed' }, closed, actor('market'), 'refuse'],
  ['not an open complaint', { result: 'passed' }, { stage: 'negotiating' }, actor('quality'), 'refuse'],
  ['not without a complaint', { result: 'passed' }, null, actor('quality'), 'refuse'],
  ['a failed check names the problem', { result: 'failed', findings: ' ' }, closed, actor('quality'), 'refuse'],
])('%s', (_name, payload, complaint, who, kind) => {
  expect(judgeQualityCheck(payload, complaint, who).kind).toBe(kind);
});
