import { addCalendarDays } from './work-calendar';
import { localDate } from './zoned-time';

export type RejectionReason = 'out_of_period' | 'policy_lapsed' | 'cause_not_covered' | 'time_barred';

export interface EligibilityInput {
  incidentAt: Date;
  reportedAt: Date;
  cause: string;
  policy: { start_date: string; end_date: string; status: string; terminated_at: string | null };
  product: { covered_causes: string[]; claim_time_limit_days: number };
  timeZone: string;
}

/**
 * The preliminary review of Art. 4 (二)4, as of the accident date in the business time zone:
 * inside the policy period; the policy not lapsed or ended before the accident; the cause covered;
 * reported within the product's time limit (start day not counted, ends 24:00 of the last day).
 * Returns every failed check, in a stable order.
 */
export function rejectionReasons(input: EligibilityInput): RejectionReason[] {
  const reasons: RejectionReason[] = [];
  const incidentDay = localDate(input.incidentAt, input.timeZone);
  const { policy, product } = input;
  if (incidentDay < policy.start_date.slice(0, 10) || incidentDay > policy.end_date.slice(0, 10)) reasons.push('out_of_period');
  const endedOn = policy.terminated_at?.slice(0, 10) ?? null;
  const endedBeforeIncident = endedOn !== null ? endedOn <= incidentDay : policy.status !== 'in_force';
  if (endedBeforeIncident) reasons.push('policy_lapsed');
  if (!product.covered_causes.includes(input.cause)) reasons.push('cause_not_covered');
  const lastDay = addCalendarDays(incidentDay, product.claim_time_limit_days);
  if (localDate(input.reportedAt, input.timeZone) > lastDay) reasons.push('time_barred');
  return reasons;
}
