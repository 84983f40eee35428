import { SYSTEM_ADMIN, type SetupContext } from './setup-context';
import { readYaml } from './read-yaml';
import { mergeModuleBar, type ModuleBarEntry } from './merge-module-bar';

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
const CONSOLE_MODULES = ['after-sales-workbench'];

/**
 * Project settings from config.yaml. A setting is written while it still holds the Directus
 * default (or nothing), so what an administrator changed in 设置 stays as they left it. The module
 * bar is the one addition: a module new in this version joins a bar that was already arranged.
 */
export async function seedSettings(ctx: SetupContext, schema: unknown): Promise<string[]> {
  const { settings } = await readYaml<ConfigFile>(ctx.snapshotsPath, 'config.yaml');
  const service = new ctx.services['SettingsService']({ knex: ctx.database, schema, accountability: SYSTEM_ADMIN });
  const current: Record<string, unknown> = (await service.readSingleton({})) ?? {};
  const wanted: Record<string, unknown> = { ...settings };
  const projectName = ctx.env['PROJECT_NAME'];
  if (typeof projectName === 'string' && projectName.length > 0) wanted['project_name'] = projectName;
  const owner = ctx.env['PROJECT_OWNER'];
  // Bootstrap records the owner of a new database; this covers a database created without it.
  if (typeof owner === 'string' && owner.includes('@') && !current['project_owner']) wanted['project_owner'] = owner;

  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    const untouched = current[key] === undefined || current[key] === null || (DIRECTUS_DEFAULTS[key] ?? []).includes(current[key]);
    if (untouched && JSON.stringify(current[key]) !== JSON.stringify(value)) changes[key] = value;
  }
  if (!('module_bar' in changes) && Array.isArray(current['module_bar']) && Array.isArray(wanted['module_bar'])) {
    const merged = mergeModuleBar(current['module_bar'] as ModuleBarEntry[], wanted['module_bar'] as ModuleBarEntry[], CONSOLE_MODULES);
    if (merged) changes['module_bar'] = merged;
  }
  if (Object.keys(changes).length > 0) await service.upsertSingleton(changes);
  return Object.keys(changes);
}
