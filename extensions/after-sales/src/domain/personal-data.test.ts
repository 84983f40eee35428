import { describe, expect, test } from 'vitest';
import { isMaskedValue, maskByFieldName, maskIdNumber, maskItems, maskPhone, seesFullPersonalData } from './personal-data';

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

  test('who sees full values', () => {
    expect(seesFullPersonalData(true, null)).toBe(true);
    expect(seesFullPersonalData(false, '市场部')).toBe(true);
    expect(seesFullPersonalData(false, '运营部')).toBe(true);
    expect(seesFullPersonalData(false, '总经理室')).toBe(false);
    expect(seesFullPersonalData(false, '技术部')).toBe(false);
    expect(seesFullPersonalData(false, '质量管理部')).toBe(false);
    expect(seesFullPersonalData(false, null)).toBe(false);
  });

  test('a masked value is recognised on its way back', () => {
    expect(isMaskedValue('138****1234')).toBe(true);
    expect(isMaskedValue('13800001234')).toBe(false);
  });

  test('items and their nested relations are masked; other fields and other collections untouched', () => {
    const related = (collection: string, field: string) => (collection === 'policies' && field === 'insured' ? 'customers' : collection === 'claim_reports' && field === 'policy' ? 'policies' : null);
    const report = { id: 1, insured_id_number: '110101199001011234', reporter_phone: '13800001234', policy: { policy_no: 'P1', insured: { name: '李四', id_number: '110101198001011111', phone: '13900001111' } } };
    expect(maskItems('claim_reports', [report], related)).toEqual([
      { id: 1, insured_id_number: '110***********1234', reporter_phone: '138****1234', policy: { policy_no: 'P1', insured: { name: '李四', id_number: '110***********1111', phone: '139****1111' } } },
    ]);
    expect(maskItems('insurers', { contact_phone: '95500' }, related)).toEqual({ contact_phone: '95500' });
    expect(maskItems('customers', { id_number: null }, related)).toEqual({ id_number: null });
  });
});

test('a record of unknown collection is masked by field name', () => {
  expect(maskByFieldName({ phone: '13800001234', reporter_phone: '13900001111', name: '张三' })).toEqual({ phone: '138****1234', reporter_phone: '139****1111', name: '张三' });
});
