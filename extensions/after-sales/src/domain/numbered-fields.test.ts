import { describe, expect, test } from 'vitest';
import { NUMBERED_FIELDS } from '../../../../scripts/model/numbered-fields.mjs';
import { numberedPairViolation, touchesNumberedPair } from './numbered-fields';

describe('a numbering rule numbers only a numbered field', () => {
  test.each(NUMBERED_FIELDS.map(({ collection, field }) => [collection, field]))('%s.%s is a numbered pair', (collection, field) => {
    expect(numberedPairViolation({ collection, field }, null)).toBeNull();
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown> | null, string, RegExp]>([
    [
      '统计月份 of the monthly table',
      { collection: 'complaint_monthly_stats', field: 'period' },
      null,
      'collection',
      /^不符合编号规则：客户投诉案件统计表不由系统编号/,
    ],
    ['a collection nobody knows', { collection: 'customers', field: 'name' }, null, 'collection', /“customers”不由系统编号/],
    [
      'another field of a numbered collection',
      { collection: 'letters', field: 'html' },
      null,
      'field',
      /文书的编号只能写入“文书编号”（letter_no），不能写入“html”/,
    ],
    [
      'the number field of another collection',
      { field: 'report_no' },
      { collection: 'complaints', field: 'complaint_no' },
      'field',
      /不能写入“报案号”（report_no）/,
    ],
    [
      'a stored rule moved to an unnumbered collection',
      { collection: 'complaint_monthly_stats' },
      { collection: 'letters', field: 'letter_no' },
      'collection',
      /客户投诉案件统计表/,
    ],
    ['no field', { collection: 'letters', field: null }, null, 'field', /不能写入“”/],
  ])('%s is refused, naming the field at fault', (_case, changes, current, field, rule) => {
    const violation = numberedPairViolation(changes, current);
    expect(violation?.field).toBe(field);
    expect(violation?.rule).toMatch(rule);
    expect(violation?.rule).toContain('报案登记的报案号');
  });

  test('a change of other columns is not checked, and needs no stored row', () => {
    expect(touchesNumberedPair({ name: '新名称', prefix: 'X' })).toBe(false);
    expect(numberedPairViolation({ name: '新名称' }, { collection: 'complaint_monthly_stats', field: 'period' })).toBeNull();
    expect(touchesNumberedPair({ field: 'letter_no' })).toBe(true);
  });

  test('申请编号 serves two collections, each its own rule', () => {
    expect(numberedPairViolation({ collection: 'surrender_requests', field: 'request_no' }, null)).toBeNull();
    expect(numberedPairViolation({ collection: 'endorsement_requests', field: 'request_no' }, null)).toBeNull();
  });
});
