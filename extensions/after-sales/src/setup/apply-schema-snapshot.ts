import type { ConfigValue } from '../domain/config-upgrade';
import type { ConfigLedger } from './config-ledger';
import type { ModelLabels } from './model-labels';
import { readYaml } from './read-yaml';
import { reconcileConfig } from './reconcile-config';
import { SYSTEM_ADMIN, type SetupContext } from './setup-context';

interface DiffEntry {
  kind: 'N' | 'D' | 'E' | 'A';
  path?: (string | number)[];
}
interface SnapshotDiff {
  collections: { collection: string; diff: DiffEntry[] }[];
  fields: { collection: string; field: string; diff: DiffEntry[] }[];
  systemFields?: { collection: string; field: string; diff: DiffEntry[] }[];
  relations: { collection: string; field: string; related_collection: string | null; diff: DiffEntry[] }[];
}

const removesWhole = (diff: DiffEntry[]) => diff.length === 1 && diff[0]?.kind === 'D' && !diff[0].path;
const createsWhole = (diff: DiffEntry[]) => diff.length === 1 && diff[0]?.kind === 'N' && !diff[0].path;

/**
 * Upgrade in place: what the snapshot adds is created, and labels, notes and interfaces (`meta`)
 * follow the snapshot. What only the database has (a field an administrator added) is kept, and
 * column definitions of existing fields are never altered here: that needs a written migration.
 */
export function additiveDiff(diff: SnapshotDiff): SnapshotDiff {
  const keepMeta = (entries: DiffEntry[]) => (createsWhole(entries) ? entries : entries.filter((entry) => entry.path?.[0] === 'meta'));
  const fields = diff.fields
    .filter((entry) => !removesWhole(entry.diff))
    .map((entry) => ({ ...entry, diff: keepMeta(entry.diff) }))
    .filter((entry) => entry.diff.length > 0);
  return {
    collections: diff.collections
      .filter((entry) => !removesWhole(entry.diff))
      .map((entry) => ({ ...entry, diff: keepMeta(entry.diff) }))
      .filter((entry) => entry.diff.length > 0),
    fields,
    systemFields: [],
    relations: diff.relations.filter((entry) => createsWhole(entry.diff)),
  };
}

interface SnapshotItem {
  collection: string;
  field?: string;
  meta: ConfigValue | null;
}
interface Snapshot {
  collections: SnapshotItem[];
  fields: SnapshotItem[];
  [key: string]: unknown;
}

/** The Chinese names of the settings of a collection or a field (data model), for reports and messages. */
export const META_LABELS: Record<string, string> = {
  translations: '名称',
  note: '说明',
  interface: '界面',
  options: '界面选项',
  display: '显示方式',
  display_options: '显示选项',
  readonly: '只读',
  hidden: '隐藏',
  width: '宽度',
  required: '必填',
  validation: '校验',
  validation_message: '校验提示',
  conditions: '条件',
  group: '分组',
  sort: '顺序',
  special: '特殊类型',
  icon: '图标',
  color: '颜色',
  display_template: '显示模板',
  sort_field: '排序字段',
  archive_field: '归档字段',
};

/** The meta properties compared across releases (the item's own name and id are not settings). */
const settingsOf = (meta: ConfigValue | null | undefined): ConfigValue | null => {
  if (!meta) return null;
  const { id: _id, collection: _collection, field: _field, ...rest } = meta;
  return rest;
};

/**
 * Field and collection settings (`meta`: labels, notes, interfaces, choices, conditions…) through
 * the ledger: what the administrator changed in the data model stays; a release change to a setting
 * they left as shipped is applied, one to a setting they changed is reported. The snapshot applied
 * is the shipped one with the kept settings put back, so Directus's own diff applies exactly the rest.
 */
function keepAdministratorMeta(ledger: ConfigLedger, labels: ModelLabels, shipped: Snapshot, current: Snapshot): Promise<Snapshot> {
  const merge = async (kind: 'field' | 'collection', items: SnapshotItem[], currentItems: SnapshotItem[]) => {
    const keyOf = (item: SnapshotItem) => (item.field ? `${item.collection}.${item.field}` : item.collection);
    const existing = new Map(currentItems.map((item) => [keyOf(item), item]));
    const patches = new Map<string, ConfigValue>();
    const withMeta = items.filter((item) => item.meta && existing.get(keyOf(item))?.meta);
    await reconcileConfig(ledger, {
      kind,
      adopt: 'apply',
      shipped: withMeta.map((item) => ({
        key: keyOf(item),
        label: item.field
          ? `字段「${labels.collection(item.collection)} · ${labels.field(item.collection, item.field)}」`
          : `集合「${labels.collection(item.collection)}」`,
        value: settingsOf(item.meta)!,
      })),
      current: withMeta.map((item) => ({ key: keyOf(item), target: keyOf(item), value: settingsOf(existing.get(keyOf(item))!.meta)! })),
      propertyLabel: (property) => META_LABELS[property] ?? property,
      create: async (item) => item.key,
      update: async (key, values) => void patches.set(key, values),
    });
    // New items are created as shipped by the diff below: recorded as shipped now, so an edit before the next start stays.
    return items.map((item) => {
      const key = keyOf(item);
      const stored = existing.get(key);
      if (!item.meta) return item;
      if (!stored?.meta) {
        ledger.set(kind, key, { value: settingsOf(item.meta)!, target: key });
        return item;
      }
      return { ...item, meta: { ...item.meta, ...settingsOf(stored.meta), ...(patches.get(key) ?? {}) } };
    });
  };
  return (async () => ({
    ...shipped,
    collections: await merge('collection', shipped.collections, current.collections),
    fields: await merge('field', shipped.fields, current.fields),
  }))();
}

export async function applySchemaSnapshot(ctx: SetupContext, ledger: ConfigLedger, labels: ModelLabels): Promise<number> {
  const shipped = await readYaml<Snapshot>(ctx.snapshotsPath, 'schema.yaml');
  const service = new ctx.services['SchemaService']({ knex: ctx.database, accountability: SYSTEM_ADMIN });
  const snapshot = await keepAdministratorMeta(ledger, labels, shipped, await service.snapshot());
  // force: a snapshot taken on SQLite also serves PostgreSQL; only meta and new items are applied.
  const diff: SnapshotDiff | null = await service.diff(snapshot, { force: true });
  if (!diff) return 0;
  const changes = additiveDiff(diff);
  const count = changes.collections.length + changes.fields.length + changes.relations.length;
  if (count === 0) return 0;
  const current = await service.snapshot();
  await service.apply({ hash: service.getHashedSnapshot(current).hash, diff: changes }, { force: true });
  return count;
}
