import { describe, expect, test } from 'vitest';
import { meetsCondition } from './rule-condition';

describe('meetsCondition (适用条件 of a deadline rule)', () => {
  test.each([
    ['no condition applies to every case', null, { deaths: 0 }, true],
    ['an empty filter too', {}, { deaths: 0 }, true],
    ['死亡人数 ≥ 1 with one death', { deaths: { _gte: 1 } }, { deaths: 1 }, true],
    ['死亡人数 ≥ 1 with none', { deaths: { _gte: 1 } }, { deaths: 0 }, false],
    ['the filter builder stores numbers as text', { deaths: { _gte: '2' } }, { deaths: 1 }, false],
    [
      'or: a major case without deaths',
      { _or: [{ deaths: { _gte: 1 } }, { is_major: { _eq: true } }] },
      { deaths: 0, is_major: true },
      true,
    ],
    ['or: neither', { _or: [{ deaths: { _gte: 1 } }, { is_major: { _eq: true } }] }, { deaths: 0, is_major: false }, false],
    [
      'and with a cause list',
      { _and: [{ deaths: { _gt: 0 } }, { incident_cause: { _in: ['accident', 'traffic'] } }] },
      { deaths: 1, incident_cause: 'illness' },
      false,
    ],
    ['a boolean stored as 1', { is_major: { _eq: 'true' } }, { is_major: 1 }, true],
    ['null checks', { hq_reported_at: { _null: true } }, { hq_reported_at: null }, true],
    [
      'a multiple choice holding a reason',
      { major_reasons: { _contains: 'litigation' } },
      { major_reasons: ['multi_death', 'litigation'] },
      true,
    ],
    ['an operator the engine does not know is false', { deaths: { _between: [1, 3] } }, { deaths: 2 }, false],
    ['JSON text is read as the filter', '{"deaths":{"_gte":1}}', { deaths: 3 }, true],
    ['text that is no filter is false', 'deaths >= 1', { deaths: 3 }, false],
  ])('%s', (_label, condition, item, expected) => {
    expect(meetsCondition(condition, item)).toBe(expected);
  });
});
