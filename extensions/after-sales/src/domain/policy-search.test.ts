import { describe, expect, test } from 'vitest';
import { customerFilter, normalizeSearchTerm, policyChoices, policyFilter } from './policy-search';

const FULL = { idNumber: true, phone: true, idNumberMasked: true, phoneMasked: true };
const MASKED_ONLY = { idNumber: false, phone: false, idNumberMasked: true, phoneMasked: true };

describe('customerFilter', () => {
  test.each([
    ['a name searches names only', '张伟', FULL, [{ name: { _icontains: '张伟' } }]],
    [
      'digits search the ID number and the phone of a full reader',
      '13800001234',
      FULL,
      [{ name: { _icontains: '13800001234' } }, { id_number: { _icontains: '13800001234' } }, { phone: { _icontains: '13800001234' } }],
    ],
    [
      'an ID number with X, spaces and dashes',
      '110101 1990-0101 123X',
      FULL,
      [
        { name: { _icontains: '110101 1990-0101 123X' } },
        { id_number: { _icontains: '11010119900101123X' } },
        { phone: { _icontains: '11010119900101123X' } },
      ],
    ],
    ['a masked reader never searches the full values', '13800001234', MASKED_ONLY, [{ name: { _icontains: '13800001234' } }]],
    [
      'a masked reader finds by the last four digits the copy shows',
      '1234',
      MASKED_ONLY,
      [{ name: { _icontains: '1234' } }, { id_number_masked: { _ends_with: '1234' } }, { phone_masked: { _ends_with: '1234' } }],
    ],
  ])('%s', (_label, term, readable, conditions) => {
    expect(customerFilter(term, readable)).toEqual({ _or: conditions });
  });
});

test('normalizeSearchTerm: full-width digits and spaces made plain', () => {
  expect(normalizeSearchTerm('  １３８ ０００  ')).toBe('138 000');
});

test('policyFilter: the policy number, and the insured or policyholder among the customers found', () => {
  expect(policyFilter('BD 12', [])).toEqual({ _or: [{ policy_no: { _icontains: 'BD12' } }] });
  expect(policyFilter('张伟', [3, 4])).toEqual({
    _or: [{ policy_no: { _icontains: '张伟' } }, { insured: { _in: [3, 4] } }, { policyholder: { _in: [3, 4] } }],
  });
});

describe('policyChoices', () => {
  const person = (id: number, name: string, idNumber: string) => ({
    id,
    name,
    id_number: idNumber,
    id_number_masked: `${idNumber.slice(0, 3)}***${idNumber.slice(-4)}`,
    phone_masked: '138****0000',
  });
  const policies = [
    {
      id: 1,
      policy_no: 'BD1',
      status: 'lapsed',
      start_date: '2025-01-01',
      end_date: '2025-12-31',
      terminated_at: '2025-06-01',
      product: { name: '意外险', code: 'A' },
      insured: person(10, '张伟', '110101199001011234'),
      policyholder: person(10, '张伟', '110101199001011234'),
    },
    {
      id: 2,
      policy_no: 'BD2',
      status: 'in_force',
      start_date: '2026-01-01',
      end_date: '2026-12-31',
      terminated_at: null,
      product: { name: '医疗险', code: 'M' },
      insured: person(11, '张伟', '110101198001015678'),
      policyholder: person(12, '李娜', '110101197001019999'),
    },
  ];

  test('namesakes side by side, in force first, with what tells them apart and what matched', () => {
    const choices = policyChoices(
      '张伟',
      policies,
      [10, 11],
      [{ id: 7, report_no: 'BA26110001', status: 'registered', incident_at: '2026-11-20T02:00:00Z', policy: 2 }],
    );
    expect(
      choices.map((choice) => [
        choice.policy_no,
        choice.status_label,
        choice.period,
        choice.product?.name,
        choice.insured?.id_number_masked,
        choice.matched_by,
      ]),
    ).toEqual([
      ['BD2', '有效', '2026-01-01 至 2026-12-31', '医疗险', '110***5678', ['被保险人']],
      ['BD1', '失效', '2025-01-01 至 2025-12-31', '意外险', '110***1234', ['被保险人', '投保人']],
    ]);
    expect(choices[0]!.open_reports).toEqual([
      { id: 7, report_no: 'BA26110001', status: 'registered', status_label: '已登记', incident_at: '2026-11-20T02:00:00Z' },
    ]);
    expect(choices[1]!.open_reports).toEqual([]);
  });

  test('the full ID number is passed on for the insured only, and only where the reader read it', () => {
    const [choice] = policyChoices('BD2', [policies[1]!], [], []);
    expect(choice!.insured?.id_number).toBe('110101198001015678');
    expect(choice!.policyholder).not.toHaveProperty('id_number');
    expect(choice!.matched_by).toEqual(['保单号']);
    const masked = { ...policies[1]!, insured: { name: '张伟', id_number_masked: '110***5678', phone_masked: null } };
    expect(policyChoices('BD2', [masked], [], [])[0]!.insured).not.toHaveProperty('id_number');
  });
});
