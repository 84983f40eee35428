import { expect, test } from 'vitest';
import { majorReasons, type MajorCaseInput } from './major-case';

const thresholds = { major_min_deaths: 2, major_payout_threshold: 500000, major_sum_insured_threshold: 500000 };
const quiet: MajorCaseInput = {
  deaths: 0,
  expectedPayout: 10000,
  sumInsured: 100000,
  outcomeUncertain: false,
  mediaInvolved: false,
  regulatorComplaint: false,
  litigation: false,
};

test.each([
  ['an ordinary case', {}, []],
  ['one death', { deaths: 1 }, []],
  ['two deaths in one accident', { deaths: 2 }, ['multi_death']],
  ['expected payout exactly 500,000', { expectedPayout: 500000 }, []],
  ['expected payout above 500,000', { expectedPayout: 500000.01 }, ['large_payout']],
  ['sum insured above 500,000 and outcome open', { sumInsured: 600000, outcomeUncertain: true }, ['large_payout']],
  ['sum insured above 500,000, outcome clear', { sumInsured: 600000 }, []],
  ['media involved', { mediaInvolved: true }, ['public_dispute']],
  ['complaint to the regulator', { regulatorComplaint: true }, ['public_dispute']],
  ['litigation', { litigation: true }, ['litigation']],
  [
    'all four',
    { deaths: 3, expectedPayout: 2e6, mediaInvolved: true, litigation: true },
    ['multi_death', 'large_payout', 'public_dispute', 'litigation'],
  ],
])('%s', (_label, overrides, expected) => {
  expect(majorReasons({ ...quiet, ...overrides }, thresholds)).toEqual(expected);
});

test('thresholds are data: three deaths required when the administrator says so', () => {
  expect(majorReasons({ ...quiet, deaths: 2 }, { ...thresholds, major_min_deaths: 3 })).toEqual([]);
});
