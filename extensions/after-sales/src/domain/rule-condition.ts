/**
 * A rule's condition (适用条件) is a Directus filter over the case's own fields, edited by administrators with
 * the admin app's filter builder: which cases a deadline rule applies to (e.g. 现场保全 when 死亡人数 ≥ 1).
 * An empty condition applies to every case. Operators the engine does not know make the condition false,
 * so a condition typed wrong starts no clock rather than one on every case.
 */
type Item = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asNumber = (value: unknown) =>
  value === '' || value === null || value === undefined || typeof value === 'boolean' ? NaN : Number(value);
const asBoolean = (value: unknown) => value === true || value === 1 || value === '1' || value === 'true';
const empty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const list = (value: unknown) => (Array.isArray(value) ? value : String(value ?? '').split(','));

/** Equal as the filter builder means it: booleans and numbers typed as text compare by value. */
function same(actual: unknown, expected: unknown): boolean {
  const booleanLike = (value: unknown) => typeof value === 'boolean' || value === 'true' || value === 'false';
  if (booleanLike(actual) || booleanLike(expected)) return asBoolean(actual) === asBoolean(expected);
  const [a, b] = [asNumber(actual), asNumber(expected)];
  if (!Number.isNaN(a) && !Number.isNaN(b)) return a === b;
  return String(actual ?? '') === String(expected ?? '');
}

function compare(actual: unknown, expected: unknown, test: (difference: number) => boolean): boolean {
  const [a, b] = [asNumber(actual), asNumber(expected)];
  if (!Number.isNaN(a) && !Number.isNaN(b)) return test(a - b);
  if (empty(actual) || empty(expected)) return false;
  return test(String(actual).localeCompare(String(expected)));
}

const OPERATORS: Record<string, (actual: unknown, expected: unknown) => boolean> = {
  _eq: same,
  _neq: (actual, expected) => !same(actual, expected),
  _gt: (actual, expected) => compare(actual, expected, (d) => d > 0),
  _gte: (actual, expected) => compare(actual, expected, (d) => d >= 0),
  _lt: (actual, expected) => compare(actual, expected, (d) => d < 0),
  _lte: (actual, expected) => compare(actual, expected, (d) => d <= 0),
  _in: (actual, expected) => list(expected).some((value) => same(actual, value)),
  _nin: (actual, expected) => !list(expected).some((value) => same(actual, value)),
  _null: (actual, expected) => (actual === null || actual === undefined) === asBoolean(expected),
  _nnull: (actual, expected) => (actual !== null && actual !== undefined) === asBoolean(expected),
  _empty: (actual, expected) => empty(actual) === asBoolean(expected),
  _nempty: (actual, expected) => !empty(actual) === asBoolean(expected),
  // A multiple choice (json array) holding the value, as the filter builder offers for tags.
  _contains: (actual, expected) =>
    Array.isArray(actual) ? actual.some((value) => same(value, expected)) : String(actual ?? '').includes(String(expected)),
};

/** Whether the case meets the condition (null or `{}`: every case). */
export function meetsCondition(condition: unknown, item: Item): boolean {
  if (condition === null || condition === undefined || condition === '') return true;
  const parsed = typeof condition === 'string' ? safeParse(condition) : condition;
  if (!isObject(parsed)) return false;
  return Object.entries(parsed).every(([key, value]) => {
    if (key === '_and') return Array.isArray(value) && value.every((part) => meetsCondition(part, item));
    if (key === '_or') return Array.isArray(value) && value.some((part) => meetsCondition(part, item));
    if (!isObject(value)) return false;
    return Object.entries(value).every(([operator, expected]) => OPERATORS[operator]?.(item[key], expected) ?? false);
  });
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
