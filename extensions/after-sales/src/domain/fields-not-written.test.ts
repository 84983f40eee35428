import { expect, test } from 'vitest';
import { forbiddenBackEntry } from './back-entry-fields';
import { fieldsNotWritten } from './fields-not-written';
import { forgedServerField } from './server-set-fields';

test.each([
  ['市场部', false, 'claim_reports', 'reported_at', true],
  ['市场部', false, 'claim_applications', 'handed_over_at', true],
  ['运营部', false, 'claim_applications', 'materials_complete_at', true],
  ['总经理室', false, 'complaints', 'registered_at', false],
  ['市场部', false, 'complaints', 'closed_at', true],
  [null, true, 'claim_reports', 'reported_at', false],
  [null, true, 'claim_reports', 'report_no', true],
  ['市场部', false, 'claim_reports', 'insured_name', false],
])('%s (admin %s): %s.%s not written → %s', (role, admin, collection, field, notWritten) => {
  expect(fieldsNotWritten(admin, role)[collection]?.includes(field) ?? false).toBe(notWritten);
});

test('the form shows read-only exactly what a save of that field is refused for', () => {
  for (const [role, admin] of [
    ['市场部', false],
    ['运营部', false],
    ['总经理室', false],
    [null, true],
  ] as const) {
    const listed = fieldsNotWritten(admin, role);
    for (const [collection, fields] of Object.entries(listed)) {
      for (const field of fields) {
        const refused = forgedServerField(collection, { [field]: 'x' }) ?? forbiddenBackEntry(collection, { [field]: 'x' }, admin, role);
        expect(refused, `${role} ${collection}.${field}`).not.toBeNull();
      }
    }
    expect(listed['claim_reports']).toContain('report_no');
  }
});
