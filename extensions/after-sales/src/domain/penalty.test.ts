import { expect, test } from 'vitest';
import { penaltyFromStandard } from './penalty';

const overstep = { code: 'P03', loss_amount: '1000.00', penalty_type: 'demerit', administrative_sanction: true };

test.each([
  ['the standard fills every penalty field', {}, { loss_amount: 1000, penalty_type: 'demerit', administrative_sanction: true }],
  ['an amount entered in the same save wins', { loss_amount: 600 }, { penalty_type: 'demerit', administrative_sanction: true }],
  ['everything entered: nothing to fill', { loss_amount: 0, penalty_type: 'warning', administrative_sanction: false }, {}],
])('%s', (_label, changes, expected) => {
  expect(penaltyFromStandard(overstep, changes)).toEqual(expected);
});

test('a standard without a loss amount fills none', () => {
  expect(penaltyFromStandard({ ...overstep, loss_amount: null }, {})).toMatchObject({ loss_amount: null });
});
