import type { Knex } from 'knex';
import { memoFor } from './event-memo';
import { advanceSequence } from './sequences';

/**
 * The rule tables: read on every case write, changed by an administrator a few times a year. Each
 * instance keeps what it read of them; every write checks one counter instead (the `rules:version`
 * row of number_sequences), which every change to a rule table through Directus moves on, on
 * whichever instance it happened (see bumpRulesVersion). A change made around Directus (SQL typed
 * by hand) is picked up within RULES_MAX_AGE_MS.
 */
const RULE_COLLECTIONS = [
  'complaint_transitions',
  'approval_authorities',
  'deadline_rules',
  'work_calendar',
  'numbering_rules',
  'rule_parameters',
  'required_documents',
  'department_roles',
] as const;

const RULES_VERSION_KEY = 'rules:version';
export const RULES_MAX_AGE_MS = 60_000;

interface Entry {
  version: string;
  loadedAt: number;
  value: Promise<unknown>;
}

const entries = new Map<string, Entry>();

/** The counter as of this event (read once per Directus event, shared by its hooks; no event: read now). */
export function rulesVersion(database: Knex, event: object | undefined): Promise<string> {
  return memoFor(event, RULES_VERSION_KEY, async () => {
    const row = await database('number_sequences').where({ key: RULES_VERSION_KEY }).first('last_value');
    return String(row?.last_value ?? 0);
  });
}

/**
 * The counter as a column of another statement on the same path (one statement fewer where every
 * write counts, the claim report's intake): `(select … ) as <alias>`. Hand the value read to
 * rememberRulesVersion before anything asks rulesVersion for the event.
 */
export function rulesVersionColumn(database: Knex, alias: string): Knex.Raw {
  return database.raw('(select ?? from ?? where ?? = ?) as ??', ['last_value', 'number_sequences', 'key', RULES_VERSION_KEY, alias]);
}

/** The counter read by rulesVersionColumn, as this event's (a counter the event read before stands). */
export function rememberRulesVersion(event: object | undefined, value: unknown): void {
  void memoFor(event, RULES_VERSION_KEY, async () => String(value ?? 0));
}

/**
 * `load()`'s result as of the current rules: reused while the counter stands and the copy is under a
 * minute old, loaded again otherwise. Read the counter before the rows: a copy loaded while a change
 * commits is filed under the old counter, which the change then moves on.
 */
export async function cachedRules<T>(
  database: Knex,
  event: object | undefined,
  name: string,
  load: () => PromiseLike<T>,
  now = Date.now(),
): Promise<T> {
  const version = await rulesVersion(database, event);
  const entry = entries.get(name);
  if (entry && entry.version === version && now - entry.loadedAt < RULES_MAX_AGE_MS) return entry.value as Promise<T>;
  // A knex builder runs its statement again on every `then`: keep the one promise of its result.
  const value = (async () => load())();
  entries.set(name, { version, loadedAt: now, value });
  value.catch(() => {
    if (entries.get(name)?.value === value) entries.delete(name);
  });
  return value;
}

/**
 * After a rule table changed (its action, after commit): this instance forgets its copies at once,
 * and the counter moves on for every instance.
 */
export async function bumpRulesVersion(database: Knex): Promise<void> {
  entries.clear();
  await advanceSequence(database, RULES_VERSION_KEY);
}

export function isRuleCollection(collection: string): boolean {
  return (RULE_COLLECTIONS as readonly string[]).includes(collection);
}
