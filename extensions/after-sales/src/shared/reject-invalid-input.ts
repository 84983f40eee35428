import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { inputViolation, needsStoredItem } from '../domain/input-rules';
import { InvalidInputError } from '../errors/invalid-input-error';
import { readStored, type DataAccess } from './data-access';

let labelCache: Promise<Map<string, string>> | null = null;

/** The zh-CN labels of every field (directus_fields.translations), read once per process. */
function fieldLabels(database: Knex): Promise<Map<string, string>> {
  labelCache ??= database('directus_fields')
    .select('collection', 'field', 'translations')
    .then((rows: { collection: string; field: string; translations: unknown }[]) => {
      const labels = new Map<string, string>();
      for (const row of rows) {
        const list = typeof row.translations === 'string' ? JSON.parse(row.translations) : row.translations;
        const zh = Array.isArray(list) ? list.find((t: { language?: string }) => t.language === 'zh-CN') : null;
        if (zh?.translation) labels.set(`${row.collection}.${row.field}`, zh.translation);
      }
      return labels;
    })
    .catch((error: unknown) => {
      labelCache = null;
      throw error;
    });
  return labelCache;
}

const lengthCache = new Map<string, Promise<Record<string, number>>>();

/** Declared lengths of a collection's varchar columns, read once per process per collection. */
function columnLengths(database: Knex, collection: string): Promise<Record<string, number>> {
  let lengths = lengthCache.get(collection);
  if (!lengths) {
    lengths = database(collection)
      .columnInfo()
      .then((columns) => Object.fromEntries(Object.entries(columns).flatMap(([field, info]) => (Number(info.maxLength) > 0 ? [[field, Number(info.maxLength)]] : []))))
      .catch((error: unknown) => {
        lengthCache.delete(collection);
        throw error;
      });
    lengthCache.set(collection, lengths);
  }
  return lengths;
}

/**
 * Filter for `items.create` / `items.update` of client requests (the console's own writes are
 * trusted): every written value must pass domain/input-rules, checked against the stored item
 * on an update. Refused before anything is written, so a batch with one bad row writes nothing.
 */
export async function rejectInvalidInput(
  data: DataAccess & { schema: SchemaOverview },
  accountability: Accountability | null,
  collection: string,
  payload: unknown,
  keys: (string | number)[] | null,
  now: Date,
): Promise<void> {
  if (!accountability || typeof payload !== 'object' || payload === null) return;
  const fields = data.schema.collections[collection]?.fields;
  if (!fields) return;
  const fieldTypes = Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.type as string]));
  const rows = (Array.isArray(payload) ? payload : [payload]) as Record<string, unknown>[];
  const currents = keys?.length && rows.some((row) => needsStoredItem(collection, row)) ? await readStored(data, collection, keys) : [null];
  const all = await fieldLabels(data.database);
  const maxLengths = await columnLengths(data.database, collection);
  const prefix = `${collection}.`;
  const labels = Object.fromEntries([...all].filter(([key]) => key.startsWith(prefix)).map(([key, label]) => [key.slice(prefix.length), label]));
  for (const changes of rows) {
    for (const current of currents) {
      const violation = inputViolation({ collection, fieldTypes, maxLengths, changes, current, now, labels });
      if (violation) throw new InvalidInputError({ field: violation.field, label: labels[violation.field] ?? violation.field, rule: violation.rule });
    }
  }
}
