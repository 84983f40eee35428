export type MajorReason = 'multi_death' | 'large_payout' | 'public_dispute' | 'litigation';

export interface MajorThresholds {
  major_min_deaths: number;
  major_payout_threshold: number;
  major_sum_insured_threshold: number;
}

export interface MajorCaseInput {
  deaths: number;
  expectedPayout: number | null;
  sumInsured: number | null;
  outcomeUncertain: boolean;
  mediaInvolved: boolean;
  regulatorComplaint: boolean;
  litigation: boolean;
}

/** Art. 4 (二)6: the four conditions that make a report a major case (thresholds are data). */
export function majorReasons(input: MajorCaseInput, thresholds: MajorThresholds): MajorReason[] {
  const reasons: MajorReason[] = [];
  if (input.deaths >= thresholds.major_min_deaths) reasons.push('multi_death');
  const largePayout = (input.expectedPayout ?? 0) > thresholds.major_payout_threshold;
  const largeOpenCase = (input.sumInsured ?? 0) > thresholds.major_sum_insured_threshold && input.outcomeUncertain;
  if (largePayout || largeOpenCase) reasons.push('large_payout');
  if (input.regulatorComplaint || input.mediaInvolved) reasons.push('public_dispute');
  if (input.litigation) reasons.push('litigation');
  return reasons;
}
