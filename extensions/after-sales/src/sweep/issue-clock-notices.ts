import { CLOCK_DEFINITIONS, runningClockFilter, type StoredDeadlineRule } from '../domain/case-clocks';
import { CASE_NUMBER_FIELDS, clockEvent, type ClockEvent } from '../domain/sweep-plan';
import { issueEach } from '../notices/issue-once';
import { sendNotices } from '../notices/notify-department';
import { readAll, storedFields, type DataAccess } from '../shared/data-access';
import { writeUrgeNotices } from './write-urge-notices';

/**
 * K-WARN / K-URGE: every running clock past its warning point gets one warning, past its due time
 * one urge notice (催办单), each told to the holding department once. Reads only cases past their
 * warning point (indexed), so the cost grows with the cases that are due, not with all open cases.
 */
export async function issueClockNotices(
  data: DataAccess,
  now: Date,
  timeZone: string,
  rules: StoredDeadlineRule[],
): Promise<{ warnings: number; urges: number }> {
  const result = { warnings: 0, urges: 0 };
  for (const definition of CLOCK_DEFINITIONS) {
    const due = await readAll(data, definition.collection, {
      filter: { _and: [{ [definition.warn]: { _lte: now.toISOString() } }, ...runningClockFilter(definition)] },
      fields: storedFields(data.schema, definition.collection),
    });
    const events = due.flatMap((item) => {
      const rule = definition.rule(item, rules);
      if (!rule || !item[definition.due] || !item[definition.warn]) return [];
      const numberField = CASE_NUMBER_FIELDS[definition.collection];
      const event = clockEvent(
        {
          collection: definition.collection,
          itemId: String(item['id']),
          caseNo: numberField ? (item[numberField] ?? null) : null,
          clockId: definition.id,
          ruleName: String((rule as { name?: string }).name ?? rule.key),
          department: definition.holder(item, rule),
          dueAt: new Date(item[definition.due]),
          warnAt: new Date(item[definition.warn]),
        },
        now,
        timeZone,
      );
      return event ? [event] : [];
    });
    // Most due cases were told in an earlier run: one read skips them; the rest are issued together.
    const known = await issuedKeys(
      data,
      events.map((event) => event.key),
    );
    const issued = await issueEach(
      data,
      events.filter((event) => !known.has(event.key)),
      (event) => ({
        key: event.key,
        kind: event.kind,
        collection: event.collection,
        item: event.itemId,
        department: event.department,
        due_at: event.dueAt.toISOString(),
      }),
      now,
      async (trx, fresh) => {
        const numbers = await writeUrgeNotices(trx, fresh.filter((event) => event.kind === 'urge').map(urgeOf), now, timeZone);
        await sendNotices(
          trx,
          fresh.map((event) => ({
            department: event.department,
            notice: {
              subject: event.kind === 'urge' ? `【催办】${event.caseNo ?? ''} 已逾期` : `【即将超时】${event.caseNo ?? ''}`,
              message: event.message,
              collection: event.collection,
              item: event.itemId,
              ref: noticeRef(event, numbers.get(event.key)),
            },
          })),
        );
      },
    );
    for (const event of issued) result[event.kind === 'urge' ? 'urges' : 'warnings']++;
  }
  return result;
}

/** How the log names a notice whose mail failed: the 催办单's number, or the case a warning is about. */
const noticeRef = (event: ClockEvent, number: string | null | undefined) =>
  event.kind === 'urge' && number
    ? `催办单 ${number}`
    : `${event.kind === 'urge' ? '催办' : '预警'} ${event.caseNo ?? `${event.collection}#${event.itemId}`}`;

const urgeOf = (event: ClockEvent) => ({
  key: event.key,
  collection: event.collection,
  item: event.itemId,
  caseNo: event.caseNo,
  department: event.department,
  dueAt: event.dueAt,
  reason: event.message,
});

/** Which of these ledger keys were issued already (read in chunks to keep each query small; a key is text, nothing to cast). */
async function issuedKeys(data: DataAccess, keys: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let start = 0; start < keys.length; start += 500) {
    const rows: unknown[] = await data
      .database('deadline_events')
      .whereIn('key', keys.slice(start, start + 500))
      .pluck('key');
    for (const key of rows) known.add(String(key));
  }
  return known;
}
