/**
 * Evaluates the small subset of Directus filter syntax that snapshots/access.yaml uses (_eq, _in,
 * _nnull, _or, _and, nested relations) against a plain item, so a test can say which sample items
 * a permission cell declares reachable, independently of the code that writes the permissions.
 */
const COMPARISONS = new Set(['_eq', '_in', '_nnull']);

export function matchesFilter(filter: Record<string, unknown>, item: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '_or') return (condition as Record<string, unknown>[]).some((f) => matchesFilter(f, item));
    if (key === '_and') return (condition as Record<string, unknown>[]).every((f) => matchesFilter(f, item));
    const value = item[key];
    const ops = condition as Record<string, unknown>;
    if (!Object.keys(ops).every((op) => COMPARISONS.has(op))) {
      // A relation: the condition is a filter on the related item.
      return typeof value === 'object' && value !== null && matchesFilter(ops, value as Record<string, unknown>);
    }
    return Object.entries(ops).every(([op, expected]) => {
      if (op === '_eq') return value === expected;
      if (op === '_in') return (expected as unknown[]).includes(value);
      return (value !== null && value !== undefined) === expected;
    });
  });
}
