import type { Knex } from 'knex';

/** `collection.field` → its zh-CN label (directus_fields.translations). */
export type FieldLabels = Map<string, string>;

/** Label edits in 数据模型 show in messages within this time on every instance. */
const MAX_AGE_MS = 60_000;
let cached: { at: number; labels: Promise<FieldLabels> } | null = null;

/** The zh-CN labels of every field, read at most once a minute per process. */
export function fieldLabels(database: Knex, now = Date.now()): Promise<FieldLabels> {
  if (cached && now - cached.at < MAX_AGE_MS) return cached.labels;
  const labels = database('directus_fields')
    .select('collection', 'field', 'translations')
    .then((rows: { collection: string; field: string; translations: unknown }[]) => {
      const map: FieldLabels = new Map();
      for (const row of rows) {
        const list = typeof row.translations === 'string' ? JSON.parse(row.translations) : row.translations;
        const zh = Array.isArray(list) ? list.find((t: { language?: string }) => t.language === 'zh-CN') : null;
        if (zh?.translation) map.set(`${row.collection}.${row.field}`, zh.translation);
      }
      return map;
    });
  const entry = { at: now, labels };
  cached = entry;
  labels.catch(() => {
    if (cached === entry) cached = null;
  });
  return labels;
}

const byCollection = new WeakMap<FieldLabels, Map<string, Readonly<Record<string, string>>>>();

/** The labels of one collection's fields, keyed by field (sorted out once per reading of the labels). */
export function labelsOf(labels: FieldLabels, collection: string): Readonly<Record<string, string>> {
  let collections = byCollection.get(labels);
  if (!collections) byCollection.set(labels, (collections = new Map()));
  let own = collections.get(collection);
  if (!own) {
    const prefix = `${collection}.`;
    own = Object.freeze(
      Object.fromEntries([...labels].filter(([key]) => key.startsWith(prefix)).map(([key, label]) => [key.slice(prefix.length), label])),
    );
    collections.set(collection, own);
  }
  return own;
}
