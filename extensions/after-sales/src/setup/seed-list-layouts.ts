import { readYaml } from './read-yaml';
import { SYSTEM_ADMIN, type SetupContext } from './setup-context';

interface ConfigFile {
  list_layouts: Record<string, { fields: string[]; sort: string[] }>;
}

/** Default list columns per collection, as a global preset; an existing global preset is kept. */
export async function seedListLayouts(ctx: SetupContext, schema: unknown): Promise<number> {
  const { list_layouts: layouts } = await readYaml<ConfigFile>(ctx.snapshotsPath, 'config.yaml');
  const presets = new ctx.services['PresetsService']({ knex: ctx.database, schema, accountability: SYSTEM_ADMIN });
  const existing: { collection: string }[] = await presets.readByQuery({
    filter: { user: { _null: true }, role: { _null: true }, bookmark: { _null: true } },
    fields: ['collection'],
    limit: -1,
  });
  const present = new Set(existing.map((preset) => preset.collection));
  const missing = Object.entries(layouts).filter(([collection]) => !present.has(collection));
  for (const [collection, { fields, sort }] of missing) {
    await presets.createOne({
      collection,
      layout: 'tabular',
      layout_query: { tabular: { fields, sort, limit: 25 } },
      layout_options: { tabular: { spacing: 'cozy' } },
    });
  }
  return missing.length;
}
