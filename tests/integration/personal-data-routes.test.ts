import { createItem, updateItem } from '@directus/sdk';
import { beforeAll, describe, expect, test } from 'vitest';
import { maskIdNumber, maskPhone, PERSONAL_FIELDS } from '../../extensions/after-sales/src/domain/personal-data';
import { asAdmin, baseUrl, createStaffUser, type Client, type StaffUser } from '../helpers/api';
import { claimReportPayload, complaintPayload, createPolicyFixture, idNumber } from '../helpers/fixtures';

// Issue 22: an outside tester rebuilt ID numbers and phones through alias, aggregate, filter, search,
// export, GraphQL and the item history. Every route below is tried for every personal field and every
// department denied the full values; each must be refused or answer without the full value. The same
// probes as 市场部 (which may see the values) prove each probe would have found the value.

const MASKED_ROLES = ['总经理室', '技术部', '质量管理部'] as const;
type Role = (typeof MASKED_ROLES)[number] | '市场部' | '运营部';

interface Target {
  collection: string;
  field: string;
  id: number;
  value: string;
  masked: string;
}

interface Probe {
  route: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  /** refuse: must answer 400/403; absent: must find nothing (search, oracle filters over history); leak: may answer, never with the value */
  expect: 'refuse' | 'absent' | 'leak';
}

interface Answer {
  status: number;
  text: string;
  json: any;
}

const staff = {} as Record<Role, StaffUser>;
const targets: Target[] = [];
let admin: Client;
let ids: {
  customer: number;
  policy: number;
  report: number;
  application: number;
  complaint: number;
  hiddenComplaint: number;
  petition: number;
};
let hiddenComplaintPhone: string;
const PETITION_TEXT = `签呈内容-${Date.now()}-仅本部门可见`;

const uniquePhone = () => `139${String(Date.now()).slice(-4)}${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;

async function call(client: Client, probe: Pick<Probe, 'route' | 'method' | 'body'>): Promise<Answer> {
  const token: string = await (client as any).getToken();
  const response = await fetch(`${baseUrl()}${probe.route}`, {
    method: probe.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: probe.body === undefined ? undefined : JSON.stringify(probe.body),
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, text, json };
}

const q = (value: string) => encodeURIComponent(value);
/** A value without its first and last character: no masked copy contains it (masking keeps only the ends). */
const middle = (value: string) => value.slice(1, -1);

/** Every route of the issue, for one personal field of one item. */
function probesFor({ collection: c, field: f, id, value }: Target): Probe[] {
  const gql = (query: string, system = false, expect: Probe['expect'] = 'leak'): Probe => ({
    route: system ? '/graphql/system' : '/graphql',
    method: 'POST',
    body: { query },
    expect,
  });
  return [
    { route: `/items/${c}/${id}?fields=${f}`, expect: 'refuse' },
    { route: `/items/${c}/${id}`, expect: 'leak' },
    { route: `/items/${c}/${id}?fields=*.*.*`, expect: 'leak' },
    { route: `/items/${c}?alias[x]=${f}&fields=id,x&filter[id][_eq]=${id}`, expect: 'refuse' },
    { route: `/items/${c}?alias[x]=${f}&alias[y]=${f}&fields=id,x,y&export=csv`, expect: 'refuse' },
    { route: `/items/${c}?aggregate[min]=${f}&filter[id][_eq]=${id}`, expect: 'refuse' },
    { route: `/items/${c}?aggregate[max]=${f}&filter[id][_eq]=${id}`, expect: 'refuse' },
    { route: `/items/${c}?aggregate[countDistinct]=${f}`, expect: 'refuse' },
    { route: `/items/${c}?aggregate[count]=${f}&filter[id][_eq]=${id}`, expect: 'refuse' },
    { route: `/items/${c}?filter[${f}][_eq]=${q(value)}&fields=id`, expect: 'refuse' },
    { route: `/items/${c}?filter[${f}][_starts_with]=${q(value.slice(0, 6))}&fields=id`, expect: 'refuse' },
    { route: `/items/${c}?filter[${f}][_contains]=${q(middle(value))}&fields=id`, expect: 'refuse' },
    { route: `/items/${c}?filter[${f}][_in]=${q(value)}&fields=id`, expect: 'refuse' },
    { route: `/items/${c}?filter[_or][0][${f}][_nnull]=true&fields=id`, expect: 'refuse' },
    { route: `/items/${c}?sort=${f}&fields=id&limit=1`, expect: 'refuse' },
    { route: `/items/${c}?sort=-${f}&fields=id&limit=1`, expect: 'refuse' },
    { route: `/items/${c}?groupBy[]=${f}&aggregate[count]=*`, expect: 'refuse' },
    { route: `/items/${c}?search=${q(middle(value))}&filter[id][_eq]=${id}&fields=id`, expect: 'absent' },
    { route: `/items/${c}?fields=id,${f}&export=csv`, expect: 'refuse' },
    { route: `/items/${c}?filter[id][_eq]=${id}&export=csv`, expect: 'leak' },
    { route: `/items/${c}?filter[id][_eq]=${id}&export=json`, expect: 'leak' },
    gql(`{ ${c}(filter: { id: { _eq: ${id} } }) { id ${f} } }`, false, 'refuse'),
    gql(`{ ${c}_by_id(id: ${id}) { id x: ${f} } }`, false, 'refuse'),
    gql(`{ ${c}(filter: { ${f}: { _starts_with: "${value.slice(0, 6)}" } }) { id } }`, false, 'refuse'),
    gql(`{ ${c}_aggregated { countDistinct { ${f} } min { ${f} } } }`, false, 'refuse'),
    gql(`{ ${c}(sort: ["${f}"], limit: 1) { id } }`, false, 'refuse'),
    { route: `/revisions?filter[collection][_eq]=${c}&filter[item][_eq]=${id}&fields=data,delta`, expect: 'leak' },
    { route: `/revisions?filter[collection][_eq]=${c}&alias[d]=data&fields=d&limit=-1`, expect: 'leak' },
    { route: `/revisions?filter[collection][_eq]=${c}&fields=activity.revisions.data,parent.data&limit=-1`, expect: 'leak' },
    { route: `/revisions?filter[data][_contains]=${q(middle(value))}&fields=id`, expect: 'absent' },
    { route: `/revisions?aggregate[count]=*&filter[delta][_contains]=${q(middle(value))}`, expect: 'absent' },
    { route: `/activity?filter[collection][_eq]=${c}&filter[item][_eq]=${id}&fields=revisions.data,revisions.delta`, expect: 'leak' },
    { route: `/activity?fields=id,revisions.data&limit=-1&filter[collection][_eq]=${c}`, expect: 'leak' },
    gql(`{ revisions(filter: { collection: { _eq: "${c}" } }) { data delta } }`, true),
    gql(`{ activity(filter: { collection: { _eq: "${c}" } }) { revisions { data } } }`, true),
    { route: `/after-sales/history/${c}/${id}`, expect: 'leak' },
  ];
}

/**
 * Paths from one case to the personal fields of another (m2o chains). A path through a collection the
 * role cannot read at all (技术部 reads no customers) is answered without that relation, not refused.
 */
function relationalProbes(readsCustomers: boolean): Probe[] {
  const path: Probe['expect'] = readsCustomers ? 'refuse' : 'leak';
  const customer = targets.find((t) => t.collection === 'customers' && t.field === 'id_number')!;
  const phone = targets.find((t) => t.collection === 'customers' && t.field === 'phone')!;
  const reporter = targets.find((t) => t.field === 'reporter_phone')!;
  return [
    { route: `/items/complaints/${ids.complaint}?fields=policy.insured.id_number`, expect: path },
    { route: `/items/complaints/${ids.complaint}?fields=policy.insured.*,claim_report.*`, expect: 'leak' },
    {
      route: `/items/complaints?filter[policy][insured][id_number][_starts_with]=${q(customer.value.slice(0, 6))}&fields=id`,
      expect: 'refuse',
    },
    { route: `/items/complaints?alias[n]=policy.insured.id_number&fields=id,n`, expect: 'refuse' },
    { route: `/items/claim_reports/${ids.report}?fields=policy.policyholder.phone`, expect: path },
    { route: `/items/claim_reports?filter[policy][policyholder][phone][_eq]=${q(phone.value)}&fields=id`, expect: 'refuse' },
    { route: `/items/claim_applications/${ids.application}?fields=claim_report.reporter_phone`, expect: 'refuse' },
    { route: `/items/claim_applications?filter[claim_report][reporter_phone][_eq]=${q(reporter.value)}&fields=id`, expect: 'refuse' },
    { route: `/items/policies/${ids.policy}?fields=*.*`, expect: 'leak' },
    { route: `/items/policies?sort=insured.id_number&fields=id&limit=1`, expect: 'refuse' },
    { route: `/items/policies?filter[insured][phone][_contains]=${q(middle(phone.value))}&fields=id`, expect: 'refuse' },
    { route: `/items/policies?fields=id&deep[insured][_filter][id_number][_eq]=${q(customer.value)}`, expect: 'leak' },
    {
      route: '/graphql',
      method: 'POST',
      body: { query: `{ complaints_by_id(id: ${ids.complaint}) { policy { insured { id_number phone } policyholder { x: phone } } } }` },
      expect: 'leak',
    },
    {
      route: '/graphql',
      method: 'POST',
      body: { query: `{ policies(filter: { insured: { id_number: { _eq: "${customer.value}" } } }) { id } }` },
      expect: 'refuse',
    },
  ];
}

/** What a probe answered, judged: null when it keeps the secret, else why not. */
function judge(probe: Probe, answer: Answer, secrets: string[]): string | null {
  const leaked = secrets.filter((secret) => answer.text.includes(secret));
  if (leaked.length) return `HTTP ${answer.status} contains ${leaked.join(', ')}`;
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  // GraphQL may answer a query it cannot run with errors and no data.
  const graphqlRefused =
    Array.isArray(answer.json?.errors) &&
    answer.json.errors.length > 0 &&
    Object.values(answer.json?.data ?? {}).every((value) => value === null);
  if (probe.expect === 'refuse' && answer.status !== 400 && answer.status !== 403 && !graphqlRefused)
    return `answered HTTP ${answer.status} instead of refusing: ${answer.text.slice(0, 160)}`;
  if (probe.expect === 'absent' && answer.status === 200) {
    const rows = answer.json?.data;
    const counted = Array.isArray(rows) && rows.length === 1 && 'count' in rows[0] ? Number(rows[0].count) : null;
    if (counted !== null ? counted !== 0 : !Array.isArray(rows) || rows.length > 0) return `found ${JSON.stringify(rows).slice(0, 80)}`;
  }
  return null;
}

beforeAll(async () => {
  admin = await asAdmin();
  for (const role of [...MASKED_ROLES, '市场部', '运营部'] as const) staff[role] = await createStaffUser(role);

  const fixture = await createPolicyFixture(admin);
  const customerId = idNumber();
  const customerPhone = uniquePhone();
  await admin.request(updateItem('customers', fixture.insured.id, { id_number: customerId, phone: customerPhone }));
  await admin.request(updateItem('customers', fixture.holder.id, { phone: customerPhone }));
  const reportId = idNumber();
  const reporterPhone = uniquePhone();
  const report = await admin.request(
    createItem(
      'claim_reports',
      claimReportPayload(fixture.policy.id, {
        insured_id_number: reportId,
        reporter_phone: reporterPhone,
        incident_at: '2026-11-17T02:00:00.000Z',
      }),
    ),
  );
  const applicantId = idNumber();
  const application = await admin.request(
    createItem('claim_applications', {
      claim_report: report.id,
      claim_type: 'medical',
      applicant_name: '李四',
      applicant_id_number: applicantId,
    }),
  );
  // Readable by 技术部 (its analysis is on file); the second one is not.
  const complaintPhone = uniquePhone();
  const complaint = await admin.request(
    createItem(
      'complaints',
      complaintPayload({
        policy: fixture.policy.id,
        claim_report: report.id,
        customer_phone: complaintPhone,
        tech_analysis: '系统故障导致延误',
      }),
    ),
  );
  hiddenComplaintPhone = uniquePhone();
  const hidden = await admin.request(
    createItem('complaints', complaintPayload({ customer_phone: hiddenComplaintPhone, demand: '不应被技术部看到的诉求' })),
  );
  const petition = await admin.request(createItem('petitions', { complaint: complaint.id, department: 'market', content: PETITION_TEXT }));
  // A second edit, so the history holds a delta with the value too.
  await admin.request(updateItem('complaints', complaint.id, { customer_phone: complaintPhone, market_opinion: '已电话联系客户' }));

  ids = {
    customer: fixture.insured.id,
    policy: fixture.policy.id,
    report: report.id,
    application: application.id,
    complaint: complaint.id,
    hiddenComplaint: hidden.id,
    petition: petition.id,
  };
  const values: Record<string, Record<string, [number, string]>> = {
    customers: { id_number: [ids.customer, customerId], phone: [ids.customer, customerPhone] },
    claim_reports: { insured_id_number: [ids.report, reportId], reporter_phone: [ids.report, reporterPhone] },
    claim_applications: { applicant_id_number: [ids.application, applicantId] },
    complaints: { customer_phone: [ids.complaint, complaintPhone] },
  };
  for (const [collection, fields] of Object.entries(PERSONAL_FIELDS)) {
    for (const [field, kind] of Object.entries(fields)) {
      const [id, value] = values[collection]![field]!;
      targets.push({ collection, field, id, value, masked: kind === 'id_number' ? maskIdNumber(value) : maskPhone(value) });
    }
  }
});

describe('personal data on every route (issue 22)', () => {
  test('the catalogue covers every personal field of domain/personal-data.ts', () => {
    expect(targets.map((t) => `${t.collection}.${t.field}`).sort()).toEqual(
      Object.entries(PERSONAL_FIELDS)
        .flatMap(([c, fields]) => Object.keys(fields).map((f) => `${c}.${f}`))
        .sort(),
    );
  });

  test('each probe finds the value as 市场部 (the probes would see a leak)', async () => {
    const market = staff['市场部'].client;
    const missed: string[] = [];
    for (const target of targets) {
      const must = [
        `/items/${target.collection}/${target.id}?fields=${target.field}`,
        `/items/${target.collection}?alias[x]=${target.field}&fields=id,x&filter[id][_eq]=${target.id}`,
        `/items/${target.collection}?aggregate[max]=${target.field}&filter[id][_eq]=${target.id}`,
        `/items/${target.collection}?fields=id,${target.field}&export=csv&filter[id][_eq]=${target.id}`,
        `/revisions?filter[collection][_eq]=${target.collection}&filter[item][_eq]=${target.id}&fields=data,delta`,
        `/after-sales/history/${target.collection}/${target.id}`,
      ];
      for (const route of must) {
        const answer = await call(market, { route });
        if (!answer.text.includes(target.value)) missed.push(`${route}: HTTP ${answer.status}`);
      }
      const found = await call(market, {
        route: `/items/${target.collection}?search=${q(middle(target.value))}&filter[id][_eq]=${target.id}&fields=id`,
      });
      if (found.json?.data?.length !== 1) missed.push(`search ${target.collection}.${target.field}: ${found.text.slice(0, 80)}`);
      const gqlAnswer = await call(market, {
        route: '/graphql',
        method: 'POST',
        body: { query: `{ ${target.collection}_by_id(id: ${target.id}) { x: ${target.field} } }` },
      });
      if (!gqlAnswer.text.includes(target.value))
        missed.push(`graphql alias ${target.collection}.${target.field}: ${gqlAnswer.text.slice(0, 120)}`);
    }
    expect(missed).toEqual([]);
  });

  test.each(MASKED_ROLES)('%s: every route is refused or answers without the full value', async (role) => {
    const client = staff[role].client;
    const secrets = targets.map((t) => t.value);
    const failures: string[] = [];
    let probes = 0;
    for (const target of targets) {
      for (const probe of probesFor(target)) {
        probes++;
        const verdict = judge(probe, await call(client, probe), secrets);
        if (verdict)
          failures.push(`${role} ${probe.method ?? 'GET'} ${probe.route}${probe.body ? ` ${JSON.stringify(probe.body)}` : ''}: ${verdict}`);
      }
    }
    for (const probe of relationalProbes(role !== '技术部')) {
      probes++;
      const verdict = judge(probe, await call(client, probe), secrets);
      if (verdict)
        failures.push(`${role} ${probe.method ?? 'GET'} ${probe.route}${probe.body ? ` ${JSON.stringify(probe.body)}` : ''}: ${verdict}`);
    }
    console.log(`personal data routes: ${probes} probes as ${role}, ${failures.length} failed`);
    expect(failures).toEqual([]);
  });

  test('a department denied the full values reads the masked copy instead, in the item and in its history', async () => {
    const readable: Record<(typeof MASKED_ROLES)[number], string[]> = {
      总经理室: ['customers', 'claim_reports', 'claim_applications', 'complaints'],
      技术部: ['complaints'],
      质量管理部: ['customers', 'claim_reports', 'claim_applications', 'complaints'],
    };
    for (const role of MASKED_ROLES) {
      for (const target of targets.filter((t) => readable[role].includes(t.collection))) {
        const copy = `${target.field}_masked`;
        const item = await call(staff[role].client, { route: `/items/${target.collection}/${target.id}` });
        expect(item.status, `${role} ${target.collection}`).toBe(200);
        expect(item.json.data[copy], `${role} ${target.collection}.${copy}`).toBe(target.masked);
        expect(item.json.data).not.toHaveProperty(target.field);
        const history = await call(staff[role].client, { route: `/after-sales/history/${target.collection}/${target.id}` });
        expect(history.status, `${role} history of ${target.collection}`).toBe(200);
        const latest = history.json.data.at(-1);
        expect(latest.data[copy], `${role} history ${target.collection}.${copy}`).toBe(target.masked);
        expect(latest.data).not.toHaveProperty(target.field);
        for (const entry of history.json.data)
          expect(JSON.stringify(entry), `${role} history of ${target.collection}`).not.toContain(target.value);
      }
    }
  });

  test('市场部 and 运营部 read the full values; nobody may write a masked copy; every write keeps the copy', async () => {
    const customer = targets.find((t) => t.collection === 'customers' && t.field === 'phone')!;
    for (const role of ['市场部', '运营部'] as const) {
      const item = await call(staff[role].client, { route: `/items/customers/${customer.id}?fields=phone,phone_masked` });
      expect(item.json.data, role).toEqual({ phone: customer.value, phone_masked: customer.masked });
    }
    const customerId = await admin.request(
      createItem('customers', { name: `打码副本${Date.now()}`, id_number: idNumber(), phone: '13512345678' }),
    );
    const refused = await fetch(`${baseUrl()}/items/customers/${customerId.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await (admin as any).getToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ phone_masked: '135****0000' }),
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors[0].message).toBe('“电话（打码）”由系统自动生成，不能填写或修改。');
    await staff['市场部'].client.request(updateItem('customers', customerId.id, { phone: '13698765432' }));
    const changed = await call(staff['质量管理部'].client, { route: `/items/customers/${customerId.id}?fields=phone_masked` });
    expect(changed.json.data.phone_masked).toBe('136****5432');
    await staff['市场部'].client.request(updateItem('customers', customerId.id, { phone: null }));
    expect(
      (await call(staff['质量管理部'].client, { route: `/items/customers/${customerId.id}?fields=phone_masked` })).json.data.phone_masked,
    ).toBeNull();
  });

  test('a department denied the full values cannot write them either', async () => {
    const gm = staff['总经理室'].client;
    const patch = await fetch(`${baseUrl()}/items/claim_reports/${ids.report}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await (gm as any).getToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reporter_phone: '13711112222' }),
    });
    expect(patch.status).toBe(403);
    const reporter = targets.find((t) => t.field === 'reporter_phone')!;
    expect(
      (await call(staff['市场部'].client, { route: `/items/claim_reports/${ids.report}?fields=reporter_phone` })).json.data.reporter_phone,
    ).toBe(reporter.value);
  });
});

describe('history follows the case’s own read rules', () => {
  test('技术部 reads the history of the complaint it may read, not of one it may not', async () => {
    const tech = staff['技术部'].client;
    expect((await call(tech, { route: `/items/complaints/${ids.hiddenComplaint}` })).status).toBe(403);
    for (const route of [
      `/revisions?filter[collection][_eq]=complaints&filter[item][_eq]=${ids.hiddenComplaint}`,
      `/revisions?filter[collection][_eq]=complaints&limit=-1&fields=data,delta`,
      `/activity?filter[collection][_eq]=complaints&filter[item][_eq]=${ids.hiddenComplaint}&fields=id,revisions.data`,
    ]) {
      const answer = await call(tech, { route });
      expect(answer.text, route).not.toContain('不应被技术部看到的诉求');
      expect(answer.text, route).not.toContain(hiddenComplaintPhone);
      if (answer.status === 200) expect(answer.json.data, route).toEqual([]);
    }
    const refused = await call(tech, { route: `/after-sales/history/complaints/${ids.hiddenComplaint}` });
    expect(refused.status).toBe(403);
    expect(refused.json.errors[0].message).toBe('您没有查看该案件的权限，不能查看其修改记录。');
    expect(refused.text).not.toContain('不应被技术部看到的诉求');

    const own = await call(tech, { route: `/after-sales/history/complaints/${ids.complaint}` });
    expect(own.status).toBe(200);
    expect(own.json.data.map((entry: any) => entry.action)).toEqual(['create', 'update']);
    expect(own.json.data[0].data.tech_analysis).toBe('系统故障导致延误');
    expect(own.json.data[1].delta.market_opinion).toBe('已电话联系客户');
    expect(own.json.data[1].delta).not.toHaveProperty('customer_phone');
  });

  test('a department reads its own petitions’ history and no other department’s', async () => {
    for (const role of ['运营部', '技术部', '质量管理部'] as const) {
      const client = staff[role].client;
      expect((await call(client, { route: `/items/petitions/${ids.petition}` })).status, role).toBe(403);
      for (const route of [
        `/revisions?filter[collection][_eq]=petitions&fields=data,delta&limit=-1`,
        `/revisions?alias[d]=data&fields=d&limit=-1&filter[item][_eq]=${ids.petition}`,
        `/activity?filter[collection][_eq]=petitions&fields=revisions.data&limit=-1`,
      ]) {
        const answer = await call(client, { route });
        expect(answer.text, `${role} ${route}`).not.toContain(PETITION_TEXT);
      }
      const system = await call(client, {
        route: '/graphql/system',
        method: 'POST',
        body: { query: '{ revisions(filter: { collection: { _eq: "petitions" } }, limit: -1) { data } }' },
      });
      expect(system.text, role).not.toContain(PETITION_TEXT);
      expect((await call(client, { route: `/after-sales/history/petitions/${ids.petition}` })).status, role).toBe(403);
    }
    const market = await call(staff['市场部'].client, { route: `/after-sales/history/petitions/${ids.petition}` });
    expect(market.status).toBe(200);
    expect(market.json.data[0].data.content).toBe(PETITION_TEXT);
    const gm = await call(staff['总经理室'].client, {
      route: `/revisions?filter[collection][_eq]=petitions&filter[item][_eq]=${ids.petition}&fields=data`,
    });
    expect(gm.text).toContain(PETITION_TEXT);
  });

  test('the history endpoint names what it cannot serve', async () => {
    const gm = staff['总经理室'].client;
    const system = await call(gm, { route: '/after-sales/history/directus_users/1' });
    expect(system.status).toBe(400);
    expect(system.json.errors[0].message).toBe('没有名为 “directus_users” 的案件类型，不能查看修改记录。');
    const malformed = await call(gm, { route: '/after-sales/history/complaints/abc' });
    expect(malformed.status).toBe(400);
    const anonymous = await fetch(`${baseUrl()}/after-sales/history/complaints/${ids.complaint}`);
    expect(anonymous.status).toBe(403);
  });
});
