import type { ConfigLedger } from './config-ledger';
import { readYaml } from './read-yaml';
import { reconcileConfig, type ReconcileCounts } from './reconcile-config';
import { SYSTEM_ADMIN, type SetupContext } from './setup-context';

interface ConfigFile {
  translation_strings?: Record<string, Record<string, string>>;
}

/**
 * The custom translation strings of config.yaml (the titles of the console's error dialogs among
 * them), through the ledger: a new key is added once; an administrator's wording stays, also when a
 * release rewords the same key (reported).
 */
export async function seedTranslations(ctx: SetupContext, schema: unknown, ledger: ConfigLedger): Promise<ReconcileCounts> {
  const { translation_strings: strings = {} } = await readYaml<ConfigFile>(ctx.snapshotsPath, 'config.yaml');
  const service = new ctx.services['TranslationsService']({ knex: ctx.database, schema, accountability: SYSTEM_ADMIN });
  const existing: { id: string; key: string; language: string; value: string }[] = await service.readByQuery({ limit: -1 });
  return reconcileConfig(ledger, {
    kind: 'translation',
    adopt: 'keep',
    shipped: Object.entries(strings).flatMap(([language, values]) =>
      Object.entries(values).map(([key, value]) => ({
        key: `${language}:${key}`,
        label: `翻译字符串 ${key}（${language}）`,
        value: { value },
      })),
    ),
    current: existing.map((row) => ({ key: `${row.language}:${row.key}`, target: String(row.id), value: { value: row.value } })),
    propertyLabel: () => '译文',
    create: async (item) => {
      const [language, ...key] = item.key.split(':');
      return String(await service.createOne({ language, key: key.join(':'), value: item.value['value'] }, { emitEvents: false }));
    },
    update: (target, values) => service.updateOne(target, values, { emitEvents: false }),
  });
}
