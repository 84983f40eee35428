import { expect, test } from 'vitest';
import { narrowPermissions, withoutFieldsNotWritten } from './read-only-fields';

test.each([
  [['*'], ['id', 'reported_at', 'insured_name'], ['reported_at'], ['id', 'insured_name']],
  [['id', 'reported_at'], ['id', 'reported_at', 'insured_name'], ['reported_at'], ['id']],
  [null, ['id', 'reported_at'], ['reported_at'], ['id']],
  [['id'], ['id', 'reported_at'], [], ['id']],
])('permission %o of %o without %o → %o', (listed, collectionFields, notWritten, expected) => {
  expect(withoutFieldsNotWritten(listed, collectionFields, notWritten)).toEqual(expected);
});

test('create and update lose the fields not written; read, other collections and no access stay', () => {
  const permissions = {
    claim_reports: { create: { access: 'full', fields: ['*'] }, update: { access: 'partial', fields: ['*'] }, read: { fields: ['*'] } },
    claim_applications: { update: { access: 'none', fields: [] } },
    customers: { update: { access: 'full', fields: ['*'] } },
  };
  const fieldsOf = (collection: string) => (collection === 'claim_reports' ? ['id', 'report_no', 'reported_at', 'channel'] : ['id']);
  const notWritten = { claim_reports: ['report_no', 'reported_at'], claim_applications: ['handed_over_at'] };
  expect(narrowPermissions(permissions, fieldsOf, notWritten)).toBe(true);
  expect(permissions.claim_reports.create.fields).toEqual(['id', 'channel']);
  expect(permissions.claim_reports.update.fields).toEqual(['id', 'channel']);
  expect(permissions.claim_reports.read.fields).toEqual(['*']);
  expect(permissions.claim_applications.update.fields).toEqual([]);
  expect(permissions.customers.update.fields).toEqual(['*']);
  // Applied again (the store is watched): nothing left to change.
  expect(narrowPermissions(permissions, fieldsOf, notWritten)).toBe(false);
});

test('before the app knows a collection’s fields its permissions stay as they are', () => {
  const permissions = { claim_reports: { create: { access: 'full', fields: ['*'] } } };
  expect(narrowPermissions(permissions, () => [], { claim_reports: ['reported_at'] })).toBe(false);
  expect(permissions.claim_reports.create.fields).toEqual(['*']);
});
