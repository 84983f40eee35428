import { readYaml } from './read-yaml';
import { SYSTEM_ADMIN, type SetupContext } from './setup-context';

interface ConfigFile {
  list_layouts: Record<string, { fields: string[]; sort: string[] }>;
  bookmarks: { bookmark: string; collection: string; roles: string[]; filter: Record<string, unknown>; sort: string[] }[];
}

/**
 * Default list columns per collection (a global preset) and the role bookmarks of config.yaml.
 * Each is inserted once: a preset that already exists is left as people made it.
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

  const wanted: Record<string, unknown>[] = [];
  for (const [collection, { fields, sort }] of Object.entries(layouts)) {
    if (!has(collection, null, null)) wanted.push({ collection, layout: 'tabular', layout_query: { tabular: { fields, sort, limit: 25 } }, layout_options: { tabular: { spacing: 'cozy' } } });
  }
  for (const { bookmark, collection, roles: roleNames, filter, sort } of bookmarks) {
    const fields = layouts[collection]?.fields ?? ['*'];
    for (const name of roleNames) {
      const role = roles.find((r) => r.name === name);
      if (!role || has(collection, bookmark, role.id)) continue;
      wanted.push({ bookmark, collection, role: role.id, icon: 'bookmark', layout: 'tabular', filter, layout_query: { tabular: { fields, sort, limit: 25 } } });
    }
  }
  if (wanted.length) await presets.createMany(wanted);
  return wanted.length;
}
