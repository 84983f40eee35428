import { LABELS } from '../domain/choice-labels';
import { rejectionReasons } from '../domain/claim-eligibility';
import { majorReasons, type MajorThresholds } from '../domain/major-case';
import { resolveInsured } from '../domain/report-lookup';
import { localDate } from '../domain/zoned-time';
import { DuplicateReportError } from '../errors/duplicate-report-error';
import { InsuredNotIdentifiedError } from '../errors/insured-not-identified-error';
import { InvalidCaseStatusError } from '../errors/invalid-case-status-error';
import { InvalidInputError } from '../errors/invalid-input-error';
import { castRows, joinedSide, readAll, type DataAccess } from '../shared/data-access';
import { cachedRules, rememberRulesVersion, rulesVersionColumn } from '../shared/rules-cache';

type Item = Record<string, any>;

const STATUS_LABELS = LABELS['report_status']!;
/** Statuses the preliminary review decides; staff move a report on only to 已受理 or 已结案. */
const REVIEWED = ['registered', 'not_accepted', 'no_policy'];
const REVIEW_INPUTS = ['policy', 'incident_at', 'incident_cause', 'reported_at', 'insured_name', 'insured_id_number', 'policy_no_given'];
const MAJOR_INPUTS = ['deaths', 'expected_payout', 'outcome_uncertain', 'media_involved', 'regulator_complaint', 'litigation', 'policy'];

const POLICY_FIELDS = ['id', 'policy_no', 'start_date', 'end_date', 'status', 'terminated_at', 'sum_insured', 'product'];
const PRODUCT_FIELDS = ['covered_causes', 'claim_time_limit_days', 'name'];
const REPORT_FIELDS = ['id', 'report_no', 'status', 'incident_at'];

interface PolicyUnderReview {
  /** The policy with its product's cover (as `product`), or nothing when there is no such policy. */
  policy: Item | undefined;
  /** The other open reports (已登记, 已受理) on the policy: a same-day accident among them is a duplicate. */
  openReports: Item[];
}

/**
 * What the review reads of a policy on every report, in one statement: the policy joined to its
 * product and to its other open reports (a row per report; few). The policy and product are cast by
 * Directus as their own collections; the reports' timestamps are read with `new Date()`, which takes
 * every form a driver returns (SQLite: epoch milliseconds; PostgreSQL: Date). The rules counter comes
 * with it (it is the first statement of the report's write; the numbering, thresholds and clocks after
 * it then need no statement of their own while the rules stand).
 */
async function readPolicyUnderReview(data: DataAccess, policyId: number, selfId: unknown): Promise<PolicyUnderReview> {
  const rows: Item[] = await data
    .database('policies')
    .leftJoin('products', 'products.id', 'policies.product')
    .leftJoin('claim_reports', (join) => {
      join.on('claim_reports.policy', '=', 'policies.id').onIn('claim_reports.status', ['registered', 'accepted']);
      if (selfId) join.andOnVal('claim_reports.id', '<>', selfId as string | number);
    })
    .where('policies.id', policyId)
    .select([
      ...POLICY_FIELDS.map((field) => `policies.${field}`),
      'products.id as product__id',
      ...PRODUCT_FIELDS.map((field) => `products.${field} as product__${field}`),
      ...REPORT_FIELDS.map((field) => `claim_reports.${field} as report__${field}`),
      rulesVersionColumn(data.database, 'rules__version'),
    ]);
  const [row] = rows;
  if (!row) return { policy: undefined, openReports: [] };
  rememberRulesVersion(data.event, row['rules__version']);
  const [[policy], [product]] = await Promise.all([
    castRows(data, 'policies', [joinedSide(row, '', POLICY_FIELDS)]),
    row['product__id'] === null || row['product__id'] === undefined
      ? []
      : castRows(data, 'products', [joinedSide(row, 'product__', PRODUCT_FIELDS)]),
  ]);
  const openReports = rows.filter((report) => report['report__id'] !== null && report['report__id'] !== undefined);
  return {
    policy: { ...policy, product: product ?? null },
    openReports: openReports.map((report) => joinedSide(report, 'report__', REPORT_FIELDS)),
  };
}

async function findPolicy(data: DataAccess, report: Item): Promise<number | null> {
  if (report['policy']) return Number(report['policy']);
  if (report['policy_no_given']) {
    const [policy] = await readAll(data, 'policies', {
      filter: { policy_no: { _eq: report['policy_no_given'] } },
      fields: ['id'],
      limit: 1,
    });
    if (policy) return policy['id'];
  }
  const name = String(report['insured_name'] ?? '');
  const idNumber = report['insured_id_number'] ? String(report['insured_id_number']) : null;
  const customers = await readAll(data, 'customers', {
    filter: idNumber ? { id_number: { _icontains: idNumber } } : { name: { _eq: name } },
    fields: ['id', 'name', 'id_number'],
  });
  const policies = customers.length
    ? await readAll(data, 'policies', { filter: { insured: { _in: customers.map((c) => c['id']) } }, fields: ['id', 'insured'] })
    : [];
  const resolution = resolveInsured({ insuredName: name, insuredIdNumber: idNumber }, customers as never, (id) =>
    policies.filter((p) => p['insured'] === id).map((p) => p['id']),
  );
  if (resolution.kind === 'ambiguous') {
    throw new InsuredNotIdentifiedError({
      reason: `同名客户共 ${resolution.candidates} 位（${name}），无法确认出险人身份。请向报案人核实被保险人的身份证号或保单号后再登记。`,
    });
  }
  if (resolution.kind === 'choose_policy') {
    throw new InsuredNotIdentifiedError({
      reason: `被保险人 ${name} 在我司有 ${resolution.policies} 份保单，请向报案人询问本次出险涉及的保单号。`,
    });
  }
  return resolution.kind === 'policy' ? resolution.policyId : null;
}

function refuseDuplicate(report: Item, openReports: Item[], timeZone: string): void {
  const incidentDay = localDate(new Date(report['incident_at']), timeZone);
  const same = openReports.find((other) => localDate(new Date(other['incident_at']), timeZone) === incidentDay);
  if (same)
    throw new DuplicateReportError({
      reportNo: same['report_no'],
      statusLabel: STATUS_LABELS[same['status']] ?? same['status'],
      incidentDay,
    });
}

function thresholds(data: DataAccess): Promise<MajorThresholds> {
  return cachedRules(data.database, data.event, 'major-thresholds', () => readThresholds(data));
}

async function readThresholds(data: DataAccess): Promise<MajorThresholds> {
  const rows: Item[] = await data
    .database('rule_parameters')
    .whereIn('key', ['major_min_deaths', 'major_payout_threshold', 'major_sum_insured_threshold'])
    .select('key', 'value');
  const value = (key: string, fallback: number) => Number(rows.find((row) => row['key'] === key)?.['value'] ?? fallback);
  return {
    major_min_deaths: value('major_min_deaths', 2),
    major_payout_threshold: value('major_payout_threshold', 500000),
    major_sum_insured_threshold: value('major_sum_insured_threshold', 500000),
  };
}

/**
 * The server's part of taking a report: find the policy (C-LOOKUP), refuse duplicates and
 * unidentified namesakes, review eligibility as of the accident date (C-ELIGIBLE) and flag major
 * cases (C-MAJOR). Results are computed here, never taken from the client.
 */
export async function reviewReport(
  data: DataAccess,
  merged: Item,
  changes: Item,
  previous: Item | null,
  now: Date,
  timeZone: string,
): Promise<Item> {
  const result: Item = {};
  const creating = previous === null;
  const status = String(previous?.['status'] ?? 'registered');
  if ('status' in changes && !creating) {
    const allowed = changes['status'] === 'closed' || (changes['status'] === 'accepted' && status === 'registered');
    if (!allowed)
      throw new InvalidCaseStatusError({
        reason: '受理状态由系统按初步审核结果设定；已登记的报案可改为“已受理”，任何报案可改为“已结案”。',
      });
  } else if (creating && changes['status'] !== undefined && changes['status'] !== 'registered') {
    throw new InvalidCaseStatusError({ reason: '新报案的受理状态由系统按初步审核结果设定，请不要填写。' });
  }

  // Without an accident time or cause there is nothing to review: Directus's required-field check answers.
  const reviewable = !Number.isNaN(new Date(merged['incident_at'] ?? NaN).getTime()) && Boolean(merged['incident_cause']);
  const reviewing =
    reviewable && (creating || (REVIEWED.includes(status) && !('status' in changes) && REVIEW_INPUTS.some((field) => field in changes)));
  let policy: Item | undefined;
  if (reviewing) {
    const policyId = await findPolicy(data, merged);
    result['policy'] = policyId;
    if (!policyId) {
      Object.assign(result, { status: 'no_policy', rejection_reasons: [], policy_start_date: null, policy_end_date: null });
    } else {
      const underReview = await readPolicyUnderReview(data, policyId, merged['id']);
      refuseDuplicate(merged, underReview.openReports, timeZone);
      policy = underReview.policy;
      if (!policy) throw new InvalidInputError({ field: 'policy', label: '保单', rule: `不存在：没有编号为 ${policyId} 的保单` });
      const reasons = rejectionReasons({
        incidentAt: new Date(merged['incident_at']),
        reportedAt: new Date(merged['reported_at'] ?? now),
        cause: String(merged['incident_cause']),
        policy: policy as never,
        product: {
          covered_causes: policy!['product']?.['covered_causes'] ?? [],
          claim_time_limit_days: Number(policy!['product']?.['claim_time_limit_days'] ?? 0),
        },
        timeZone,
      });
      Object.assign(result, { status: reasons.length ? 'not_accepted' : 'registered', rejection_reasons: reasons });
      if (!merged['policy_no_given']) result['policy_no_given'] = policy!['policy_no'];
      if (!merged['product_name']) result['product_name'] = policy!['product']?.['name'] ?? null;
      // The period the review judged stays on the report (letters, later reads) whatever the policy becomes.
      Object.assign(result, { policy_start_date: policy!['start_date'] ?? null, policy_end_date: policy!['end_date'] ?? null });
    }
  }

  // After the policy's read, which brought the rules counter the cached thresholds are checked against.
  if (creating || MAJOR_INPUTS.some((field) => field in changes)) {
    const majorThresholds = thresholds(data);
    majorThresholds.catch(() => undefined); // awaited below; a failed read of the policy before then must not leave it unhandled
    const policyId = result['policy'] ?? merged['policy'];
    if (!policy && policyId) [policy] = await readAll(data, 'policies', { filter: { id: { _eq: policyId } }, fields: ['sum_insured'] });
    const reasons = majorReasons(
      {
        deaths: Number(merged['deaths'] ?? 0),
        expectedPayout:
          merged['expected_payout'] === null || merged['expected_payout'] === undefined ? null : Number(merged['expected_payout']),
        sumInsured: policy?.['sum_insured'] ? Number(policy['sum_insured']) : null,
        outcomeUncertain: Boolean(merged['outcome_uncertain']),
        mediaInvolved: Boolean(merged['media_involved']),
        regulatorComplaint: Boolean(merged['regulator_complaint']),
        litigation: Boolean(merged['litigation']),
      },
      await majorThresholds,
    );
    Object.assign(result, { is_major: reasons.length > 0, major_reasons: reasons });
  }
  return result;
}
