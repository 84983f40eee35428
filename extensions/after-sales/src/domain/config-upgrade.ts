/**
 * What a release ships (field settings, permissions, settings, default rule rows, presets, dashboards,
 * wording) against what the administrator has made of it: a three-way comparison per property of
 * the shipped value now, the shipped value recorded when it was last applied (the baseline) and the
 * database. The release's own change reaches the database only where the administrator left the
 * property as shipped; an administrator's edit or deletion is never undone, and a release change to
 * something they edited is reported instead of forced.
 */
export type ConfigValue = Record<string, unknown>;

export interface ConfigConflict {
  /** the property both changed, or null when the administrator deleted the whole item */
  property: string | null;
  shipped: unknown;
  current: unknown;
}

export interface ConfigPlan {
  action: 'none' | 'create' | 'update' | 'remove';
  /** create: the whole value; update: only the properties to write */
  values: ConfigValue;
  conflicts: ConfigConflict[];
  /** what to record as last shipped; null forgets the item */
  baseline: ConfigValue | null;
}

export interface ConfigItemState {
  /** this release's value; undefined when the release no longer ships the item */
  shipped: ConfigValue | undefined;
  /** the value recorded when a release last applied the item; undefined when never recorded */
  baseline: ConfigValue | undefined;
  /** the database's value; null when the item is not there */
  current: ConfigValue | null;
  /**
   * An item already in the database but never recorded (a database from before the baseline
   * existed): 'apply' where earlier releases forced the shipped value anyway (field settings,
   * permissions), 'keep' where they never overwrote it (rule rows, settings, wording, layouts).
   */
  adopt: 'apply' | 'keep';
  /** whether an item the release stops shipping is deleted when the administrator left it as shipped */
  removable?: boolean;
}

const isNumeric = (value: unknown) =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)));

function canonical(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as ConfigValue)[key])]),
    );
  }
  return value instanceof Date ? value.toISOString() : value;
}

/** Equal as stored values: missing is null, `0.80` (a PostgreSQL decimal) is 0.8, key order does not count. */
export function sameConfigValue(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return Number(a) === Number(b);
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

const NOTHING: Omit<ConfigPlan, 'baseline'> = { action: 'none', values: {}, conflicts: [] };

export function planConfigItem({ shipped, baseline, current, adopt, removable = false }: ConfigItemState): ConfigPlan {
  if (shipped === undefined) {
    if (!baseline || !current) return { ...NOTHING, baseline: null };
    const untouched = Object.keys(baseline).every((property) => sameConfigValue(baseline[property], current[property]));
    if (!removable) return { ...NOTHING, baseline: null };
    return untouched
      ? { action: 'remove', values: {}, conflicts: [], baseline: null }
      : { ...NOTHING, conflicts: [{ property: null, shipped: null, current }], baseline: null };
  }
  if (!current) {
    if (!baseline) return { action: 'create', values: shipped, conflicts: [], baseline: shipped };
    // Deleted by the administrator: stays deleted; a release change to it is reported, not restored.
    const changed = Object.keys(shipped).some((property) => !sameConfigValue(shipped[property], baseline[property]));
    return { ...NOTHING, conflicts: changed ? [{ property: null, shipped, current: null }] : [], baseline: shipped };
  }
  const values: ConfigValue = {};
  const conflicts: ConfigConflict[] = [];
  for (const [property, value] of Object.entries(shipped)) {
    if (sameConfigValue(value, current[property])) continue;
    if (!baseline) {
      if (adopt === 'apply') values[property] = value;
      continue;
    }
    const before = baseline[property] ?? null;
    if (sameConfigValue(before, value)) continue;
    if (sameConfigValue(before, current[property])) values[property] = value;
    else conflicts.push({ property, shipped: value, current: current[property] ?? null });
  }
  return { action: Object.keys(values).length > 0 ? 'update' : 'none', values, conflicts, baseline: shipped };
}
