import { markdownText } from '../domain/markdown-text';
import { notifyAdministrators } from '../notices/notify-department';
import { CONFIG_UPGRADES, type UpgradeEntry } from './config-ledger';
import type { SetupContext } from './setup-context';

const NOT_FORCED = new Set(['conflict', 'deleted', 'kept']);
// Serialised here: PostgreSQL's json column does not take a bare string such as a note's text.
const jsonOrNull = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * What this start's upgrade changed, and what it did not force over an administrator's edit: a log
 * line for each change not forced (one for all applied), one row each in 配置升级记录 (config_upgrades),
 * and one notification to every administrator when something was not applied. Returns how many.
 */
export async function reportUpgrade(ctx: SetupContext, schema: unknown, release: string, entries: UpgradeEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const notForced = entries.filter((entry) => NOT_FORCED.has(entry.outcome));
  for (const entry of notForced) ctx.logger.warn(`[after-sales] 配置升级未覆盖：${entry.message}`);
  const applied = entries.length - notForced.length;
  if (applied > 0) ctx.logger.info(`[after-sales] 配置升级：${applied} 项按新版本更新或取消（见“配置升级记录”）`);
  const items = new ctx.services['ItemsService'](CONFIG_UPGRADES, { knex: ctx.database, schema, accountability: null });
  const ids: (string | number)[] = await items.createMany(
    entries.map((entry) => ({
      applied_at: ctx.now.toISOString(),
      release,
      kind: entry.kind,
      item: entry.item.slice(0, 255),
      property: entry.property?.slice(0, 255) ?? null,
      outcome: entry.outcome,
      shipped_value: jsonOrNull(entry.shipped),
      current_value: jsonOrNull(entry.current),
      message: entry.message,
    })),
    { emitEvents: false },
  );
  if (notForced.length > 0) {
    const firstId = ids[entries.indexOf(notForced[0]!)];
    const lines = notForced.slice(0, 20).map((entry) => `- ${markdownText(entry.message)}`);
    if (notForced.length > 20) lines.push(`- ……另有 ${notForced.length - 20} 项`);
    await notifyAdministrators(
      { services: ctx.services, schema, database: ctx.database },
      {
        subject: `配置升级：${notForced.length} 项新版本的改动因管理员已修改而未覆盖`,
        message: `新版本改动了以下配置，但管理员已修改（或删除）过它们，系统保留了管理员的设置。需要时请在“配置升级记录”中查看新版本的值并手动调整。\n\n${lines.join('\n')}`,
        collection: CONFIG_UPGRADES,
        item: String(firstId),
      },
    );
  }
  return notForced.length;
}
