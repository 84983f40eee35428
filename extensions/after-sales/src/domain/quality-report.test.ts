import { expect, test } from 'vitest';
import type { FollowUpActor } from './follow-up-actor';
import { judgeNewQualityReport, judgeQualityReportChange } from './quality-report';

const actor = (department: FollowUpActor['department'], isAdmin = false): FollowUpActor => ({
  isAdmin,
  userId: 'u',
  department,
  policies: [],
});
const investigated = { investigated_at: '2026-12-01T02:00:00.000Z' };
const report = { report: '客户反映理赔答复迟延，已查明原因并处理。' };

test.each<[string, Record<string, unknown>, Record<string, unknown> | null, FollowUpActor, string]>([
  ['the quality department reports an investigated complaint', report, investigated, actor('quality'), 'report'],
  ['an administrator too', report, investigated, actor(null, true), 'report'],
  ['not Operations', report, investigated, actor('operations'), 'refuse'],
  ['not before the investigation', report, { investigated_at: null }, actor('quality'), 'refuse'],
  ['not without a complaint', report, null, actor('quality'), 'refuse'],
  ['not without text', { report: '  ' }, investigated, actor('quality'), 'refuse'],
  ['not with the instruction', { ...report, gm_instruction: '同意' }, investigated, actor('quality'), 'refuse'],
])('new report: %s', (_name, payload, complaint, who, kind) => {
  expect(judgeNewQualityReport(payload, complaint, who).kind).toBe(kind);
});

const stored = { complaint: 1, ...report, status: 'reported', gm_instruction: null };
test.each<[string, Record<string, unknown>, Record<string, unknown>, FollowUpActor, string]>([
  ['the GM Office writes the instruction', stored, { gm_instruction: '加强培训' }, actor('gm_office'), 'instructed'],
  ['not the quality department', stored, { gm_instruction: '加强培训' }, actor('quality'), 'refuse'],
  ['not twice', { ...stored, status: 'instructed', gm_instruction: '甲' }, { gm_instruction: '乙' }, actor('gm_office'), 'refuse'],
  ['not empty', stored, { gm_instruction: ' ' }, actor('gm_office'), 'refuse'],
  ['the report text stays', stored, { report: '改写' }, actor(null, true), 'refuse'],
  ['nothing changed', stored, { gm_instruction: null }, actor('gm_office'), 'none'],
])('change: %s', (_name, row, changes, who, kind) => {
  expect(judgeQualityReportChange(row, changes, who).kind).toBe(kind);
});
