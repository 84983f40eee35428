// X-FAULTS: the two-instance topology (two console processes, one PostgreSQL, one Redis) survives
// PostgreSQL restarting under load and Redis going away. The PostgreSQL and Redis here are this
// test's own (tests/helpers/private-services.mjs), started on free ports and stopped on purpose:
// servers other tests share are never touched.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, createStaffUser } from '../helpers/api';
import { claimReportPayload, complaintPayload } from '../helpers/fixtures';
import { privateServicesAvailable, startPrivatePostgres, startPrivateRedis } from '../helpers/private-services.mjs';
import { startTestCluster, type TestInstance } from '../helpers/test-server';
import { redisStoresEnv } from '../helpers/redis-env.mjs';

const SWEEP_EVERY_SECONDS = 2;
/** How long Redis stays away. The issue asks for a minute; 20 s keeps CI short and the point the same
 * (well past every Redis timeout and retry of the instances). AFTER_SALES_FAULT_REDIS_DOWN_SECONDS=60 runs the minute. */
const REDIS_DOWN_SECONDS = Number(process.env['AFTER_SALES_FAULT_REDIS_DOWN_SECONDS'] ?? 20);
/** How long PostgreSQL stays away during the burst. */
const POSTGRES_DOWN_MS = 3000;
const WORKERS = 50;
const CJK = /[\u4e00-\u9fff]/;

const available = privateServicesAvailable();
const artifacts = path.resolve(__dirname, '..', '.artifacts');

let postgres: Awaited<ReturnType<typeof startPrivatePostgres>>;
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
let cluster: Awaited<ReturnType<typeof startTestCluster>>;
let a: TestInstance, b: TestInstance;
const tokens: Record<'admin' | 'clerk' | 'gm', string> = { admin: '', clerk: '', gm: '' };

beforeAll(async () => {
  if (!available) return;
  const startedAt = Date.now();
  [postgres, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
  cluster = await startTestCluster(2, {
    ...postgres.env,
    REDIS: redis.url,
    ...redisStoresEnv(),
    // The per-address request limit on, counted by each instance (docs/reliability.md: with the count in
    // Redis, every request fails while Redis is away); high enough for this test's bursts.
    RATE_LIMITER_ENABLED: 'true',
    RATE_LIMITER_STORE: 'memory',
    RATE_LIMITER_POINTS: '100000',
    AFTER_SALES_SWEEP_CRON: `*/${SWEEP_EVERY_SECONDS} * * * * *`,
    LOG_LEVEL: 'warn',
  });
  [a, b] = cluster.instances as [TestInstance, TestInstance];
  console.info(`[faults] PostgreSQL, Redis and two instances ready in ${Date.now() - startedAt} ms`);
  const admin = await asAdmin(a.url);
  const [clerk, gm] = await Promise.all([createStaffUser('市场部', [], a.url), createStaffUser('总经理室', [], b.url)]);
  tokens.admin = await (admin as any).getToken();
  tokens.clerk = await (clerk.client as any).getToken();
  tokens.gm = await (gm.client as any).getToken();
});

afterAll(async () => {
  // What each instance printed last (the reason, when one died or a request failed) goes to tests/.artifacts.
  for (const [i, instance] of (cluster?.instances ?? []).entries()) {
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(path.join(artifacts, `faults-instance-${i + 1}.log`), instance.output());
    if (!instance.alive()) console.error(`[faults] ${instance.url} died; its last words:\n${instance.output().slice(-4000)}`);
  }
  await cluster?.destroy();
  await redis?.destroy();
  await postgres?.destroy();
});

interface Answer {
  status: number;
  json: any;
  text: string;
  sentAt: number;
  ms: number;
  /** set when no HTTP answer came at all (connection refused or reset: the process died) */
  networkError?: string;
  /** what the request was, for the tally */
  kind?: string;
}

async function send(instance: TestInstance, token: string, method: string, route: string, body?: unknown, retry = true): Promise<Answer> {
  const sentAt = Date.now();
  try {
    const response = await fetch(`${instance.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: kept as text for the assertion that follows
    }
    return { status: response.status, json, text, sentAt, ms: Date.now() - sentAt };
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } })?.cause;
    // A kept-alive connection the server closed as it was reused (undici): sent again once. A dead
    // instance refuses the second attempt, which counts.
    if (cause?.code === 'UND_ERR_SOCKET' && retry) return send(instance, token, method, route, body, false);
    return { status: 0, json: null, text: '', sentAt, ms: Date.now() - sentAt, networkError: String(cause ?? error) };
  }
}

/** Answers grouped by status and message: `count × status message (slowest ms)`. */
function tally(answers: Answer[]): string[] {
  const groups = new Map<string, Answer[]>();
  for (const answer of answers) {
    const key = `${answer.kind ?? ''} ${brief(answer)}`.trim();
    groups.set(key, [...(groups.get(key) ?? []), answer]);
  }
  return [...groups].map(([line, group]) => `${group.length} × ${line.slice(0, 90)} (slowest ${Math.max(...group.map((x) => x.ms))} ms)`);
}

/** An answer in one line, for assertions that list what went wrong. */
const brief = (answer: Answer) =>
  answer.status === 200
    ? '200'
    : `${answer.status} ${answer.networkError ?? answer.json?.errors?.[0]?.message ?? answer.text.slice(0, 120)}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/** Polls until both instances answer a read of the database; returns ms from `since` until each did. */
async function recovery(since: number, timeoutMs = 60_000): Promise<number[]> {
  return Promise.all(
    [a, b].map(async (instance) => {
      while (Date.now() - since < timeoutMs) {
        const answer = await send(instance, tokens.admin, 'GET', '/items/complaints?limit=1&fields=id');
        if (answer.status === 200) return Date.now() - since;
        await sleep(200);
      }
      throw new Error(`${instance.url} did not answer within ${timeoutMs} ms after the database came back`);
    }),
  );
}

/** Serials of stored numbers of one kind, per counter key, and the counters' values. */
function numbering(collection: string, field: string): { serials: Map<string, number[]>; counters: Map<string, number> } {
  const [prefix] = postgres.query(`select coalesce(prefix, '') from numbering_rules where collection = '${collection}'`).split('\n');
  const counters = new Map(
    postgres
      .query(`select key, last_value from number_sequences where key like '${collection}:%'`)
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('|') as [string, string])
      .map(([key, value]) => [key, Number(value)]),
  );
  const serials = new Map<string, number[]>();
  for (const number of postgres.query(`select ${field} from ${collection} where ${field} is not null`).split('\n').filter(Boolean)) {
    const key = [...counters.keys()].find((candidate) => number.startsWith(`${prefix ?? ''}${candidate.split(':')[1]}`));
    if (!key) throw new Error(`${collection}.${field} ${number} belongs to no counter`);
    const head = `${prefix ?? ''}${key.split(':')[1]}`;
    serials.set(key, [...(serials.get(key) ?? []), Number(number.slice(head.length))]);
  }
  return { serials, counters };
}

function expectUniqueAndGapFree(collection: string, field: string): number {
  const { serials, counters } = numbering(collection, field);
  let total = 0;
  for (const [key, last] of counters) {
    const taken = (serials.get(key) ?? []).sort((x, y) => x - y);
    expect(taken, `${collection}.${field} under ${key}`).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    total += taken.length;
  }
  return total;
}

/** A failed answer the way staff and integrators must see it: a server-side status, a Chinese message, no stack. */
function expectCleanFailure(answer: Answer) {
  expect(answer.networkError, 'the instance answered (it did not die)').toBeUndefined();
  expect(answer.status).toBeGreaterThanOrEqual(500);
  const error = answer.json?.errors?.[0];
  expect(error, `a Directus error body, got: ${answer.text.slice(0, 300)}`).toBeTruthy();
  expect(error.message).toMatch(CJK);
  expect(error.extensions?.stack).toBeUndefined();
  expect(answer.text).not.toMatch(/\n\s+at |node_modules|ECONNREFUSED|terminating connection/);
}

describe.skipIf(!available)('faults on two instances, PostgreSQL + Redis of the test’s own', () => {
  test('PostgreSQL restarted during a burst of 50 concurrent registrations and claim reports', async () => {
    // Submitted complaints waiting for the GM Office: two kept for the checks after recovery, the rest for the
    // burst (on a quiet machine it may register them all before the end; then its registration workers report).
    const pool: number[] = [];
    for (let batch = 0; batch < 12; batch++) {
      const created = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          send(a, tokens.clerk, 'POST', '/items/complaints', complaintPayload({ stage: 'submitted', customer_name: `故障${batch}${i}` })),
        ),
      );
      for (const answer of created) {
        expect(answer.status).toBe(200);
        pool.push(answer.json.data.id);
      }
    }

    const afterRecovery = pool.splice(0, 2);
    type Outcome = Answer & { instance: TestInstance; complaint?: number };
    const outcomes: Outcome[] = [];
    let done = false;
    const worker = async (w: number) => {
      for (let i = 0; !done; i++) {
        const instance = (w + i) % 2 ? b : a;
        const complaint = w % 2 === 0 ? pool.shift() : undefined;
        const outcome: Outcome =
          complaint !== undefined
            ? {
                ...(await send(instance, tokens.gm, 'POST', `/after-sales/complaints/${complaint}/moves`, { to: 'registered' })),
                kind: 'registration',
                instance,
                complaint,
              }
            : {
                kind: 'report',
                instance,
                ...(await send(
                  instance,
                  tokens.clerk,
                  'POST',
                  '/items/claim_reports',
                  claimReportPayload(null, { reporter_name: `王${w}-${i}` }),
                )),
              };
        outcomes.push(outcome);
        if (outcome.status !== 200) await sleep(250);
      }
    };
    const burst = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    await sleep(2000);
    const downAt = Date.now();
    await postgres.stop('fast');
    await sleep(POSTGRES_DOWN_MS);
    await postgres.start();
    const upAt = Date.now();
    const recoveredAfter = await recovery(upAt);
    const recoveredAt = upAt + Math.max(...recoveredAfter);
    await sleep(3000);
    done = true;
    await burst;

    const failed = outcomes.filter((outcome) => outcome.status !== 200);
    const later = outcomes.filter((outcome) => outcome.sentAt > recoveredAt);
    console.info(
      `[faults] PostgreSQL down ${upAt - downAt} ms (stop + ${POSTGRES_DOWN_MS} ms + start); both instances answering ` +
        `${recoveredAfter.join(' / ')} ms after it was back; ${outcomes.length} requests, ${failed.length} failed ` +
        `(${[...new Set(failed.map((outcome) => outcome.status))].join(', ')}); after recovery ${later.length} requests, ` +
        `${later.filter((outcome) => outcome.status !== 200).length} failed`,
    );
    console.info(`[faults] answers:\n  ${tally(outcomes).join('\n  ')}`);

    // The fault was felt, cleanly: every failure a 5xx with a Chinese message and no stack.
    expect(failed.length).toBeGreaterThan(0);
    for (const outcome of failed) expectCleanFailure(outcome);
    // Both recovered without a restart: the same processes, and every request after recovery succeeded, on both.
    expect(a.alive() && b.alive()).toBe(true);
    expect(later.filter((outcome) => outcome.status !== 200).map(brief)).toEqual([]);
    // …and each instance registers a complaint and takes a report now.
    for (const instance of [a, b]) {
      const complaint = afterRecovery.shift()!;
      const registration = await send(instance, tokens.gm, 'POST', `/after-sales/complaints/${complaint}/moves`, { to: 'registered' });
      const report = await send(
        instance,
        tokens.clerk,
        'POST',
        '/items/claim_reports',
        claimReportPayload(null, { reporter_name: '恢复后' }),
      );
      expect([registration, report].map(brief)).toEqual(['200', '200']);
      outcomes.push({ ...registration, kind: 'registration', instance, complaint }, { ...report, kind: 'report', instance });
    }

    // Every acknowledged write is there, as answered.
    const acknowledged = outcomes.filter((outcome) => outcome.status === 200);
    const registrations = acknowledged.filter((outcome) => outcome.kind === 'registration');
    const reports = acknowledged.filter((outcome) => outcome.kind === 'report');
    const storedComplaints = new Map(
      postgres
        .query(`select id, stage, coalesce(complaint_no, '') from complaints`)
        .split('\n')
        .map((line) => line.split('|'))
        .map(([id, stage, no]) => [Number(id), { stage, no }]),
    );
    for (const outcome of registrations) {
      const answered = outcome.json.data.complaint;
      expect(storedComplaints.get(outcome.complaint!)).toEqual({ stage: 'registered', no: answered.complaint_no });
    }
    const storedReports = new Map(
      postgres
        .query(`select id, report_no from claim_reports`)
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('|') as [string, string]),
    );
    for (const outcome of reports) expect(storedReports.get(String(outcome.json.data.id))).toBe(outcome.json.data.report_no);

    // No move half made: a numbered complaint is registered and has exactly one registration step.
    expect([...storedComplaints.values()].filter((complaint) => complaint.no && complaint.stage !== 'registered')).toEqual([]);
    const steps = postgres.query(
      `select count(*) from complaint_steps s join complaints c on c.id = s.complaint
       where s.to_stage = 'registered' group by c.id having count(*) <> 1`,
    );
    expect(steps).toBe('');
    expect(Number(postgres.query(`select count(*) from complaint_steps where to_stage = 'registered'`))).toBe(
      [...storedComplaints.values()].filter((complaint) => complaint.stage === 'registered').length,
    );

    // Numbers unique and gap-free, acknowledged or not.
    const numberedComplaints = expectUniqueAndGapFree('complaints', 'complaint_no');
    const numberedReports = expectUniqueAndGapFree('claim_reports', 'report_no');
    expect(numberedComplaints).toBeGreaterThanOrEqual(registrations.length);
    expect(numberedReports).toBeGreaterThanOrEqual(reports.length);
    console.info(
      `[faults] acknowledged ${registrations.length} registrations and ${reports.length} reports; stored numbers: ` +
        `${numberedComplaints} complaints, ${numberedReports} reports (unique, gap-free)`,
    );
  });

  test('Redis stopped: both instances keep serving, the sweep pauses and then runs once per tick, no notice twice', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const created = await send(
      a,
      tokens.admin,
      'POST',
      '/items/complaints',
      complaintPayload({ stage: 'registered', registered_at: daysAgo(20) }),
    );
    expect(brief(created)).toBe('200');
    const overdue = created.json.data as { id: number };
    const urgesOf = (id: number) =>
      Number(postgres.query(`select count(*) from urge_notices where collection = 'complaints' and item = '${id}'`));
    const runsBetween = (since: number, until: number) =>
      postgres
        .query(
          `select key from deadline_events where kind = 'sweep_run'
           and created_at >= '${new Date(since).toISOString()}' and created_at <= '${new Date(until).toISOString()}'`,
        )
        .split('\n')
        .filter(Boolean);
    const until = async (ready: () => boolean, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (!ready() && Date.now() < deadline) await sleep(250);
      return ready();
    };
    expect(await until(() => urgesOf(overdue.id) === 1, 20_000)).toBe(true);

    // Redis goes away. Staff keep working on both instances: read the ledger of complaints, take a report,
    // register a complaint; one clerk at a time per instance, for as long as Redis is away.
    await redis.stop();
    const stoppedAt = Date.now();
    const served: (Answer & { instance: TestInstance })[] = [];
    let secondOverdue: number | null = null;
    const clerk = async (instance: TestInstance) => {
      for (let i = 0; Date.now() - stoppedAt < REDIS_DOWN_SECONDS * 1000; i++) {
        const read = await send(instance, tokens.clerk, 'GET', '/items/complaints?limit=25&sort=-id&fields=id,stage,complaint_no');
        const report = await send(
          instance,
          tokens.clerk,
          'POST',
          '/items/claim_reports',
          claimReportPayload(null, { reporter_name: `赵${i}` }),
        );
        const submitted = await send(instance, tokens.clerk, 'POST', '/items/complaints', complaintPayload({ stage: 'submitted' }));
        const registered =
          submitted.status === 200
            ? await send(instance, tokens.gm, 'POST', `/after-sales/complaints/${submitted.json.data.id}/moves`, { to: 'registered' })
            : null;
        const kinds = ['read', 'report', 'complaint', 'registration'];
        served.push(
          ...[read, report, submitted, registered].flatMap((answer, k) => (answer ? [{ ...answer, kind: kinds[k], instance }] : [])),
        );
        if (instance === a && secondOverdue === null) {
          // A case that falls overdue while Redis is away (back-entered by an administrator).
          const created = await send(
            a,
            tokens.admin,
            'POST',
            '/items/complaints',
            complaintPayload({ stage: 'registered', registered_at: daysAgo(25) }),
          );
          if (created.status === 200) secondOverdue = created.json.data.id;
        }
        await sleep(500);
      }
    };
    await Promise.all([clerk(a), clerk(b)]);
    const restartedAt = Date.now();
    await redis.start();

    const failures = served.filter((answer) => answer.status !== 200);
    const latencies = served.map((answer) => answer.ms);
    console.info(
      `[faults] Redis away ${restartedAt - stoppedAt} ms: ${served.length} requests on both instances, ${failures.length} failed; ` +
        `latency median ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, max ${Math.max(...latencies)} ms`,
    );
    console.info(`[faults] answers while Redis was away:\n  ${tally(served).join('\n  ')}`);
    // Both instances stayed up and answered every request, quickly: what needs Redis was refused with a 503
    // in Chinese (see docs/reliability.md for what does), nothing hung on Redis's retries.
    expect(a.alive() && b.alive()).toBe(true);
    expect(new Set(served.map((answer) => answer.instance))).toEqual(new Set([a, b]));
    for (const failure of failures) {
      expectCleanFailure(failure);
      expect(failure.status).toBe(503);
    }
    expect(percentile(latencies, 95)).toBeLessThan(8000);

    // Redis is back: within seconds both instances serve every kind of request again.
    const back = Date.now();
    const recoveredIn = await Promise.all(
      [a, b].map(async (instance) => {
        while (Date.now() - back < 30_000) {
          const read = await send(instance, tokens.clerk, 'GET', '/items/complaints?limit=25&sort=-id&fields=id,stage,complaint_no');
          const report = await send(
            instance,
            tokens.clerk,
            'POST',
            '/items/claim_reports',
            claimReportPayload(null, { reporter_name: '钱' }),
          );
          const submitted = await send(instance, tokens.clerk, 'POST', '/items/complaints', complaintPayload({ stage: 'submitted' }));
          const registered =
            submitted.status === 200
              ? await send(instance, tokens.gm, 'POST', `/after-sales/complaints/${submitted.json.data.id}/moves`, { to: 'registered' })
              : submitted;
          if ([read, report, submitted, registered].every((answer) => answer.status === 200)) return Date.now() - back;
          await sleep(500);
        }
        return null;
      }),
    );
    console.info(`[faults] every kind of request served again ${recoveredIn.join(' / ')} ms after Redis was back`);
    expect(recoveredIn.every((ms) => ms !== null)).toBe(true);
    if (secondOverdue === null) {
      // No administrator write got through while Redis was away: the case is back-entered now instead.
      const created = await send(
        a,
        tokens.admin,
        'POST',
        '/items/complaints',
        complaintPayload({ stage: 'registered', registered_at: daysAgo(25) }),
      );
      secondOverdue = created.json.data.id as number;
    }
    console.info(
      `[faults] sweep runs while Redis was away: ${runsBetween(stoppedAt + 2000, restartedAt).length} ` +
        `(ticks: ${Math.floor((restartedAt - stoppedAt) / (SWEEP_EVERY_SECONDS * 1000))})`,
    );

    // Redis is back: the sweep urges the case that fell overdue meanwhile, once, and the first case is not urged again.
    expect(await until(() => urgesOf(secondOverdue!) === 1, 30_000)).toBe(true);
    const since = Date.now();
    await sleep(7 * SWEEP_EVERY_SECONDS * 1000);
    const windowEnd = Date.now();
    const runs = runsBetween(since, windowEnd);
    const period = SWEEP_EVERY_SECONDS * 1000;
    const ticks = Math.floor(windowEnd / period) - Math.floor(since / period);
    console.info(`[faults] after Redis came back: ${runs.length} sweep runs in ${ticks} ticks`);
    expect(runs.length).toBeGreaterThanOrEqual(ticks - 2);
    expect(runs.length).toBeLessThanOrEqual(ticks + 1);
    expect(new Set(runs).size).toBe(runs.length);
    expect(urgesOf(overdue.id)).toBe(1);
    expect(urgesOf(secondOverdue!)).toBe(1);
    const duplicates = postgres.query(
      `select collection, item, department, count(*) from urge_notices group by collection, item, department, reason having count(*) > 1`,
    );
    expect(duplicates).toBe('');
    expect(a.alive() && b.alive()).toBe(true);
  });
});
