import { expect, test } from 'vitest';
import { LABELS } from '../../extensions/after-sales/src/domain/choice-labels';
import * as CHOICES from '../../scripts/model/choices.mjs';

// What letters and server messages say must be what the admin UI shows for the same key.
test.each([
  ['cause', CHOICES.CAUSES],
  ['rejection_reason', CHOICES.REJECTION_REASONS],
  ['department', CHOICES.DEPARTMENTS],
  ['stage', CHOICES.STAGES],
  ['policy_status', CHOICES.POLICY_STATUSES],
  ['report_status', CHOICES.REPORT_STATUSES],
  ['major_reason', CHOICES.MAJOR_REASONS],
  ['claim_type', CHOICES.CLAIM_TYPES],
  ['application_status', CHOICES.APPLICATION_STATUSES],
  ['petition_status', CHOICES.PETITION_STATUSES],
  ['document', CHOICES.DOCUMENT_TYPES],
  ['channel', CHOICES.CHANNELS],
  ['milestone', CHOICES.DEADLINE_MILESTONES],
  ['guidance_step', CHOICES.GUIDANCE_STEPS],
])('%s labels equal the schema choices', (kind, choices) => {
  expect(LABELS[kind]).toEqual(Object.fromEntries((choices as { value: string; text: string }[]).map((c) => [c.value, c.text])));
});

test('collection labels equal the schema choices where both name the collection', () => {
  const schema = Object.fromEntries(CHOICES.CASE_COLLECTIONS.map((c: { value: string; text: string }) => [c.value, c.text]));
  for (const [key, label] of Object.entries(LABELS['collection']!)) expect(label, key).toBe(schema[key]);
});

test('the rule tables of 规则修订记录 and their names equal the schema choices', async () => {
  const { REVISED_RULE_TABLES } = await import('../../extensions/after-sales/src/domain/rule-revision');
  expect(REVISED_RULE_TABLES).toEqual(
    Object.fromEntries(CHOICES.RULE_TABLES.map((c: { value: string; text: string }) => [c.value, c.text])),
  );
});
