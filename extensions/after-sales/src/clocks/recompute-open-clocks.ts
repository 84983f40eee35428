import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import {
  CLOCK_DEFINITIONS,
  caseClockFields,
  runningClockFilter,
  type ClockDefinition,
  type StoredDeadlineRule,
} from '../domain/case-clocks';
import { waivedClockNotice, type WaivedNotice } from '../domain/retroactive-clock';
import { instant } from '../domain/zoned-time';
import { waiveClockNotices } from '../notices/waive-clock-notices';
import { readRows, storedFields, type DataAccess } from '../shared/data-access';
import { rulesVersion } from '../shared/rules-cache';
import { purgeItemCache } from '../shared/tracked-update';
import { loadClockContext, type ClockContext } from './clock-context';
import { writeClockFields, type ClockFieldChange } from './write-clock-fields';

type Row = Record<string, any>;
type Conditions = Record<string, unknown>[];

/**
 * Open cases read, computed and written per transaction. Why pages of their own transaction rather than one
 * transaction per run: on SQLite Directus has one connection, so while a transaction is open every other
 * request of the instance waits for it; one transaction over 100k cases would stall the console for the whole
 * recompute. A page of 250 holds it briefly, then the requests queued meanwhile go first; a console request asks
 * for the connection a few times and may wait for a page each time, so small pages keep its p95 near idle (bench,
 * loaded machine: pages of 1,000 ~4.6× idle, of 250 with the cached day arithmetic ~2.4×).
 * On PostgreSQL the page's rows are locked (FOR UPDATE) from the read to the commit, so a case written by a
 * clerk meanwhile is either read after that write or waits for the page; nothing else is blocked.
 */
const PAGE_SIZE = 250;
/** Rule changes that arrive during a run restart it (with the new rules) at most this often; then it finishes. */
const MAX_RESTARTS = 5;

class RulesMoved extends Error {}

/**
 * After the calendar or a deadline rule changes, every running clock is computed again, so a holiday added
 * today moves the due date of cases already open. Returns how many cases got new due or warning times.
 *
 * Per collection with clocks: the open cases (a clock of it running) are read by key in pages, only the
 * fields the clocks and the rules' conditions look at; the new due/warning times come from the same pure
 * `caseClockFields` as on every save; only the cases whose times changed are written, a few statements per
 * page (write-clock-fields.ts). Afterwards Directus's data cache (when enabled) forgets what it kept, as
 * after its own writes, so /items shows the new deadlines at once.
 *
 * Two recomputes at once (two instances, or a second rule change): both write what the current rules say,
 * so either order leaves the same result. One that loaded the rules before a newer change notices it: each
 * page checks the rules counter (shared/rules-cache.ts) after locking its rows and, if it moved, starts
 * again with the new rules instead of writing old deadlines over the newer recompute's.
 */
export async function recomputeOpenClocks(data: DataAccess, timeZone: string, now = new Date()): Promise<number> {
  const moved = new Set<string>();
  const touched = new Set<string>();
  for (let attempt = 0; ; attempt++) {
    const version = await rulesVersion(data.database, undefined);
    const context = await loadClockContext(data);
    try {
      for (const [collection, definitions] of byCollection(CLOCK_DEFINITIONS)) {
        const guard = attempt < MAX_RESTARTS ? version : null;
        const keys = await recomputeCollection(data, collection, definitions, context, timeZone, guard, now);
        if (keys.length) touched.add(collection);
        for (const key of keys) moved.add(`${collection}:${key}`);
      }
      break;
    } catch (error) {
      if (!(error instanceof RulesMoved)) throw error;
    }
  }
  for (const collection of touched) await purgeItemCache(data, collection);
  return moved.size;
}

function byCollection(definitions: ClockDefinition[]): Map<string, ClockDefinition[]> {
  const grouped = new Map<string, ClockDefinition[]>();
  for (const definition of definitions) grouped.set(definition.collection, [...(grouped.get(definition.collection) ?? []), definition]);
  return grouped;
}

/**
 * The keys of the collection's cases whose clock fields changed. A clock a case gets here for the first time is
 * a rule reaching an old case: the notice it would call for at once is waived (domain/retroactive-clock.ts).
 */
async function recomputeCollection(
  data: DataAccess,
  collection: string,
  definitions: ClockDefinition[],
  context: ClockContext,
  timeZone: string,
  version: string | null,
  now: Date,
): Promise<(string | number)[]> {
  const schema = data.schema as SchemaOverview;
  const primary = schema.collections[collection]?.primary ?? 'id';
  const running = definitions.map((definition) => ({
    definition,
    conditions: [{ [definition.start]: { _nnull: true } }, ...runningClockFilter(definition)] as Conditions,
  }));
  const fields = fieldsToRead(schema, collection, primary, definitions, context.rules, running);
  const plain = readAsStored(schema, collection, fields, context.rules);
  const keyType = schema.collections[collection]?.fields[primary]?.type ?? 'integer';
  const openCases = (query: Knex.QueryBuilder) =>
    query.where((open) => {
      for (const { conditions } of running) open.orWhere((one) => applyConditions(one, conditions));
    });
  const moved: (string | number)[] = [];
  let after: string | number | null = null;
  for (;;) {
    // The keys of the open cases first, in one statement, then their rows page by page by key. Paging the
    // open cases themselves (`key > last ORDER BY key LIMIT 250`) made the database gather and sort every
    // open case after the cursor for each page (SQLite answers the OR of the running conditions from the
    // stop-field indexes, not in key order): quadratic in the open cases. Asked again afterwards for
    // cases opened meanwhile (a key after the last), until none is left.
    const keyQuery = data.database(collection).select(primary).orderBy(primary).modify(openCases);
    if (after !== null) keyQuery.where(primary, '>', after);
    const keys: (string | number)[] = (await keyQuery).map((row: Row) => row[primary]);
    if (keys.length === 0) return moved;
    for (let start = 0; start < keys.length; start += PAGE_SIZE) {
      const pageKeys = keys.slice(start, start + PAGE_SIZE);
      const changed = await data.database.transaction(async (trx) => {
        const pageData = { ...data, database: trx };
        const openPage = (query: Knex.QueryBuilder) => {
          query.modify(openCases).whereIn(primary, pageKeys);
          if (trx.client.config.client === 'pg') query.forUpdate();
        };
        const rows: Row[] = plain
          ? await trx(collection).select(fields).orderBy(primary).modify(openPage)
          : await readRows(pageData, collection, fields, openPage, primary);
        if (version !== null && (await rulesVersion(trx, undefined)) !== version) throw new RulesMoved();
        const changes: ClockFieldChange[] = [];
        const waived: WaivedNotice[] = [];
        for (const row of rows) {
          const changedFields: Record<string, string | null> = {};
          for (const { definition, conditions } of running) {
            if (!meetsConditions(row, conditions)) continue;
            const fieldsNow = caseClockFields(definition, row, context.rules, context.calendar, timeZone);
            for (const [field, value] of Object.entries(fieldsNow)) if (storedInstant(row[field]) !== value) changedFields[field] = value;
            const clock = { collection, itemId: String(row[primary]), clockId: definition.id };
            const recomputed = { due: fieldsNow[definition.due] ?? null, warn: fieldsNow[definition.warn] ?? null };
            const waiver = waivedClockNotice(clock, { due: row[definition.due] }, recomputed, now);
            if (waiver) waived.push(waiver);
          }
          if (Object.keys(changedFields).length) changes.push({ key: row[primary], fields: changedFields });
        }
        await writeClockFields(trx, collection, primary, keyType, changes);
        await waiveClockNotices(pageData, waived, now);
        return changes.map((change) => change.key);
      });
      moved.push(...changed);
      // Let the requests that queued for the connection during this page go first.
      await new Promise((resolve) => setImmediate(resolve));
    }
    after = keys[keys.length - 1]!;
  }
}

/**
 * The fields a recompute reads: the key, every field of the clocks (start, stop, due, warning, inputs), the
 * fields the running filters name and the fields the rules' conditions (适用条件) name; only stored fields.
 */
function fieldsToRead(
  schema: SchemaOverview,
  collection: string,
  primary: string,
  definitions: ClockDefinition[],
  rules: StoredDeadlineRule[],
  running: { conditions: Conditions }[],
): string[] {
  const wanted = new Set<string>([primary]);
  for (const definition of definitions) {
    for (const field of [definition.start, definition.earlierStart, definition.stop, definition.due, definition.warn, ...definition.inputs])
      if (field) wanted.add(field);
  }
  for (const { conditions } of running) for (const field of conditionFields(conditions)) wanted.add(field);
  for (const rule of rules) for (const field of conditionFields((rule as { applies_when?: unknown }).applies_when)) wanted.add(field);
  const stored = new Set(storedFields(schema, collection));
  return [...wanted].filter((field) => stored.has(field));
}

/** Types whose stored values (as knex returns them) the clocks read as Directus's cast ones: text and numbers as they are. */
const AS_STORED = new Set(['string', 'text', 'integer', 'bigInteger', 'uuid']);

/**
 * Whether the page's rows can be used as knex returns them, without Directus's cast (PayloadService, ~5 % of a
 * recompute's CPU): when every field is text or a number, or a timestamp the clocks only read as an instant
 * (instant() takes the epoch milliseconds of SQLite and the Date of PostgreSQL alike). A timestamp that a rule's
 * condition compares, a boolean (0/1 on SQLite) or JSON is read through the cast.
 */
function readAsStored(schema: SchemaOverview, collection: string, fields: string[], rules: StoredDeadlineRule[]): boolean {
  const compared = new Set(rules.flatMap((rule) => conditionFields((rule as { applies_when?: unknown }).applies_when)));
  const types = schema.collections[collection]?.fields ?? {};
  return fields.every((field) => {
    const type = types[field]?.type;
    return type !== undefined && (AS_STORED.has(type) || (type === 'timestamp' && !compared.has(field)));
  });
}

/** The field names a Directus filter (a rule's condition, as object or JSON text) mentions. */
function conditionFields(condition: unknown): string[] {
  let parsed = condition;
  if (typeof condition === 'string') {
    try {
      parsed = JSON.parse(condition);
    } catch {
      return [];
    }
  }
  if (Array.isArray(parsed)) return parsed.flatMap(conditionFields);
  if (typeof parsed !== 'object' || parsed === null) return [];
  return Object.entries(parsed).flatMap(([key, value]) => (key.startsWith('_') ? conditionFields(value) : [key]));
}

/**
 * The running-clock conditions (runningClockFilter: field → `_null`, `_nnull`, `_eq`, `_neq`, `_in`, `_nin`, and
 * `_and`/`_or` of such) as SQL, the way Directus's own filter compiles them.
 */
function applyConditions(query: Knex.QueryBuilder, conditions: Conditions): void {
  for (const condition of conditions) {
    for (const [key, test] of Object.entries(condition)) {
      if (key === '_and' || key === '_or') {
        const parts = test as Conditions;
        query.where((group) => {
          for (const part of parts) {
            if (key === '_and') group.where((one) => applyConditions(one, [part]));
            else group.orWhere((one) => applyConditions(one, [part]));
          }
        });
        continue;
      }
      for (const [operator, value] of Object.entries(test as Record<string, unknown>)) {
        if (operator === '_nnull') query.whereNotNull(key);
        else if (operator === '_null') query.whereNull(key);
        else if (operator === '_eq') query.where(key, value as string);
        else if (operator === '_neq') query.whereNot(key, value as string);
        else if (operator === '_in') query.whereIn(key, value as string[]);
        else if (operator === '_nin') query.whereNotIn(key, value as string[]);
        else throw new Error(`recompute: running-clock condition ${operator} is not supported (recompute-open-clocks.ts)`);
      }
    }
  }
}

/** The same conditions on a row read (which of the collection's clocks run for it), with SQL's NULL: `<>` and
 * `NOT IN` are not true for a missing value, as in the statement that read the row. */
function meetsConditions(row: Row, conditions: Conditions): boolean {
  return conditions.every((condition) =>
    Object.entries(condition).every(([key, test]) => {
      if (key === '_and') return (test as Conditions).every((part) => meetsConditions(row, [part]));
      if (key === '_or') return (test as Conditions).some((part) => meetsConditions(row, [part]));
      const value = row[key];
      const present = value !== null && value !== undefined;
      return Object.entries(test as Record<string, unknown>).every(([operator, expected]) => {
        if (operator === '_nnull') return present;
        if (operator === '_null') return !present;
        if (operator === '_eq') return present && value === expected;
        if (operator === '_neq') return present && value !== expected;
        if (operator === '_in') return present && (expected as unknown[]).includes(value);
        return present && !(expected as unknown[]).includes(value);
      });
    }),
  );
}

const storedInstant = (value: unknown): string | null => instant(value)?.toISOString() ?? null;
