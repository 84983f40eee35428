import { readYaml } from './read-yaml';
import { SYSTEM_ADMIN, type SetupContext } from './setup-context';

interface DashboardSeed {
  name: string;
  icon: string;
  color: string | null;
  note: string | null;
  panels: Record<string, unknown>[];
}

/**
 * The Insights dashboards of config.yaml (投诉管理, 理赔时效). A dashboard is created with its panels
 * when none of that name exists; an existing one is left as administrators made it.
 */
export async function seedDashboards(ctx: SetupContext, schema: unknown): Promise<string[]> {
  const { dashboards = [] } = await readYaml<{ dashboards?: DashboardSeed[] }>(ctx.snapshotsPath, 'config.yaml');
  const options = { knex: ctx.database, schema, accountability: SYSTEM_ADMIN };
  const dashboardsService = new ctx.services['DashboardsService'](options);
  const panelsService = new ctx.services['PanelsService'](options);
  const existing: { name: string }[] = await dashboardsService.readByQuery({ fields: ['name'], limit: -1 });
  const created: string[] = [];
  for (const { panels, ...dashboard } of dashboards) {
    if (existing.some((row) => row.name === dashboard.name)) continue;
    const id = await dashboardsService.createOne(dashboard);
    if (panels.length) await panelsService.createMany(panels.map((panel) => ({ color: null, note: null, ...panel, dashboard: id })));
    created.push(dashboard.name);
  }
  return created;
}
