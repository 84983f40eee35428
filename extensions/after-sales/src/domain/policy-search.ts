import { LABELS } from './choice-labels';

/**
 * C-LOOKUP on the phone: one search box for whatever the caller says — a policy number, the
 * insured's or the policyholder's name, an ID number or a phone number. What a reader may not see
 * (a withheld ID number or phone) is never searched: the filter names only fields the reader reads,
 * so a match cannot reveal a withheld value.
 */

/** Shortest text searched: one Chinese character matches half the customers. */
export const MIN_SEARCH_LENGTH = 2;

/** What the reader may read of a customer, as decided by the reader's permissions. */
export interface CustomerReadable {
  idNumber: boolean;
  phone: boolean;
  idNumberMasked: boolean;
  phoneMasked: boolean;
}

type Filter = Record<string, unknown>;

/** The text as searched: trimmed, inner spaces and full-width digits made plain. */
export function normalizeSearchTerm(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The customers a term may mean, as a Directus filter; null when the term names no one. */
export function customerFilter(term: string, readable: CustomerReadable): Filter | null {
  const compact = term.replace(/[\s-]/g, '');
  const conditions: Filter[] = [{ name: { _icontains: term } }];
  if (/^\d{4,}[0-9Xx]?$/.test(compact)) {
    if (readable.idNumber) conditions.push({ id_number: { _icontains: compact } });
    if (readable.phone) conditions.push({ phone: { _icontains: compact } });
    // A reader of the masked copies only finds a person by the last four digits the copy shows.
    if (compact.length === 4) {
      if (!readable.idNumber && readable.idNumberMasked) conditions.push({ id_number_masked: { _ends_with: compact } });
      if (!readable.phone && readable.phoneMasked) conditions.push({ phone_masked: { _ends_with: compact } });
    }
  }
  return { _or: conditions };
}

/** The policies a term and the customers it matched may mean. */
export function policyFilter(term: string, customerIds: number[]): Filter {
  const conditions: Filter[] = [{ policy_no: { _icontains: term.replace(/\s/g, '') } }];
  if (customerIds.length) conditions.push({ insured: { _in: customerIds } }, { policyholder: { _in: customerIds } });
  return { _or: conditions };
}

export interface PersonShown {
  name: string | null;
  /** the full ID number, only for a reader who may read it */
  id_number?: string | null;
  id_number_masked: string | null;
  phone_masked: string | null;
}

export interface OpenReport {
  id: number;
  report_no: string | null;
  status: string;
  status_label: string;
  incident_at: string | null;
}

export interface PolicyChoice {
  id: number;
  policy_no: string;
  status: string;
  status_label: string;
  start_date: string | null;
  end_date: string | null;
  terminated_at: string | null;
  period: string;
  product: { name: string | null; code: string | null } | null;
  insured: PersonShown | null;
  policyholder: PersonShown | null;
  /** what the term matched: 保单号, 被保险人, 投保人 */
  matched_by: string[];
  open_reports: OpenReport[];
}

type Row = Record<string, any>;

function personShown(row: unknown, fullIdNumber: boolean): PersonShown | null {
  if (!row || typeof row !== 'object') return null;
  const person = row as Row;
  const shown: PersonShown = {
    name: person['name'] ?? null,
    id_number_masked: person['id_number_masked'] ?? null,
    phone_masked: person['phone_masked'] ?? null,
  };
  if (fullIdNumber && 'id_number' in person) shown.id_number = person['id_number'] ?? null;
  return shown;
}

const idOf = (value: unknown): number | null =>
  value && typeof value === 'object' ? Number((value as Row)['id']) : value == null ? null : Number(value);
const STATUS_ORDER = ['in_force', 'lapsed', 'terminated', 'surrendered'];

/**
 * The policies to offer, namesakes side by side: policies in force first, then by the latest end.
 * The insured's full ID number is passed on only where the reader read it (it fills the report).
 */
export function policyChoices(term: string, policies: Row[], matchedCustomers: number[], openReports: Row[]): PolicyChoice[] {
  const matched = new Set(matchedCustomers);
  const wanted = term.replace(/\s/g, '').toUpperCase();
  return policies
    .map((policy): PolicyChoice => {
      const matchedBy: string[] = [];
      if (
        String(policy['policy_no'] ?? '')
          .toUpperCase()
          .includes(wanted)
      )
        matchedBy.push('保单号');
      if (matched.has(idOf(policy['insured']) ?? NaN)) matchedBy.push('被保险人');
      if (matched.has(idOf(policy['policyholder']) ?? NaN)) matchedBy.push('投保人');
      const product = policy['product'] && typeof policy['product'] === 'object' ? policy['product'] : null;
      const status = String(policy['status'] ?? '');
      return {
        id: Number(policy['id']),
        policy_no: String(policy['policy_no'] ?? ''),
        status,
        status_label: LABELS['policy_status']?.[status] ?? status,
        start_date: policy['start_date'] ?? null,
        end_date: policy['end_date'] ?? null,
        terminated_at: policy['terminated_at'] ?? null,
        period: `${policy['start_date'] ?? '?'} 至 ${policy['end_date'] ?? '?'}`,
        product: product ? { name: product['name'] ?? null, code: product['code'] ?? null } : null,
        insured: personShown(policy['insured'], true),
        policyholder: personShown(policy['policyholder'], false),
        matched_by: matchedBy,
        open_reports: openReports
          .filter((report) => idOf(report['policy']) === Number(policy['id']))
          .map((report) => ({
            id: Number(report['id']),
            report_no: report['report_no'] ?? null,
            status: String(report['status']),
            status_label: LABELS['report_status']?.[String(report['status'])] ?? String(report['status']),
            incident_at: report['incident_at'] ?? null,
          })),
      };
    })
    .sort((a, b) => rank(a.status) - rank(b.status) || String(b.end_date ?? '').localeCompare(String(a.end_date ?? '')));
}

const rank = (status: string) => (STATUS_ORDER.includes(status) ? STATUS_ORDER.indexOf(status) : STATUS_ORDER.length);
