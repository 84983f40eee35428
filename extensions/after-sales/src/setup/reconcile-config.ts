import { planConfigItem, type ConfigValue } from '../domain/config-upgrade';
import type { ConfigKind, ConfigLedger } from './config-ledger';

export interface ShippedItem {
  key: string;
  /** how the upgrade record names it, in Chinese */
  label: string;
  value: ConfigValue;
}

export interface CurrentItem {
  /** the item's natural key (what `ShippedItem.key` says), found for items not recorded yet */
  key: string | null;
  /** its primary key, recorded so a renamed item is still found */
  target: string;
  value: ConfigValue;
}

/** One kind of shipped configuration: what this release ships, what the database holds, and how to write it. */
export interface ConfigAdapter {
  kind: ConfigKind;
  /** the key prefix of this adapter's items where several adapters share a kind (one rule table each) */
  scope?: string;
  adopt: 'apply' | 'keep' | ((item: ShippedItem, current: CurrentItem) => 'apply' | 'keep');
  removable?: boolean;
  shipped: ShippedItem[];
  current: CurrentItem[];
  /** an item missing from a database that recorded nothing of it: created (default), or taken as deleted before the ledger */
  createUnrecorded?: (item: ShippedItem) => boolean;
  propertyLabel?: (property: string) => string;
  create: (item: ShippedItem) => Promise<string | null>;
  update: (target: string, values: ConfigValue, item: ShippedItem) => Promise<void>;
  remove?: (target: string) => Promise<void>;
}

export interface ReconcileCounts {
  created: number;
  updated: number;
  removed: number;
  conflicts: number;
}

const shown = (value: unknown) => {
  const text = value === null || value === undefined ? '（空）' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

/**
 * Applies one kind of this release's configuration the way domain/config-upgrade.ts decides, records
 * what was shipped, and reports every release change it applied or did not force.
 */
export async function reconcileConfig(ledger: ConfigLedger, adapter: ConfigAdapter): Promise<ReconcileCounts> {
  const counts: ReconcileCounts = { created: 0, updated: 0, removed: 0, conflicts: 0 };
  const byTarget = new Map(adapter.current.map((item) => [item.target, item]));
  const byKey = new Map(adapter.current.filter((item) => item.key !== null).map((item) => [item.key!, item]));
  const labelOf = (property: string) => adapter.propertyLabel?.(property) ?? property;
  const find = (key: string, target: string | null | undefined, recorded: boolean) =>
    (recorded ? (target ? byTarget.get(target) : byKey.get(key)) : byKey.get(key)) ?? null;

  for (const item of adapter.shipped) {
    const recorded = ledger.get(adapter.kind, item.key);
    const current = find(item.key, recorded?.target, Boolean(recorded));
    if (!recorded && !current && adapter.createUnrecorded && !adapter.createUnrecorded(item)) {
      ledger.set(adapter.kind, item.key, { value: item.value, target: null });
      continue;
    }
    const adopt = typeof adapter.adopt === 'function' ? (current ? adapter.adopt(item, current) : 'keep') : adapter.adopt;
    const plan = planConfigItem({ shipped: item.value, baseline: recorded?.value, current: current?.value ?? null, adopt });
    let target = current?.target ?? recorded?.target ?? null;
    if (plan.action === 'create') {
      target = await adapter.create(item);
      counts.created++;
    } else if (plan.action === 'update' && current) {
      await adapter.update(current.target, plan.values, item);
      counts.updated++;
      if (recorded) {
        for (const [property, value] of Object.entries(plan.values)) {
          ledger.report({
            kind: adapter.kind,
            item: item.label,
            property: labelOf(property),
            outcome: 'applied',
            shipped: value,
            current: current.value[property] ?? null,
            message: `${item.label}：${labelOf(property)}已按新版本改为 ${shown(value)}`,
          });
        }
      }
    }
    for (const conflict of plan.conflicts) {
      counts.conflicts++;
      if (conflict.property === null) {
        ledger.report({
          kind: adapter.kind,
          item: item.label,
          property: null,
          outcome: 'deleted',
          shipped: conflict.shipped,
          current: null,
          message: `${item.label}：管理员已删除，新版本对它的修改没有恢复它`,
        });
      } else {
        const property = labelOf(conflict.property);
        ledger.report({
          kind: adapter.kind,
          item: item.label,
          property,
          outcome: 'conflict',
          shipped: conflict.shipped,
          current: conflict.current,
          message: `${item.label}：新版本把${property}改为 ${shown(conflict.shipped)}，管理员已改为 ${shown(conflict.current)}，保留管理员的设置`,
        });
      }
    }
    ledger.set(adapter.kind, item.key, plan.baseline ? { value: plan.baseline, target } : null);
  }

  // Items an earlier release shipped and this one does not.
  const shippedKeys = new Set(adapter.shipped.map((item) => item.key));
  const ours = (key: string) => !adapter.scope || key.startsWith(adapter.scope);
  for (const key of ledger.keys(adapter.kind).filter((key) => ours(key) && !shippedKeys.has(key))) {
    const recorded = ledger.get(adapter.kind, key)!;
    const current = find(key, recorded.target, true);
    const plan = planConfigItem({
      shipped: undefined,
      baseline: recorded.value,
      current: current?.value ?? null,
      adopt: 'keep',
      removable: adapter.removable && Boolean(adapter.remove),
    });
    if (plan.action === 'remove' && current && adapter.remove) {
      await adapter.remove(current.target);
      counts.removed++;
      ledger.report({
        kind: adapter.kind,
        item: key,
        property: null,
        outcome: 'removed',
        shipped: null,
        current: current.value,
        message: `${key}：新版本不再提供，未被修改过，已删除`,
      });
    } else if (plan.conflicts.length > 0) {
      counts.conflicts++;
      ledger.report({
        kind: adapter.kind,
        item: key,
        property: null,
        outcome: 'kept',
        shipped: null,
        current: current?.value ?? null,
        message: `${key}：新版本不再提供，但管理员修改过，已保留`,
      });
    }
    ledger.set(adapter.kind, key, null);
  }
  return counts;
}
