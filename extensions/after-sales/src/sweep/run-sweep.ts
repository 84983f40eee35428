import { loadClockContext } from '../clocks/clock-context';
import { logPendingFollowUpHistory } from '../complaints/follow-up-items/follow-up-history';
import { applyPendingPetitionDecisions } from '../complaints/petition-decision';
import { deliverOutbox } from '../notices/outbox';
import { remindPendingRevisions } from '../rule-revisions/remind-pending-revisions';
import type { DataAccess } from '../shared/data-access';
import { checkClosedComplaints } from './check-closed-complaints';
import { issueClockNotices } from './issue-clock-notices';
import { urgeImprovementMeasures } from './urge-improvement-measures';
import { urgeMonthlyStats } from './urge-monthly-stats';
import { warnCalendarGaps } from './warn-calendar-gaps';

export interface SweepResult {
  warnings: number;
  urges: number;
  inquiries: number;
  calendarGaps: number;
}

/**
 * The deadline scan: runs each job in turn (one file each). Every notice is issued once per ledger
 * key, so it is safe to run any number of times.
 */
export async function runSweep(data: DataAccess, now: Date, timeZone: string): Promise<SweepResult> {
  // Notices of committed actions that were not delivered (a crash right after commit).
  await deliverOutbox(data, now);
  // Petition decisions committed but not yet carried out (K-PETITION).
  await applyPendingPetitionDecisions(data, now);
  // Follow-up items (责任人员, 改善对策) whose latest state is not yet in the complaint's history.
  await logPendingFollowUpHistory(data, now);
  const { rules, calendar } = await loadClockContext(data);
  const { warnings, urges } = await issueClockNotices(data, now, timeZone, rules);
  const result: SweepResult = { warnings, urges, inquiries: 0, calendarGaps: 0 };
  result.urges += await urgeMonthlyStats(data, now, timeZone, rules);
  result.urges += await urgeImprovementMeasures(data, now, timeZone);
  result.inquiries = await checkClosedComplaints(data, now);
  result.calendarGaps = await warnCalendarGaps(data, now, timeZone, calendar);
  await remindPendingRevisions(data, now);
  return result;
}
