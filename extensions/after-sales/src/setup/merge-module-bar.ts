export interface ModuleBarEntry {
  type: 'module' | 'link';
  id: string;
  enabled: boolean;
  [key: string]: unknown;
}

/**
 * The module bar after an upgrade: a module of the console's own (`ours`) that the database's bar
 * does not mention at all is new in this version, so it is added, enabled, right after the entry that
 * precedes it in config.yaml's bar (`wanted`). An entry that is there — enabled, switched off or moved
 * by an administrator — stays as it is, so each module is added once (the admin app's 模块栏 editor
 * keeps every module in the list, switched off or not). Directus's own modules are never touched.
 * Null when nothing changes.
 */
export function mergeModuleBar(current: ModuleBarEntry[], wanted: ModuleBarEntry[], ours: string[]): ModuleBarEntry[] | null {
  const result = [...current];
  let changed = false;
  wanted.forEach((entry, index) => {
    if (entry.type !== 'module' || !ours.includes(entry.id) || result.some((existing) => existing.id === entry.id)) return;
    const before = wanted
      .slice(0, index)
      .reverse()
      .find((candidate) => result.some((existing) => existing.id === candidate.id));
    const at = before ? result.findIndex((existing) => existing.id === before.id) + 1 : 0;
    result.splice(at, 0, { ...entry, enabled: true });
    changed = true;
  });
  return changed ? result : null;
}
