import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { CLOCK_DEFINITIONS, caseDeadline, runningClockFilter, type ClockDefinition, type StoredDeadlineRule } from '../domain/case-clocks';
import { waivedClockNotice, type WaivedNotice } from '../domain/retroactive-clock';
import { instant } from '../domain/zoned-time';
import { waiveClockNotices } from '../notices/waive-clock-notices';
import { readRows, storedFields, type DataAccess } from '../shared/data-access';
import { rulesVersion } from '../shared/rules-cache';
import { purgeItemCache } from '../shared/tracked-update';
import { loadClockContext, type ClockContext } from './clock-context';
import { writeClockFields, type ClockFieldChange } from './write-clock-fields';

type Row = Record<string, any>;
type Key = string | number;
type Conditions = Record<string, unknown>[];

/**
 * Open cases read, computed and written per transaction. Why pages of their own transaction rather than one
 * transaction per run: on SQLite Directus has one connection, so while a transaction is open every other
 * request of the instance waits for it; one transaction over 100k cases would stall the console for the whole
 * recompute. A page holds it briefly, then the requests queued meanwhile go first; a console request asks for
 * the connection a few times and may wait for a page each time. Bigger pages are faster (a commit costs SQLite
 * a few milliseconds here): with the clocks computed in ~2 µs a case and the page read by a statement compiled
 * once, pages of 500 hold the connection ~15 ms (bench, quiet machine: 100k in 3.7–3.8 s, console p95
 * 1.65–1.9× idle; pages of 250: 4.9 s, 1.8×).
 * On PostgreSQL the page's rows are locked (FOR UPDATE) from the read to the commit, so a case written by a
 * clerk meanwhile is either read after that write or waits for the page; nothing else is blocked.
 */
const PAGE_SIZE = 500;
/** Integer keys read per statement when the open cases are listed (a range of the primary key). */
const KEY_SPAN = 5000;
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
): Promise<Key[]> {
  const schema = data.schema as SchemaOverview;
  const primary = schema.collections[collection]?.primary ?? 'id';
  const running: RunningClock[] = definitions.map((definition) => {
    const conditions = [{ [definition.start]: { _nnull: true } }, ...runningClockFilter(definition)] as Conditions;
    return { definition, conditions, runs: rowMeets(conditions) };
  });
  const fields = fieldsToRead(schema, collection, primary, definitions, context.rules, running);
  const plain = readAsStored(schema, collection, fields, context.rules);
  const keyType = schema.collections[collection]?.fields[primary]?.type ?? 'integer';
  const openCases = (query: Knex.QueryBuilder) =>
    query.where((open) => {
      for (const { conditions } of running) open.orWhere((one) => applyConditions(one, conditions));
    });
  const readPlain =
    plain && data.database.client.config.client === 'sqlite3'
      ? compiledPageRead(data.database, collection, primary, fields, openCases)
      : null;
  const readPage = async (trx: Knex.Transaction, pageKeys: Key[]): Promise<Row[]> => {
    if (readPlain) return await readPlain(trx, pageKeys);
    const openPage = (query: Knex.QueryBuilder) => {
      query.modify(openCases).whereIn(primary, pageKeys);
      if (trx.client.config.client === 'pg') query.forUpdate();
    };
    if (plain) return await trx(collection).select(fields).orderBy(primary).modify(openPage);
    return await readRows({ ...data, database: trx }, collection, fields, openPage, primary);
  };
  const moved: Key[] = [];
  // The keys of the open cases first, then their rows page by page by key. Paging the open cases themselves
  // (`key > last ORDER BY key LIMIT 250`) made the database gather and sort every open case after the cursor for
  // each page (SQLite answers the OR of the running conditions from the stop-field indexes, not in key order):
  // quadratic in the open cases. Integer keys are listed KEY_SPAN keys at a time (a range of the primary key,
  // looked up by key): all 100k at once held SQLite's one connection ~200 ms, the console's slowest requests of a
  // recompute. Other keys (uuid) in one statement. Afterwards asked again for cases opened meanwhile (a key
  // after the last), until none is left.
  const spans = keyType === 'integer' || keyType === 'bigInteger';
  const range = spans ? await data.database(collection).min({ low: primary }).max({ high: primary }).first() : null;
  const high = Number(range?.high ?? 0);
  let after: Key | null = range?.low !== null && range?.low !== undefined ? Number(range.low) - 1 : null;
  for (;;) {
    const spanEnd: number | null = typeof after === 'number' && after < high ? Math.min(after + KEY_SPAN, high) : null;
    const keyQuery = data.database(collection).select(primary).orderBy(primary).modify(openCases);
    if (after !== null) keyQuery.where(primary, '>', after);
    if (spanEnd !== null) keyQuery.where(primary, '<=', spanEnd);
    const keys: Key[] = (await keyQuery).map((row: Row) => row[primary]);
    if (keys.length === 0 && spanEnd === null) return moved;
    for (let start = 0; start < keys.length; start += PAGE_SIZE) {
      const pageKeys = keys.slice(start, start + PAGE_SIZE);
      const changed = await data.database.transaction(async (trx) => {
        const rows = await readPage(trx, pageKeys);
        if (version !== null && (await rulesVersion(trx, undefined)) !== version) throw new RulesMoved();
        const { changes, waived } = computePage(rows, collection, primary, running, context, timeZone, now);
        await writeClockFields(trx, collection, primary, keyType, changes);
        await waiveClockNotices({ ...data, database: trx }, waived, now);
        return changes.map((change) => change.key);
      });
      moved.push(...changed);
      // Let the requests that queued for the connection during this page go first.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (spanEnd !== null && keys.length === 0) {
      // An empty span (keys deleted or never used): on from the next key there is, not span by span.
      const next = await data.database(collection).min({ low: primary }).where(primary, '>', spanEnd).first();
      after = next?.low !== null && next?.low !== undefined ? Math.min(Number(next.low) - 1, high) : high;
    } else after = spanEnd ?? keys[keys.length - 1]!;
  }
}

/**
 * SQLite, rows as stored: the open cases among a page's keys by one statement compiled once per run, the keys
 * bound as one JSON array (`key IN (SELECT value FROM json_each(?))`, looked up by key). Building the statement
 * with knex for every page, its OR of running conditions and 500 bound keys, cost the main thread more than the
 * clocks' computation.
 */
function compiledPageRead(
  database: Knex,
  collection: string,
  primary: string,
  fields: string[],
  openCases: (query: Knex.QueryBuilder) => void,
): (trx: Knex.Transaction, keys: Key[]) => Promise<Row[]> {
  const marker = `keys:${Math.random()}`;
  const { sql, bindings } = database(collection)
    .select(fields)
    .modify(openCases)
    .whereRaw('?? IN (SELECT value FROM json_each(?))', [primary, marker])
    .orderBy(primary)
    .toSQL();
  const at = bindings.indexOf(marker);
  return async (trx, keys) => {
    const bound = [...bindings];
    bound[at] = JSON.stringify(keys);
    return await trx.raw(sql, bound as Knex.RawBinding[]);
  };
}

/** A clock of the collection, the conditions under which it runs, and the same as a test of a row read. */
interface RunningClock {
  definition: ClockDefinition;
  conditions: Conditions;
  runs: (row: Row) => boolean;
}

/** The page's new due/warning times (only the cases whose times changed), and the notices their new clocks waive. */
function computePage(
  rows: Row[],
  collection: string,
  primary: string,
  running: RunningClock[],
  context: ClockContext,
  timeZone: string,
  now: Date,
): { changes: ClockFieldChange[]; waived: WaivedNotice[] } {
  const changes: ClockFieldChange[] = [];
  const waived: WaivedNotice[] = [];
  for (const row of rows) {
    let fields: Record<string, number | null> | null = null;
    for (const { definition, runs } of running) {
      if (!runs(row)) continue;
      const deadline = caseDeadline(definition, row, context.rules, context.calendar, timeZone);
      const due = deadline?.dueAt.getTime() ?? null;
      const warn = deadline?.warnAt.getTime() ?? null;
      if (storedEpoch(row[definition.due]) !== due) (fields ??= {})[definition.due] = due;
      if (storedEpoch(row[definition.warn]) !== warn) (fields ??= {})[definition.warn] = warn;
      const clock = { collection, itemId: String(row[primary]), clockId: definition.id };
      const recomputed = { due: deadline?.dueAt ?? null, warn: deadline?.warnAt ?? null };
      const waiver = waivedClockNotice(clock, { due: row[definition.due] }, recomputed, now);
      if (waiver) waived.push(waiver);
    }
    if (fields) changes.push({ key: row[primary], fields });
  }
  return { changes, waived };
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

/**
 * The same conditions as a test of a row read (which of the collection's clocks run for it), with SQL's NULL:
 * `<>` and `NOT IN` are not true for a missing value, as in the statement that read the row.
 */
function rowMeets(conditions: Conditions): (row: Row) => boolean {
  const tests = conditions.flatMap((condition) =>
    Object.entries(condition).map(([key, test]): ((row: Row) => boolean) => {
      if (key === '_and') {
        const parts = (test as Conditions).map((part) => rowMeets([part]));
        return (row) => parts.every((part) => part(row));
      }
      if (key === '_or') {
        const parts = (test as Conditions).map((part) => rowMeets([part]));
        return (row) => parts.some((part) => part(row));
      }
      const operators = Object.entries(test as Record<string, unknown>).map(([operator, expected]) => {
        if (operator === '_nnull') return (_value: unknown, present: boolean) => present;
        if (operator === '_null') return (_value: unknown, present: boolean) => !present;
        if (operator === '_eq') return (value: unknown, present: boolean) => present && value === expected;
        if (operator === '_neq') return (value: unknown, present: boolean) => present && value !== expected;
        if (operator === '_in') return (value: unknown, present: boolean) => present && (expected as unknown[]).includes(value);
        return (value: unknown, present: boolean) => present && !(expected as unknown[]).includes(value);
      });
      return (row) => {
        const value = row[key];
        const present = value !== null && value !== undefined;
        return operators.every((operator) => operator(value, present));
      };
    }),
  );
  return (row) => tests.every((one) => one(row));
}

/** A stored timestamp as epoch milliseconds (SQLite keeps them so; PostgreSQL's arrive as Date, a cast one as text). */
const storedEpoch = (value: unknown): number | null => (typeof value === 'number' ? value : (instant(value)?.getTime() ?? null));
