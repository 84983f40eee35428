interface SnapshotMeta {
  translations?: { language: string; translation: string }[] | null;
}
interface Snapshot {
  collections: { collection: string; meta: SnapshotMeta | null }[];
  fields: { collection: string; field: string; meta: SnapshotMeta | null }[];
}

const zh = (meta: SnapshotMeta | null) => meta?.translations?.find((t) => t.language === 'zh-CN')?.translation ?? null;

/** The Chinese names of collections and fields as the shipped schema snapshot gives them, for the upgrade record. */
export function modelLabels(snapshot: Snapshot) {
  const collections = new Map(snapshot.collections.map((c) => [c.collection, zh(c.meta)]));
  const fields = new Map(snapshot.fields.map((f) => [`${f.collection}.${f.field}`, zh(f.meta)]));
  return {
    collection: (collection: string) => collections.get(collection) ?? collection,
    field: (collection: string, field: string) => {
      const label = fields.get(`${collection}.${field}`);
      return label ? `${label}（${field}）` : field;
    },
  };
}

export type ModelLabels = ReturnType<typeof modelLabels>;
