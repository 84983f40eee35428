import { randomUUID } from 'node:crypto';
import { enqueue } from '../notices/outbox';
import type { DataAccess } from '../shared/data-access';

/** The rule tables a case's deadlines are computed from (a rule parameter may set a clock's limit). */
const CLOCK_RULE_COLLECTIONS = ['deadline_rules', 'work_calendar', 'rule_parameters'];

export const RULE_RECOMPUTE = 'rule_recompute';

export const affectsClocks = (collection: string) => CLOCK_RULE_COLLECTIONS.includes(collection);

export interface RuleChange {
  /** who changed the rule (told the outcome once); null for the system */
  user: string | null;
  collection: string;
  item: string;
}

/** The transactions that already asked: a batch of calendar days asks once (each write outside one asks). */
const asked = new WeakSet<object>();

/**
 * Records, with `data.database`, that the open deadlines must be computed again after a change of a
 * rule table: an outbox entry (kind rule_recompute) naming who made the change. Written in the
 * change's own transaction (the activity filter), it exists exactly when the change committed, so
 * a recompute is owed until one has run after it (serve-rule-recomputes.ts), whichever instance
 * runs it and however often the process stops in between. One entry per transaction.
 */
export async function requestRuleRecompute(data: DataAccess, change: RuleChange, now: Date): Promise<void> {
  if (data.database.isTransaction) {
    if (asked.has(data.database)) return;
    asked.add(data.database);
  }
  await enqueue(
    data,
    [
      {
        key: `${RULE_RECOMPUTE}:${randomUUID()}`,
        kind: RULE_RECOMPUTE,
        collection: change.collection,
        item: change.item,
        payload: { user: change.user },
      },
    ],
    now,
  );
}
