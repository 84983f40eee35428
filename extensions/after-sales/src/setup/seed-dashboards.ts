import type { ConfigLedger } from './config-ledger';
import { readYaml } from './read-yaml';
import { reconcileConfig } from './reconcile-config';
import { SYSTEM_ADMIN, type SetupContext } from './setup-context';

interface DashboardSeed {
  name: string;
  icon: string;
  color: string | null;
  note: string | null;
  panels: Record<string, unknown>[];
}

const DASHBOARD_LABELS: Record<string, string> = {
  name: '名称',
  icon: '图标',
  color: '颜色',
  note: '说明',
  type: '类型',
  show_header: '显示标题',
  position_x: '位置',
  position_y: '位置',
  width: '宽度',
  height: '高度',
  options: '选项',
};

/**
 * The Insights dashboards of config.yaml (投诉管理, 理赔时效) and their panels, through the ledger: each
 * is created once; a release changes a dashboard or panel only where administrators left it as shipped;
 * one they rearranged, renamed or deleted stays so. Panels are found by the id recorded when they were
 * created, so a renamed panel is still the same panel.
 */
export async function seedDashboards(ctx: SetupContext, schema: unknown, ledger: ConfigLedger): Promise<string[]> {
  const { dashboards = [] } = await readYaml<{ dashboards?: DashboardSeed[] }>(ctx.snapshotsPath, 'config.yaml');
  const options = { knex: ctx.database, schema, accountability: SYSTEM_ADMIN };
  const dashboardsService = new ctx.services['DashboardsService'](options);
  const panelsService = new ctx.services['PanelsService'](options);
  const existing: Record<string, any>[] = await dashboardsService.readByQuery({
    fields: ['id', 'name', 'icon', 'color', 'note'],
    limit: -1,
  });
  const created: string[] = [];
  await reconcileConfig(ledger, {
    kind: 'dashboard',
    adopt: 'keep',
    shipped: dashboards.map(({ panels: _panels, ...dashboard }) => ({
      key: dashboard.name,
      label: `看板「${dashboard.name}」`,
      value: dashboard,
    })),
    current: existing.map(({ id, ...dashboard }) => ({ key: dashboard['name'], target: String(id), value: dashboard })),
    propertyLabel: (property) => DASHBOARD_LABELS[property] ?? property,
    create: async (item) => {
      created.push(item.key);
      return String(await dashboardsService.createOne(item.value));
    },
    update: (target, values) => dashboardsService.updateOne(target, values),
  });

  // A dashboard of a database from before the ledger keeps the panels it has: a shipped panel missing
  // there was deleted then. Panels new in a release join dashboards whose panels were recorded.
  const recorded = new Set(ledger.keys('panel').map((key) => key.split('|')[0]));
  const dashboardIds = new Map(dashboards.map((dashboard) => [dashboard.name, ledger.get('dashboard', dashboard.name)?.target ?? null]));
  const live = new Set(existing.map((row) => String(row['id'])).concat(created.map((name) => dashboardIds.get(name)!)));
  const panels: Record<string, any>[] = await panelsService.readByQuery({ limit: -1 });
  const panelKey = (dashboard: string, name: unknown) => `${dashboard}|${String(name)}`;
  const dashboardNames = new Map(existing.map((row) => [String(row['id']), String(row['name'])]));
  await reconcileConfig(ledger, {
    kind: 'panel',
    adopt: 'keep',
    shipped: dashboards.flatMap((dashboard) =>
      dashboard.panels.map((panel) => ({
        key: panelKey(dashboard.name, panel['name']),
        label: `看板「${dashboard.name}」的面板「${String(panel['name'])}」`,
        value: { color: null, note: null, ...panel },
      })),
    ),
    current: panels.map(({ id, dashboard, ...panel }) => ({
      key: panelKey(dashboardNames.get(String(dashboard)) ?? String(dashboard), panel['name']),
      target: String(id),
      value: panel,
    })),
    createUnrecorded: (item) => created.includes(item.key.split('|')[0]!) || recorded.has(item.key.split('|')[0]),
    propertyLabel: (property) => DASHBOARD_LABELS[property] ?? property,
    create: async (item) => {
      const dashboard = dashboardIds.get(item.key.split('|')[0]!);
      if (!dashboard || !live.has(dashboard)) return null;
      return String(await panelsService.createOne({ ...item.value, dashboard }));
    },
    update: (target, values) => panelsService.updateOne(target, values),
  });
  return created;
}
