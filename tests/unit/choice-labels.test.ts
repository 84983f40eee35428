import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { LABELS } from '../../extensions/after-sales/src/domain/choice-labels';
import { DEPARTMENT_ROLES } from '../../extensions/after-sales/src/domain/departments';
import { isRevisedRuleTable, REVISED_RULE_TABLES } from '../../extensions/after-sales/src/domain/rule-revision';

// LABELS is built from the schema's choices (scripts/model/choices.mjs), so letters, messages and the admin
// UI say the same by construction. These tests fail when a key that is stored, printed or named in
// docs/contract.md has lost its Chinese label.
const HAN = /\p{Script=Han}/u;

test.each([
  ['cause', ['accident', 'illness', 'traffic', 'fire', 'natural_disaster', 'theft', 'other']],
  ['channel', ['phone', 'visit', 'fax', 'letter', 'other']],
  ['policy_status', ['in_force', 'lapsed', 'surrendered', 'terminated']],
  ['report_status', ['registered', 'not_accepted', 'no_policy', 'accepted', 'closed']],
  ['rejection_reason', ['out_of_period', 'policy_lapsed', 'cause_not_covered', 'time_barred']],
  ['major_reason', ['multi_death', 'large_payout', 'public_dispute', 'litigation']],
  ['claim_type', ['death', 'disability', 'burn', 'medical', 'property', 'other']],
  ['application_status', ['collecting', 'complete', 'handed_over', 'closed']],
  ['stage', ['draft', 'submitted', 'registered', 'investigating', 'tech_analysis', 'plan_review', 'negotiating', 'final_review', 'closed']],
  ['department', ['market', 'operations', 'gm_office', 'tech', 'quality']],
  [
    'collection',
    [
      'claim_reports',
      'claim_applications',
      'surrender_requests',
      'endorsement_requests',
      'complaints',
      'complaint_monthly_stats',
      'petitions',
    ],
  ],
  ['petition_status', ['submitted', 'accepted', 'rejected']],
  ['penalty_type', ['none', 'warning', 'fine', 'demerit', 'major_demerit', 'demotion']],
  ['responsibility_confirmation', ['pending', 'confirmed', 'disputed']],
  ['improvement_status', ['open', 'done', 'confirmed']],
  ['milestone', ['hq_report', 'handover', 'closed', 'monthly', 'petition_decision', 'draft', 'final_review']],
  ['guidance_step', ['intake', 'scene', 'registered', 'no_policy', 'collecting', 'draft', 'closed']],
])('every %s key has a Chinese label', (kind, keys) => {
  for (const key of keys) expect(LABELS[kind]?.[key], `${kind}.${key}`).toMatch(HAN);
});

test('every label of every kind is Chinese text', () => {
  for (const [kind, labels] of Object.entries(LABELS)) {
    expect(Object.keys(labels).length, kind).toBeGreaterThan(0);
    for (const [key, label] of Object.entries(labels)) expect(label, `${kind}.${key}`).toMatch(HAN);
  }
});

test('every kind a letter template prints with {{label}} has labels', () => {
  const dir = path.resolve(__dirname, '..', '..', 'templates', 'letters');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.hbs'));
  const kinds = new Set(
    files.flatMap((file) => [...readFileSync(path.join(dir, file), 'utf8').matchAll(/\{\{label "(\w+)"/g)].map((m) => m[1]!)),
  );
  expect(kinds.size).toBeGreaterThan(3);
  for (const kind of kinds) expect(LABELS[kind], kind).toBeDefined();
});

test('each department is labelled with the name of its role in docs/contract.md', () => {
  const roles = { market: '市场部', operations: '运营部', gm_office: '总经理室', tech: '技术部', quality: '质量管理部' };
  expect(DEPARTMENT_ROLES).toEqual(roles);
  expect(LABELS['department']).toEqual(roles);
});

test.each([
  'deadline_rules',
  'approval_authorities',
  'penalty_standards',
  'required_documents',
  'guidance_texts',
  'rule_parameters',
  'complaint_transitions',
  'numbering_rules',
  'work_calendar',
])('changes to %s wait for approval under a Chinese name', (table) => {
  expect(isRevisedRuleTable(table)).toBe(true);
  expect(REVISED_RULE_TABLES[table]).toMatch(HAN);
});
