import { readYaml } from './read-yaml';
import { insertMissingRows } from './seed-rows';
import type { SetupContext } from './setup-context';

interface ConfigFile {
  translation_strings?: Record<string, Record<string, string>>;
}

/**
 * The custom translation strings of config.yaml (the titles of the console's error dialogs among
 * them), inserted where that key and language are missing: an administrator's wording stays.
 */
export async function seedTranslations(ctx: SetupContext, schema: unknown): Promise<number> {
  const { translation_strings: strings = {} } = await readYaml<ConfigFile>(ctx.snapshotsPath, 'config.yaml');
  const rows = Object.entries(strings).flatMap(([language, values]) => Object.entries(values).map(([key, value]) => ({ key, language, value })));
  return insertMissingRows(ctx, schema, 'directus_translations', ['key', 'language'], rows);
}
