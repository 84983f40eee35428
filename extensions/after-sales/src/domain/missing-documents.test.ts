import { expect, test } from 'vitest';
import { checklistAfterTypeChange, checklistFor, missingDocuments, type RequiredDocument } from './missing-documents';

const table: RequiredDocument[] = [
  { claim_type: 'all', doc_type: 'policy_original', required: true, sort: 1 },
  { claim_type: 'all', doc_type: 'claim_form', required: true, sort: 5 },
  { claim_type: 'medical', doc_type: 'medical_records', required: true, sort: 40 },
  { claim_type: 'medical', doc_type: 'pathology_report', required: false, sort: 44 },
  { claim_type: 'death', doc_type: 'death_proof', required: true, sort: 10 },
];

test('the checklist is the basic documents plus those of the claim type, in order', () => {
  expect(checklistFor('medical', table).map((row) => row.doc_type)).toEqual([
    'policy_original',
    'claim_form',
    'medical_records',
    'pathology_report',
  ]);
});

test.each([
  [[], ['policy_original', 'claim_form', 'medical_records']],
  [
    [
      { doc_type: 'policy_original', received: true },
      { doc_type: 'claim_form', received: false },
    ],
    ['claim_form', 'medical_records'],
  ],
  [
    [
      { doc_type: 'policy_original', received: true },
      { doc_type: 'claim_form', received: true },
      { doc_type: 'medical_records', received: true },
    ],
    [],
  ],
])('medical claim with %o is missing %o (optional pathology report never blocks)', (received, missing) => {
  expect(missingDocuments('medical', table, received)).toEqual(missing);
});

test('a change of claim type adds the new documents and keeps what was received', () => {
  const entries = [
    { id: 1, doc_type: 'policy_original', received: true },
    { id: 2, doc_type: 'claim_form', received: false },
    { id: 3, doc_type: 'medical_records', received: true },
    { id: 4, doc_type: 'pathology_report', received: false },
  ];
  expect(checklistAfterTypeChange('death', table, entries)).toEqual({ add: ['death_proof'], remove: [4] });
  expect(checklistAfterTypeChange('medical', table, entries)).toEqual({ add: [], remove: [] });
});
