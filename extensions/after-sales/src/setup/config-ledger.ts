import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import type { ConfigValue } from '../domain/config-upgrade';

/** One row per shipped item: what the release shipped when it was last applied (plumbing, not in the schema snapshot). */
export const CONFIG_BASELINE_TABLE = 'config_baseline';
/** The administrator's record of what an upgrade changed or left alone (a collection of the model: 配置升级记录). */
export const CONFIG_UPGRADES = 'config_upgrades';

export type ConfigKind = 'field' | 'collection' | 'permission' | 'setting' | 'rule_row' | 'translation' | 'preset' | 'dashboard' | 'panel';
export type ConfigOutcome = 'applied' | 'conflict' | 'deleted' | 'removed' | 'kept';

export interface Baseline {
  value: ConfigValue;
  target: string | null;
}

export interface UpgradeEntry {
  kind: ConfigKind;
  item: string;
  property: string | null;
  outcome: ConfigOutcome;
  shipped: unknown;
  current: unknown;
  message: string;
}

const SNAPSHOT_FILES = ['schema.yaml', 'access.yaml', 'config.yaml', 'rules.yaml'];

/** The release as its shipped files: a short hash of the snapshot folder, written on every entry of the upgrade record. */
export async function releaseOf(snapshotsPath: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of SNAPSHOT_FILES) hash.update(await readFile(path.join(snapshotsPath, file)).catch(() => Buffer.alloc(0)));
  return hash.digest('hex').slice(0, 12);
}

/**
 * The ledger's table, outside the schema snapshot (setup reads and writes it with plain statements).
 * Registered as a hidden collection with a Chinese name, so administrators can browse it in 设置 →
 * 数据模型; no department has any permission on it. Returns whether it was created now.
 */
export async function createConfigBaselineTable(database: Knex): Promise<boolean> {
  const created = !(await database.schema.hasTable(CONFIG_BASELINE_TABLE));
  if (created) {
    await database.schema.createTable(CONFIG_BASELINE_TABLE, (table) => {
      table.string('key', 512).primary();
      table.string('kind', 32).notNullable();
      table.string('target', 64).nullable();
      table.text('value').notNullable();
      table.bigInteger('recorded_at').notNullable();
    });
  }
  if (!(await database('directus_collections').where({ collection: CONFIG_BASELINE_TABLE }).first('collection'))) {
    await database('directus_collections').insert({
      collection: CONFIG_BASELINE_TABLE,
      hidden: true,
      icon: 'history_edu',
      note: '每项随版本提供的配置最近一次提供的内容（value 为 JSON），升级时据此判断管理员是否修改过；请勿修改',
      translations: JSON.stringify([
        { language: 'zh-CN', translation: '配置基线' },
        { language: 'en-US', translation: 'Configuration baseline' },
      ]),
    });
  }
  return created;
}

/**
 * The baselines of one setup run: read once, changed in memory, written back at the end, and the
 * entries of the upgrade record collected on the way. Each kind's items are keyed `kind:key`.
 */
export class ConfigLedger {
  private readonly changed = new Map<string, { kind: ConfigKind; baseline: Baseline | null }>();
  readonly entries: UpgradeEntry[] = [];

  private constructor(private readonly rows: Map<string, Baseline & { kind: ConfigKind }>) {}

  static async load(database: Knex): Promise<ConfigLedger> {
    const rows: { key: string; kind: ConfigKind; target: string | null; value: unknown }[] = await database(CONFIG_BASELINE_TABLE).select(
      'key',
      'kind',
      'target',
      'value',
    );
    const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as ConfigValue;
    return new ConfigLedger(new Map(rows.map((row) => [row.key, { kind: row.kind, target: row.target, value: parse(row.value) }])));
  }

  get(kind: ConfigKind, key: string): Baseline | undefined {
    return this.rows.get(`${kind}:${key}`);
  }

  keys(kind: ConfigKind): string[] {
    const prefix = `${kind}:`;
    return [...this.rows.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
  }

  set(kind: ConfigKind, key: string, baseline: Baseline | null): void {
    const full = `${kind}:${key}`;
    const before = this.rows.get(full);
    if (baseline) this.rows.set(full, { ...baseline, kind });
    else this.rows.delete(full);
    const same = before && baseline && before.target === baseline.target && JSON.stringify(before.value) === JSON.stringify(baseline.value);
    if (!same && (before || baseline)) this.changed.set(full, { kind, baseline });
  }

  report(entry: UpgradeEntry): void {
    this.entries.push(entry);
  }

  /** Writes the changed baselines in one transaction. */
  async save(database: Knex, now: Date): Promise<number> {
    const changes = [...this.changed.entries()];
    await database.transaction(async (trx) => {
      const gone = changes.map(([key]) => key);
      for (let i = 0; i < gone.length; i += 200)
        await trx(CONFIG_BASELINE_TABLE)
          .whereIn('key', gone.slice(i, i + 200))
          .delete();
      const rows = changes
        .filter(([, change]) => change.baseline)
        .map(([key, { kind, baseline }]) => ({
          key,
          kind,
          target: baseline!.target,
          value: JSON.stringify(baseline!.value),
          recorded_at: now.getTime(),
        }));
      for (let i = 0; i < rows.length; i += 100) await trx(CONFIG_BASELINE_TABLE).insert(rows.slice(i, i + 100));
    });
    this.changed.clear();
    return changes.length;
  }
}
