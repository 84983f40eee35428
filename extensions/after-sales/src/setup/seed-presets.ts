import type { AccessFile } from '../domain/access-matrix';
import type { StoredDeadlineRule } from '../domain/case-clocks';
import { departmentOfRole } from '../domain/departments';
import { columnsForMaskedReader } from '../domain/personal-data';
import { bookmarkFilter, bookmarkSort, type BookmarkScope } from '../domain/work-queue';
import { readYaml } from './read-yaml';
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
export function bookmarkQuery(config: BookmarkConfig, roleName: string, rules: StoredDeadlineRule[]): { filter: Record<string, unknown>; sort: string[] } | null {
  if (!config.work) return { filter: config.filter ?? {}, sort: config.sort ?? [] };
  const department = departmentOfRole(roleName);
  const filter = department ? bookmarkFilter(config.collection, department, rules, config.work) : null;
  return filter ? { filter, sort: config.sort ?? bookmarkSort(config.collection) } : null;
}

/**
 * Default list columns per collection (a global preset) and the role bookmarks of config.yaml.
 * Each is inserted once: a preset that already exists is left as people made it. Work bookmarks
 * read the deadline rules (who holds which clock), so setup seeds them after the rule rows.
 * The roles denied ID numbers and phones (access.yaml) cannot read those columns, and the app drops
 * columns a user cannot read: they get a list preset of their own showing the masked copies instead.
 */
export async function seedPresets(ctx: SetupContext, schema: unknown): Promise<number> {
  const { list_layouts: layouts, bookmarks } = await readYaml<ConfigFile>(ctx.snapshotsPath, 'config.yaml');
  const presets = new ctx.services['PresetsService']({ knex: ctx.database, schema, accountability: SYSTEM_ADMIN });
  const roles: { id: string; name: string }[] = await new ctx.services['RolesService']({ knex: ctx.database, schema, accountability: SYSTEM_ADMIN }).readByQuery({ fields: ['id', 'name'], limit: -1 });
  const existing: { collection: string; bookmark: string | null; role: string | null; user: string | null }[] = await presets.readByQuery({
    filter: { user: { _null: true } },
    fields: ['collection', 'bookmark', 'role', 'user'],
    limit: -1,
  });
  const has = (collection: string, bookmark: string | null, role: string | null) =>
    existing.some((preset) => preset.collection === collection && preset.bookmark === bookmark && preset.role === role);

  const access = await readYaml<AccessFile>(ctx.snapshotsPath, 'access.yaml');
  const maskedRoles = new Set(access.roles.filter((role) => role.policies.some((policy) => access.personal_data_withheld_from.includes(policy))).map((role) => role.name));
  const columns = (collection: string, fields: string[], roleName: string | null) => (roleName && maskedRoles.has(roleName) ? columnsForMaskedReader(collection, fields) : fields);

  const wanted: Record<string, unknown>[] = [];
  const listPreset = (collection: string, fields: string[], sort: string[], role: string | null) =>
    ({ collection, role, layout: 'tabular', layout_query: { tabular: { fields, sort, limit: 25 } }, layout_options: { tabular: { spacing: 'cozy' } } });
  for (const [collection, { fields, sort }] of Object.entries(layouts)) {
    if (!has(collection, null, null)) wanted.push(listPreset(collection, fields, sort, null));
    for (const role of roles.filter((r) => maskedRoles.has(r.name))) {
      const own = columns(collection, fields, role.name);
      if (own.join() !== fields.join() && !has(collection, null, role.id)) wanted.push(listPreset(collection, own, sort, role.id));
    }
  }
  const rules: StoredDeadlineRule[] = await new ctx.services['ItemsService']('deadline_rules', { knex: ctx.database, schema, accountability: SYSTEM_ADMIN }).readByQuery({ limit: -1 });
  for (const config of bookmarks) {
    const { bookmark, collection, roles: roleNames } = config;
    for (const name of roleNames) {
      const fields = columns(collection, layouts[collection]?.fields ?? ['*'], name);
      const role = roles.find((r) => r.name === name);
      const query = bookmarkQuery(config, name, rules);
      if (!role || !query || has(collection, bookmark, role.id)) continue;
      wanted.push({
        bookmark, collection, role: role.id, icon: config.icon ?? 'bookmark', color: config.color ?? null, layout: 'tabular',
        filter: query.filter, layout_query: { tabular: { fields, sort: query.sort, limit: 25 } },
      });
    }
  }
  if (wanted.length) await presets.createMany(wanted);
  return wanted.length;
}
