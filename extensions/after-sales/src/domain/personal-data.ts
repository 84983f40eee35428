/**
 * Personal data (ID numbers, phone numbers) in full only for the departments whose work needs it:
 * 市场部 takes reports, looks people up by ID number and calls customers (Art. 4 (二), Art. 13.4);
 * 运营部 hands the claim file with the insured's identity to the insurer (Art. 4 (五)) and
 * investigates with the customer. 总经理室, 技术部 and 质量管理部 decide, analyse and check: their
 * permissions leave the fields below out (snapshots/access.yaml `personal_data_withheld_from`), and
 * they read the masked copy the server keeps beside each one. Letters print no ID number for anyone.
 */

export type PersonalKind = 'id_number' | 'phone';

/** Which fields hold an ID number or a personal phone number, per collection. */
export const PERSONAL_FIELDS: Record<string, Record<string, PersonalKind>> = {
  customers: { id_number: 'id_number', phone: 'phone' },
  claim_reports: { insured_id_number: 'id_number', reporter_phone: 'phone' },
  claim_applications: { applicant_id_number: 'id_number' },
  complaints: { customer_phone: 'phone' },
};

/** The masked copy the server keeps of a personal field: `id_number` → `id_number_masked`. */
export const maskedCopyOf = (field: string): string => `${field}_masked`;

/** The personal fields of a collection (none: an empty list). */
export const personalFieldsOf = (collection: string): string[] => Object.keys(PERSONAL_FIELDS[collection] ?? {});

/** The masked copies of a collection's personal fields. */
export const maskedCopiesOf = (collection: string): string[] => personalFieldsOf(collection).map(maskedCopyOf);

/** How a masked copy is named to people (refusals, docs). */
export const maskedCopyLabel = (kind: PersonalKind): string => `${kind === 'id_number' ? '身份证号' : '电话'}（打码）`;

/** List columns for a reader denied the full values: each personal field replaced by its masked copy. */
export const columnsForMaskedReader = (collection: string, fields: string[]): string[] =>
  fields.map((field) => (PERSONAL_FIELDS[collection]?.[field] ? maskedCopyOf(field) : field));

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

/** The masked form of a stored value; no value (null, empty) stays as it is. */
export function maskPersonal(kind: PersonalKind, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return value === '' ? '' : null;
  const text = String(value);
  return kind === 'id_number' ? maskIdNumber(text) : maskPhone(text);
}

/** A masked value sent back (an edit form saving what it showed) is never stored. */
export const isMaskedValue = (value: unknown): boolean => typeof value === 'string' && value.includes('*');

/**
 * A write with its masked copies: every personal field the payload sets brings its masked copy,
 * so the copy is kept by every write that goes through Directus (forms, API, import, revert).
 */
export function withMaskedCopies<T>(collection: string, payload: T): T {
  const personal = PERSONAL_FIELDS[collection];
  if (!personal || !payload || typeof payload !== 'object') return payload;
  if (Array.isArray(payload)) return payload.map((row) => withMaskedCopies(collection, row)) as T;
  const row = payload as Record<string, unknown>;
  const copies = Object.entries(personal)
    .filter(([field]) => field in row)
    .map(([field, kind]) => [maskedCopyOf(field), maskPersonal(kind, row[field])]);
  return copies.length ? ({ ...row, ...Object.fromEntries(copies) } as T) : payload;
}

/**
 * A masked copy a client wrote itself: refused unless it is exactly the mask of the personal value
 * sent with it (a revision being restored carries both), so no copy can disagree with its field.
 */
export function forgedMaskedCopy(collection: string, row: Record<string, unknown>): { field: string; label: string } | null {
  for (const [field, kind] of Object.entries(PERSONAL_FIELDS[collection] ?? {})) {
    const copy = maskedCopyOf(field);
    if (!(copy in row)) continue;
    if (!(field in row) || row[copy] !== maskPersonal(kind, row[field])) return { field: copy, label: maskedCopyLabel(kind) };
  }
  return null;
}

/**
 * A stored record (a revision's `data` or `delta`) as a reader who may read only `readable` fields
 * sees it: other fields are left out, and a personal field the reader may not see is shown as its
 * masked copy when the reader may read that.
 */
export function recordForReader(
  collection: string,
  record: Record<string, unknown>,
  readable: ReadonlySet<string>,
): Record<string, unknown> {
  const personal = PERSONAL_FIELDS[collection] ?? {};
  const visible: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (readable.has(field)) visible[field] = value;
    const kind = personal[field];
    const copy = maskedCopyOf(field);
    if (kind && !readable.has(field) && readable.has(copy) && !(copy in record)) visible[copy] = maskPersonal(kind, value);
  }
  return visible;
}
