import { expect, test } from 'vitest';
import { resolveInsured, type CustomerMatch } from './report-lookup';

const customers: CustomerMatch[] = [
  { id: 1, name: '王芳', id_number: '320102198505052345' },
  { id: 2, name: '王芳', id_number: '330106199003033456' },
  { id: 3, name: '张伟', id_number: '31010119800101123X' },
  { id: 4, name: '李娜', id_number: null },
];
const policies: Record<number, number[]> = { 1: [11], 2: [21, 22], 3: [31], 4: [] };
const policiesOf = (id: number) => policies[id] ?? [];

test.each([
  ['a unique name with one policy', { insuredName: '张伟', insuredIdNumber: null }, { kind: 'policy', policyId: 31 }],
  ['two namesakes and no ID number', { insuredName: '王芳', insuredIdNumber: null }, { kind: 'ambiguous', candidates: 2 }],
  ['a namesake pinned by ID number', { insuredName: '王芳', insuredIdNumber: '320102198505052345' }, { kind: 'policy', policyId: 11 }],
  ['ID number with a lower-case x', { insuredName: '张伟', insuredIdNumber: '31010119800101123x' }, { kind: 'policy', policyId: 31 }],
  ['a person with two policies', { insuredName: '王芳', insuredIdNumber: '330106199003033456' }, { kind: 'choose_policy', policies: 2 }],
  ['a customer without policies', { insuredName: '李娜', insuredIdNumber: null }, { kind: 'no_policy' }],
  ['nobody of that name', { insuredName: '孙强', insuredIdNumber: null }, { kind: 'no_policy' }],
  [
    'an unknown ID number does not fall back to the name',
    { insuredName: '张伟', insuredIdNumber: '110101199001011234' },
    { kind: 'no_policy' },
  ],
])('%s', (_label, input, expected) => {
  expect(resolveInsured(input, customers, policiesOf)).toEqual(expected);
});
