import { clockNoticeKey } from './sweep-plan';
import { instant } from './zoned-time';

export interface WaivedNotice {
  /** the ledger key the sweep would issue the notice under (sweep-plan.ts), so it never issues it */
  key: string;
  collection: string;
  itemId: string;
  dueAt: Date;
}

/**
 * A rule is not retroactive. A clock a case gets from a recompute — a deadline rule added (by an upgrade or an
 * administrator), switched on, or its 适用条件 widened — starts from the case's own start time, so it may be
 * past its warning point or due time at once: the first sweep would send one 催办单 per old case. The notice
 * the clock calls for at that moment (urge when past due, else warning when past the warning point) is waived:
 * the task still shows in the 工作台 as 已逾期, and a later notice (an urge after a waived warning, or after the
 * due time moves) is sent as usual. A clock the case already had (`before` set: moved by a changed limit or
 * calendar) is not a new obligation and waives nothing.
 */
export function waivedClockNotice(
  clock: { collection: string; itemId: string; clockId: string },
  before: { due: unknown },
  after: { due: string | Date | null; warn: string | Date | null },
  now: Date,
): WaivedNotice | null {
  if (instant(before.due)) return null;
  const dueAt = instant(after.due);
  const warnAt = instant(after.warn);
  if (!dueAt) return null;
  const at = { ...clock, dueAt };
  if (now >= dueAt) return { key: clockNoticeKey('urge', at), collection: clock.collection, itemId: clock.itemId, dueAt };
  if (warnAt && now >= warnAt) return { key: clockNoticeKey('warning', at), collection: clock.collection, itemId: clock.itemId, dueAt };
  return null;
}
