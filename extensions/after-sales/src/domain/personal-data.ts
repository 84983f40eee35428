/**
 * Personal data (ID numbers, phone numbers) in full only for the departments whose work needs it:
 * 市场部 takes reports, looks people up by ID number and calls customers (Art. 4 (二), Art. 13.4);
 * 运营部 hands the claim file with the insured's identity to the insurer (Art. 4 (五)) and
 * investigates with the customer. 总经理室, 技术部 and 质量管理部 decide, analyse and check: they
 * see the masked value. Administrators see everything. Letters print ID numbers masked for all.
 */
export const FULL_PERSONAL_DATA_ROLES = ['市场部', '运营部'];

/** Which fields hold an ID number or a personal phone number, per collection. */
export const PERSONAL_FIELDS: Record<string, Record<string, 'id_number' | 'phone'>> = {
  customers: { id_number: 'id_number', phone: 'phone' },
  claim_reports: { insured_id_number: 'id_number', reporter_phone: 'phone' },
  claim_applications: { applicant_id_number: 'id_number' },
  complaints: { customer_phone: 'phone' },
};

/** 110101199001011234 → 110***********1234: the region prefix and the last four stay readable. */
export function maskIdNumber(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/** 13800001234 → 138****1234. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\s/g, '');
  if (digits.length <= 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

export const maskPersonal = (kind: 'id_number' | 'phone', value: unknown): unknown =>
  typeof value === 'string' && value !== '' ? (kind === 'id_number' ? maskIdNumber(value) : maskPhone(value)) : value;

/** A masked value sent back (an edit form saving what it showed) is never stored. */
export const isMaskedValue = (value: unknown): boolean => typeof value === 'string' && value.includes('*');

export const seesFullPersonalData = (isAdmin: boolean, roleName: string | null): boolean => isAdmin || (roleName !== null && FULL_PERSONAL_DATA_ROLES.includes(roleName));

/** How to find the collection of a nested value: the relations of the schema, by (collection, field). */
export type RelatedCollection = (collection: string, field: string) => string | null;

/**
 * Masks the personal fields of items read from `collection`, following nested relations
 * (a claim report read with `policy.insured.*` masks the insured's ID number too).
 */
export function maskItems<T>(collection: string, items: T, related: RelatedCollection): T {
  if (Array.isArray(items)) return items.map((item) => maskItems(collection, item, related)) as T;
  if (!items || typeof items !== 'object') return items;
  const personal = PERSONAL_FIELDS[collection] ?? {};
  const masked: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(items as Record<string, unknown>)) {
    const kind = personal[field];
    if (kind) masked[field] = maskPersonal(kind, value);
    else if (value && typeof value === 'object') {
      const nested = related(collection, field);
      masked[field] = nested ? maskItems(nested, value, related) : value;
    } else masked[field] = value;
  }
  return masked as T;
}

/** Every personal field name of any collection: for records whose collection a reader did not ask for. */
const ANY_PERSONAL_FIELD: Record<string, 'id_number' | 'phone'> = Object.assign({}, ...Object.values(PERSONAL_FIELDS));

/** Masks a flat record by field name alone (a revision read without its `collection`): errs on the side of masking. */
export function maskByFieldName(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([field, value]) => [field, ANY_PERSONAL_FIELD[field] ? maskPersonal(ANY_PERSONAL_FIELD[field]!, value) : value]));
}
