import type { ConfigLedger } from './config-ledger';
import { SYSTEM_ADMIN, type SetupContext } from './setup-context';
import { readYaml } from './read-yaml';
import { mergeModuleBar, type ModuleBarEntry } from './merge-module-bar';
import { reconcileConfig } from './reconcile-config';

interface ConfigFile {
  settings: Record<string, unknown>;
}

const DIRECTUS_DEFAULTS: Record<string, unknown[]> = {
  project_name: ['Directus', null, ''],
  default_language: ['en-US', null, ''],
  project_color: ['#6644FF', null, ''],
  auth_login_attempts: [25],
};

/** Modules this bundle brings; each is added once to a module bar an administrator already arranged. */
const CONSOLE_MODULES = ['after-sales-workbench', 'after-sales-rules'];

/** The Chinese names of the project settings the console ships or moves between consoles. */
export const SETTING_LABELS: Record<string, string> = {
  project_name: '项目名称',
  project_descriptor: '项目描述',
  project_color: '项目颜色',
  default_language: '默认语言',
  default_appearance: '默认外观',
  public_registration: '公开注册',
  report_error_url: '错误报告链接',
  auth_login_attempts: '登录失败次数上限',
  project_owner: '项目负责人',
  module_bar: '模块栏',
};

/**
 * Project settings from config.yaml, through the ledger: each is written once per release that
 * changes it, and only while the administrator left it as shipped; a database from before the
 * ledger takes a setting only while it holds the Directus default (or nothing). The module bar is
 * its own case: a console module new in this version joins a bar that was already arranged.
 */
export async function seedSettings(ctx: SetupContext, schema: unknown, ledger: ConfigLedger): Promise<string[]> {
  const { settings } = await readYaml<ConfigFile>(ctx.snapshotsPath, 'config.yaml');
  const service = new ctx.services['SettingsService']({ knex: ctx.database, schema, accountability: SYSTEM_ADMIN });
  const current: Record<string, unknown> = (await service.readSingleton({})) ?? {};
  const { module_bar: moduleBar, ...wanted }: Record<string, unknown> = { ...settings };
  const projectName = ctx.env['PROJECT_NAME'];
  if (typeof projectName === 'string' && projectName.length > 0) wanted['project_name'] = projectName;
  const owner = ctx.env['PROJECT_OWNER'];
  // Bootstrap records the owner of a new database; this covers a database created without it.
  if (typeof owner === 'string' && owner.includes('@') && !current['project_owner']) wanted['project_owner'] = owner;

  const changes: Record<string, unknown> = {};
  const isDefault = (key: string) =>
    current[key] === undefined || current[key] === null || (DIRECTUS_DEFAULTS[key] ?? []).includes(current[key]);
  await reconcileConfig(ledger, {
    kind: 'setting',
    adopt: (item) => (isDefault(item.key) ? 'apply' : 'keep'),
    shipped: Object.entries(wanted).map(([key, value]) => ({ key, label: `项目设置「${SETTING_LABELS[key] ?? key}」`, value: { value } })),
    current: Object.keys(wanted).map((key) => ({ key, target: key, value: { value: current[key] ?? null } })),
    propertyLabel: () => '取值',
    create: async (item) => item.key,
    update: async (key, values) => {
      changes[key] = values['value'];
    },
  });
  if (Array.isArray(current['module_bar']) && Array.isArray(moduleBar)) {
    const merged = mergeModuleBar(current['module_bar'] as ModuleBarEntry[], moduleBar as ModuleBarEntry[], CONSOLE_MODULES);
    if (merged) changes['module_bar'] = merged;
  } else if (!Array.isArray(current['module_bar']) && moduleBar) {
    changes['module_bar'] = moduleBar;
  }
  if (Object.keys(changes).length > 0) await service.upsertSingleton(changes);
  return Object.keys(changes);
}
