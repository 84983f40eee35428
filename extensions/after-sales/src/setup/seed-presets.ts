import type { AccessFile } from '../domain/access-matrix';
import type { StoredDeadlineRule } from '../domain/case-clocks';
import { departmentOfRole } from '../domain/departments';
import { columnsForMaskedReader } from '../domain/personal-data';
import { bookmarkFilter, bookmarkSort, type BookmarkScope } from '../domain/work-queue';
import type { ConfigLedger } from './config-ledger';
import type { ModelLabels } from './model-labels';
import { readYaml } from './read-yaml';
import { reconcileConfig, type ReconcileCounts } from './reconcile-config';
import { SYSTEM_ADMIN, type SetupContext } from './setup-context';

export interface BookmarkConfig {
  bookmark: string;
  collection: string;
  roles: string[];
  /** a fixed filter, or `work:` for the role's department's share of the work queue */
  filter?: Record<string, unknown>;
  work?: BookmarkScope;
  sort?: string[];
  icon?: string;
  color?: string;
}

interface ConfigFile {
  list_layouts: Record<string, { fields: string[]; sort: string[] }>;
  bookmarks: BookmarkConfig[];
}

/** The filter and sort a role's bookmark gets; null when the role has no such work. */
export function bookmarkQuery(
  config: BookmarkConfig,
  roleName: string,
  rules: StoredDeadlineRule[],
): { filter: Record<string, unknown>; sort: string[] } | null {
  if (!config.work) return { filter: config.filter ?? {}, sort: config.sort ?? [] };
  const department = departmentOfRole(roleName);
  const filter = department ? bookmarkFilter(config.collection, department, rules, config.work) : null;
  return filter ? { filter, sort: config.sort ?? bookmarkSort(config.collection) } : null;
}

const PRESET_LABELS: Record<string, string> = {
  layout_query: '列与排序',
  layout_options: '显示选项',
  filter: '筛选条件',
  icon: '图标',
  color: '颜色',
};

/**
 * Default list columns per collection (a global preset) and the role bookmarks of config.yaml,
 * through the ledger: each is created once, changed by a release only where nobody changed it, and a
 * preset someone changed or deleted stays so. Work bookmarks read the deadline rules (who holds which
 * clock), so setup seeds them after the rule rows. The roles denied ID numbers and phones (access.yaml)
 * cannot read those columns, and the app drops columns a user cannot read: they get a list preset of
 * their own showing the masked copies instead.
 */
export async function seedPresets(ctx: SetupContext, schema: unknown, ledger: ConfigLedger, labels: ModelLabels): Promise<ReconcileCounts> {
  const { list_layouts: layouts, bookmarks } = await readYaml<ConfigFile>(ctx.snapshotsPath, 'config.yaml');
  const presets = new ctx.services['PresetsService']({ knex: ctx.database, schema, accountability: SYSTEM_ADMIN });
  const roles: { id: string; name: string }[] = await new ctx.services['RolesService']({
    knex: ctx.database,
    schema,
    accountability: SYSTEM_ADMIN,
  }).readByQuery({ fields: ['id', 'name'], limit: -1 });
  const roleName = new Map(roles.map((role) => [role.id, role.name]));
  const existing: Record<string, any>[] = await presets.readByQuery({ filter: { user: { _null: true } }, limit: -1 });

  const access = await readYaml<AccessFile>(ctx.snapshotsPath, 'access.yaml');
  const maskedRoles = new Set(
    access.roles
      .filter((role) => role.policies.some((policy) => access.personal_data_withheld_from.includes(policy)))
      .map((role) => role.name),
  );
  const columns = (collection: string, fields: string[], name: string | null) =>
    name && maskedRoles.has(name) ? columnsForMaskedReader(collection, fields) : fields;

  const presetKey = (collection: string, bookmark: string | null, role: string | null) => `${collection}|${bookmark ?? ''}|${role ?? ''}`;
  const wanted: { key: string; label: string; value: Record<string, unknown> }[] = [];
  const listPreset = (collection: string, fields: string[], sort: string[], role: string | null) => ({
    key: presetKey(collection, null, role),
    label: `列表布局「${labels.collection(collection)}${role ? ` · ${role}` : ''}」`,
    value: {
      bookmark: null,
      layout: 'tabular',
      layout_query: { tabular: { fields, sort, limit: 25 } },
      layout_options: { tabular: { spacing: 'cozy' } },
    },
  });
  for (const [collection, { fields, sort }] of Object.entries(layouts)) {
    wanted.push(listPreset(collection, fields, sort, null));
    for (const role of roles.filter((r) => maskedRoles.has(r.name))) {
      const own = columns(collection, fields, role.name);
      if (own.join() !== fields.join()) wanted.push(listPreset(collection, own, sort, role.name));
    }
  }
  const rules: StoredDeadlineRule[] = await new ctx.services['ItemsService']('deadline_rules', {
    knex: ctx.database,
    schema,
    accountability: SYSTEM_ADMIN,
  }).readByQuery({ limit: -1 });
  for (const config of bookmarks) {
    const { bookmark, collection, roles: roleNames } = config;
    for (const name of roleNames) {
      const query = bookmarkQuery(config, name, rules);
      if (!roles.some((r) => r.name === name) || !query) continue;
      const fields = columns(collection, layouts[collection]?.fields ?? ['*'], name);
      wanted.push({
        key: presetKey(collection, bookmark, name),
        label: `书签「${bookmark}」（${labels.collection(collection)} · ${name}）`,
        value: {
          bookmark,
          icon: config.icon ?? 'bookmark',
          color: config.color ?? null,
          layout: 'tabular',
          filter: query.filter,
          layout_query: { tabular: { fields, sort: query.sort, limit: 25 } },
        },
      });
    }
  }
  const roleIdOf = new Map(roles.map((role) => [role.name, role.id]));
  return reconcileConfig(ledger, {
    kind: 'preset',
    adopt: 'keep',
    shipped: wanted,
    current: existing.map((preset) => ({
      key: presetKey(
        preset['collection'],
        preset['bookmark'] ?? null,
        preset['role'] ? (roleName.get(preset['role']) ?? preset['role']) : null,
      ),
      target: String(preset['id']),
      value: preset,
    })),
    propertyLabel: (property) => PRESET_LABELS[property] ?? property,
    create: async (item) => {
      const [collection, , role] = item.key.split('|') as [string, string, string];
      return String(await presets.createOne({ ...item.value, collection, role: role ? (roleIdOf.get(role) ?? null) : null }));
    },
    update: (target, values) => presets.updateOne(Number(target), values),
  });
}
