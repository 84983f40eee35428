import { describe, expect, test } from 'vitest';
import {
  columnsForMaskedReader,
  forgedMaskedCopy,
  isMaskedValue,
  maskIdNumber,
  maskPhone,
  recordForReader,
  withMaskedCopies,
} from './personal-data';

describe('masking', () => {
  test.each([
    ['110101199001011234', '110***********1234'],
    ['11010119900101123X', '110***********123X'],
    ['12345', '*****'],
  ])('ID %s → %s', (value, masked) => expect(maskIdNumber(value)).toBe(masked));
  test.each([
    ['13800001234', '138****1234'],
    ['021-64001234', '021*****1234'],
  ])('phone %s → %s', (value, masked) => expect(maskPhone(value)).toBe(masked));

  test('a masked value is recognised on its way back', () => {
    expect(isMaskedValue('138****1234')).toBe(true);
    expect(isMaskedValue('13800001234')).toBe(false);
  });
});

describe('masked copies kept by the server', () => {
  test.each([
    [
      'customers',
      { name: '张三', id_number: '110101199001011234' },
      { name: '张三', id_number: '110101199001011234', id_number_masked: '110***********1234' },
    ],
    ['customers', { phone: null }, { phone: null, phone_masked: null }],
    [
      'claim_reports',
      { reporter_phone: '13800001234', incident_place: '上海' },
      { reporter_phone: '13800001234', reporter_phone_masked: '138****1234', incident_place: '上海' },
    ],
    ['complaints', { demand: '道歉' }, { demand: '道歉' }],
    ['insurers', { contact_phone: '95500' }, { contact_phone: '95500' }],
  ])('%s %o → %o', (collection, payload, expected) => expect(withMaskedCopies(collection, payload)).toEqual(expected));

  test('a batch of rows gets a copy per row', () => {
    expect(withMaskedCopies('claim_applications', [{ applicant_id_number: '110101199001011234' }, { applicant_name: '李四' }])).toEqual([
      { applicant_id_number: '110101199001011234', applicant_id_number_masked: '110***********1234' },
      { applicant_name: '李四' },
    ]);
  });

  test.each([
    [{ id_number_masked: '110***********1234' }, 'id_number_masked'],
    [{ id_number: '110101199001011234', id_number_masked: '999' }, 'id_number_masked'],
    [{ id_number: '110101199001011234', id_number_masked: '110***********1234' }, null],
    [{ phone: null, phone_masked: null }, null],
    [{ name: '张三' }, null],
  ])('a client-written copy %o → refused: %s', (row, field) => expect(forgedMaskedCopy('customers', row)?.field ?? null).toBe(field));
});

describe('a stored record as a reader sees it', () => {
  const revision = { id: 7, name: '张三', id_number: '110101199001011234', phone: '13800001234', address: '上海' };

  test('fields the reader may not read are left out; personal ones become their masked copy', () => {
    const readable = new Set(['id', 'name', 'address', 'id_number_masked', 'phone_masked']);
    expect(recordForReader('customers', revision, readable)).toEqual({
      id: 7,
      name: '张三',
      address: '上海',
      id_number_masked: '110***********1234',
      phone_masked: '138****1234',
    });
  });

  test('a reader of the full values sees the record as stored', () => {
    const readable = new Set(['id', 'name', 'address', 'id_number', 'phone', 'id_number_masked', 'phone_masked']);
    expect(recordForReader('customers', revision, readable)).toEqual(revision);
  });

  test('a stored masked copy is kept as stored, not recomputed', () => {
    const readable = new Set(['id', 'phone_masked']);
    expect(recordForReader('customers', { id: 7, phone: '13800001234', phone_masked: '138****1234' }, readable)).toEqual({
      id: 7,
      phone_masked: '138****1234',
    });
  });
});

test('list columns for a reader denied the full values', () => {
  expect(columnsForMaskedReader('customers', ['name', 'id_number', 'phone', 'address'])).toEqual([
    'name',
    'id_number_masked',
    'phone_masked',
    'address',
  ]);
  expect(columnsForMaskedReader('policies', ['policy_no', 'insured'])).toEqual(['policy_no', 'insured']);
});
