/**
 * Reads shared by the filters of one Directus event. Directus hands every filter of an event the
 * same context object, so a value loaded by the first hook (the stored case, say) is reused by the
 * hooks after it instead of being read again. Keyed weakly: it goes when the event is done. If
 * Directus ever passed a fresh context per hook, each hook would simply load its own copy.
 */
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

export function memoFor<T>(scope: object | null | undefined, key: string, load: () => Promise<T>): Promise<T> {
  if (!scope) return load();
  let memo = memos.get(scope);
  if (!memo) memos.set(scope, (memo = new Map()));
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    memo.set(key, value);
    const forget = memo;
    value.catch(() => forget.delete(key));
  }
  return value;
}
