// Soak: two console instances on one PostgreSQL and one Redis (the scaled topology), a mixed load at a bounded
// rate spread over both for 10 minutes (AFTER_SALES_SOAK_MINUTES or `--minutes N` for another length):
// 市场部 clerks reporting claims and filing complaints, the 总经理室 and 运营部 moving them through the moves
// endpoint, letters printed (preview), the ledger read, and the scheduled sweep ticking every 5 s over cases an
// administrator back-enters overdue. Targets: 0 failed requests, 0 duplicate numbers or notices, every overdue case
// urged exactly once, the sweep once per tick, and each instance's memory (RSS) flat after warm-up: the median of
// the last window at most 10 % above that of the first (a fall is the garbage collector giving memory back, not a leak). Run only when named: `npm run bench -- soak` (the default run and
// `--quick` leave it out); its rows gate the exit code.
//
// PostgreSQL and Redis: AFTER_SALES_TEST_PG + AFTER_SALES_TEST_REDIS when both are set (a database and a key space
// of its own there), else a private pair started here (tests/helpers/private-services.mjs).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createTestDatabase } from '../helpers/postgres.mjs';
import { privateServicesAvailable, startPrivatePostgres, startPrivateRedis } from '../helpers/private-services.mjs';
import { openDatabase } from './lib/data.mjs';
import { claimReport, complaint, createPolicies } from './lib/fixtures.mjs';
import { adminToken, call, prepareBenchDatabase, startBenchServer } from './lib/server.mjs';
import { rssMb } from './lib/rss.mjs';
import { median, percentile } from './lib/stats.mjs';
import { redisNamespaceEnv, redisStoresEnv } from '../helpers/redis-env.mjs';

const SWEEP_EVERY_SECONDS = 5;
/** Requests per second over both instances (AFTER_SALES_SOAK_RATE). */
const RATE = Number(process.env.AFTER_SALES_SOAK_RATE ?? 8);
/** More requests than this unanswered at once: the next slot is skipped (counted), the rate stays bounded. */
const MAX_IN_FLIGHT = 32;
const RSS_EVERY_MS = 5000;
const RSS_LIMIT = 0.1;
/** An administrator back-enters an overdue complaint this often: the sweep has notices to issue all along. */
const OVERDUE_EVERY_MS = 15_000;
const DAY = 86_400_000;
/** One cycle of the mix (request kinds by weight); `move` takes the oldest complaint waiting for its next move. */
const MIX = ['report', 'move', 'ledger', 'report', 'complaint', 'move', 'preview', 'report', 'move', 'workbench'];
const KIND_TEXT = {
  report: '报案 (市场部, POST /items/claim_reports)',
  complaint: '抱怨提交 (市场部, POST /items/complaints)',
  move: '办理 (POST /after-sales/complaints/:id/moves)',
  preview: '打印预览 (GET /after-sales/letters/preview)',
  ledger: '追踪表 (GET /after-sales/ledger)',
  workbench: '工作台 (GET /after-sales/workbench)',
  overdue: '补录逾期抱怨 (管理员)',
};
/** The moves the soak makes, in pipeline order: from → to, by whom, with which values. */
const MOVES = [
  { from: 'submitted', to: 'registered', by: 'gm' },
  { from: 'registered', to: 'investigating', by: 'gm' },
  {
    from: 'investigating',
    to: 'plan_review',
    by: 'ops',
    values: { investigation_cause: '保全录入错误', responsibility: '运营部', countermeasures: '复核保全录入' },
  },
];

function soakMinutes(ctx) {
  const fromArgs = ctx.options?.minutes;
  const minutes = Number(fromArgs ?? process.env.AFTER_SALES_SOAK_MINUTES ?? 10);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new Error(`soak: minutes must be a positive number, not ${fromArgs}`);
  return minutes;
}

/** PostgreSQL + Redis for the soak: the given pair (own database and key space) or a private pair. */
async function services(ctx) {
  const pgUrl = process.env.AFTER_SALES_TEST_PG;
  const redisUrl = process.env.AFTER_SALES_TEST_REDIS;
  if (pgUrl && redisUrl) {
    const database = createTestDatabase(pgUrl, 'after_sales_soak');
    const namespace = `after-sales-soak-${randomUUID().slice(0, 8)}`;
    ctx.log(`PostgreSQL ${new URL(pgUrl).host} (database ${database.env.DB_DATABASE}), Redis ${new URL(redisUrl).host} (${namespace}:*)`);
    return {
      env: {
        ...database.env,
        REDIS: redisUrl,
        ...redisNamespaceEnv(namespace),
      },
      destroy: async () => {
        database.drop();
        const redis = new Redis(redisUrl);
        try {
          const keys = await redis.keys(`${namespace}:*`);
          if (keys.length) await redis.del(...keys);
        } finally {
          redis.disconnect();
        }
      },
    };
  }
  if (!privateServicesAvailable())
    throw new Error(
      'the soak needs PostgreSQL and Redis: set AFTER_SALES_TEST_PG and AFTER_SALES_TEST_REDIS, or install their server programs',
    );
  const [postgres, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
  ctx.log(`private PostgreSQL on port ${postgres.port}, private Redis on port ${redis.port}`);
  return {
    env: { ...postgres.env, REDIS: redis.url },
    destroy: async () => {
      await redis.destroy();
      await postgres.destroy();
    },
  };
}

async function staffUser(server, roleName, policyNames = []) {
  const [role] = await call(server, 'GET', `/roles?filter[name][_eq]=${encodeURIComponent(roleName)}&fields=id`);
  const policies = policyNames.length
    ? await call(server, 'GET', `/policies?filter[name][_in]=${encodeURIComponent(policyNames.join(','))}&fields=id`)
    : [];
  const email = `soak-${randomUUID().slice(0, 8)}@staff.example.com`;
  const password = 'Staff@12345';
  await call(server, 'POST', '/users', {
    email,
    password,
    first_name: roleName,
    last_name: '压测员',
    role: role.id,
    policies: { create: policies.map((policy) => ({ policy: policy.id })) },
  });
  return adminToken(server.url, { email, password });
}

/** One request; never throws: { ok, status, ms, json, message }. A GET whose kept-alive socket was closed under it is sent once more. */
async function send(url, token, method, route, body, retry = method === 'GET') {
  const t0 = performance.now();
  try {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // a letter preview is HTML
    }
    const message = response.ok ? '' : `${response.status} ${json?.errors?.[0]?.message ?? text.slice(0, 120)}`;
    return { ok: response.ok, status: response.status, ms: performance.now() - t0, json, message };
  } catch (error) {
    if (retry && error?.cause?.code === 'UND_ERR_SOCKET') return send(url, token, method, route, body, false);
    return { ok: false, status: 0, ms: performance.now() - t0, json: null, message: `no answer: ${error?.cause?.code ?? error.message}` };
  }
}

/** The figures of one run of the soak against instances `servers` (two). */
async function soak(ctx, servers, minutes) {
  const [a] = servers;
  ctx.log('setup: 20 policies, staff of 市场部, 总经理室, 运营部');
  const policies = await createPolicies(a, 20);
  const tokens = {
    clerk: await staffUser(a, '市场部'),
    gm: await staffUser(a, '总经理室'),
    ops: await staffUser(a, '运营部'),
    admin: a.token,
  };

  const counts = {};
  const latencies = {};
  const failures = [];
  let skipped = 0;
  let inFlight = 0;
  let n = 0;
  const waiting = { submitted: [], registered: [], investigating: [] };
  const refusedReports = [];
  const backEntered = [];

  const run = async (kind, instance, token, method, route, body) => {
    inFlight++;
    try {
      const answer = await send(instance.url, tokens[token], method, route, body);
      counts[kind] = (counts[kind] ?? 0) + 1;
      (latencies[kind] ??= []).push(answer.ms);
      if (!answer.ok) failures.push({ kind, message: answer.message });
      return answer;
    } finally {
      inFlight--;
    }
  };

  const fire = (kind, instance) => {
    const i = n;
    switch (kind) {
      case 'report': {
        // Every fifth is an illness the product does not cover: refused (不予受理), so it has a letter to print.
        const body = claimReport(policies, i, i % 5 === 0 ? { incident_cause: 'illness' } : {});
        return run(kind, instance, 'clerk', 'POST', '/items/claim_reports', body).then((answer) => {
          if (answer.ok && answer.json?.data?.status === 'not_accepted') refusedReports.push(answer.json.data.id);
        });
      }
      case 'complaint':
        return run(kind, instance, 'clerk', 'POST', '/items/complaints', complaint(i, { stage: 'submitted' })).then((answer) => {
          if (answer.ok) waiting.submitted.push(answer.json.data.id);
        });
      case 'move': {
        const move = [...MOVES].reverse().find((m) => waiting[m.from].length);
        if (!move) return fire('complaint', instance);
        const id = waiting[move.from].shift();
        return run(kind, instance, move.by, 'POST', `/after-sales/complaints/${id}/moves`, { to: move.to, values: move.values }).then(
          (answer) => {
            if (answer.ok && waiting[move.to]) waiting[move.to].push(id);
          },
        );
      }
      case 'preview': {
        if (!refusedReports.length) return fire('report', instance);
        const item = refusedReports[i % refusedReports.length];
        return run(
          kind,
          instance,
          'clerk',
          'GET',
          `/after-sales/letters/preview?template=rejection_notice&collection=claim_reports&item=${item}`,
        );
      }
      case 'ledger':
        return run(kind, instance, 'gm', 'GET', `/after-sales/ledger?limit=25${i % 2 ? '&sort=time_left' : ''}`);
      case 'workbench':
        return run(kind, instance, i % 2 ? 'gm' : 'ops', 'GET', '/after-sales/workbench');
      case 'overdue': {
        const registered = new Date(Date.now() - 20 * DAY).toISOString();
        const body = complaint(i, { stage: 'registered', registered_at: registered, customer_name: `逾期${i}` });
        return run(kind, instance, 'admin', 'POST', '/items/complaints', body).then((answer) => {
          if (answer.ok) backEntered.push(answer.json.data.id);
        });
      }
      default:
        throw new Error(`unknown kind ${kind}`);
    }
  };

  const durationMs = minutes * 60_000;
  // Warm-up: the first fifth (30 s to 2 min) is left out of the memory comparison; the two windows compared are a
  // quarter each of what remains.
  const warmupMs = Math.min(120_000, Math.max(30_000, durationMs / 5));
  const windowMs = (durationMs - warmupMs) / 4;
  const rss = servers.map(() => []);
  const pending = new Set();
  const track = (promise) => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
  };

  ctx.log(`soak: ${minutes} min at ${RATE} requests/s over both instances, sweep every ${SWEEP_EVERY_SECONDS} s`);
  const started = Date.now();
  const until = started + durationMs;
  let nextOverdue = started;
  let nextRss = started;
  let nextReport = started + 60_000;
  for (let slot = 0; Date.now() < until; slot++) {
    const due = started + (slot * 1000) / RATE;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    const now = Date.now();
    if (now >= nextRss) {
      nextRss += RSS_EVERY_MS;
      servers.forEach((server, s) => rss[s].push({ at: now - started, mb: rssMb(server.pid) }));
    }
    if (now >= nextReport) {
      nextReport += 60_000;
      const total = Object.values(counts).reduce((x, y) => x + y, 0);
      ctx.log(`  ${Math.round((now - started) / 1000)} s: ${total} answered, ${failures.length} failed, ${inFlight} in flight`);
    }
    if (inFlight >= MAX_IN_FLIGHT) {
      skipped++;
      continue;
    }
    const instance = servers[slot % servers.length];
    if (now >= nextOverdue) {
      nextOverdue += OVERDUE_EVERY_MS;
      track(fire('overdue', instance));
    } else track(fire(MIX[n % MIX.length], instance));
    n++;
  }
  await Promise.all(pending);
  const endedAt = Date.now();
  // Two more ticks so the last back-entered case is swept, then the ledger's tally.
  await new Promise((resolve) => setTimeout(resolve, 3 * SWEEP_EVERY_SECONDS * 1000));
  return { counts, latencies, failures, skipped, rss, warmupMs, windowMs, durationMs, started, endedAt, backEntered };
}

/** Duplicates in the stored data: numbers, urge notices per (case, department, reason); overdue cases urged once; sweeps per tick. */
async function audit(env, figures) {
  const knex = openDatabase(env);
  try {
    const duplicates = async (table, column) =>
      (await knex(table).whereNotNull(column).groupBy(column).havingRaw('count(*) > 1').select(column)).length;
    const numbers = {
      report_no: await duplicates('claim_reports', 'report_no'),
      complaint_no: await duplicates('complaints', 'complaint_no'),
      notice_no: await duplicates('urge_notices', 'notice_no'),
    };
    const noticeTwice = (
      await knex('urge_notices').groupBy('collection', 'item', 'department', 'reason').havingRaw('count(*) > 1').select('item')
    ).length;
    const urges = await knex('urge_notices')
      .where({ collection: 'complaints' })
      .whereIn(
        'item',
        figures.backEntered.map((id) => String(id)),
      )
      .groupBy('item')
      .select('item', knex.raw('count(*) as n'));
    const urgedOnce = urges.filter((row) => Number(row.n) === 1).length;
    const period = SWEEP_EVERY_SECONDS * 1000;
    const runs = await knex('deadline_events')
      .where({ kind: 'sweep_run' })
      .where('created_at', '>=', new Date(figures.started + figures.warmupMs).toISOString())
      .where('created_at', '<=', new Date(figures.endedAt).toISOString())
      .select('key');
    const ticks = Math.floor(figures.endedAt / period) - Math.floor((figures.started + figures.warmupMs) / period);
    const totals = {
      complaints: Number((await knex('complaints').count({ n: '*' }))[0].n),
      reports: Number((await knex('claim_reports').count({ n: '*' }))[0].n),
      notices: Number((await knex('urge_notices').count({ n: '*' }))[0].n),
    };
    return { numbers, noticeTwice, urgedOnce, runs: runs.length, distinctRuns: new Set(runs.map((r) => r.key)).size, ticks, totals };
  } finally {
    await knex.destroy();
  }
}

function rows(ctx, minutes, figures, checks) {
  const total = Object.values(figures.counts).reduce((x, y) => x + y, 0);
  const seconds = (figures.endedAt - figures.started) / 1000;
  ctx.log(
    `${total} requests answered in ${seconds.toFixed(0)} s (${(total / seconds).toFixed(1)}/s), ${figures.skipped} slots skipped (busy)`,
  );
  for (const [kind, count] of Object.entries(figures.counts)) {
    const ms = figures.latencies[kind];
    const failed = figures.failures.filter((f) => f.kind === kind).length;
    ctx.log(
      `  ${KIND_TEXT[kind]}: ${count}, failed ${failed}, median ${median(ms).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms`,
    );
  }
  const messages = new Map();
  for (const f of figures.failures) messages.set(`${f.kind}: ${f.message}`, (messages.get(`${f.kind}: ${f.message}`) ?? 0) + 1);
  for (const [message, count] of [...messages].slice(0, 10)) ctx.log(`  failed ${count} × ${message}`);
  ctx.log(`stored: ${checks.totals.reports} reports, ${checks.totals.complaints} complaints, ${checks.totals.notices} urge notices`);
  ctx.log(
    `duplicate numbers: ${JSON.stringify(checks.numbers)}; urge notices twice for one (case, department, reason): ${checks.noticeTwice}`,
  );
  ctx.log(`back-entered overdue complaints: ${figures.backEntered.length}, urged exactly once: ${checks.urgedOnce}`);
  ctx.log(`scheduled sweeps after warm-up: ${checks.runs} runs (${checks.distinctRuns} distinct) in ${checks.ticks} ticks`);

  const duplicates = Object.values(checks.numbers).reduce((x, y) => x + y, 0) + checks.noticeTwice;
  const on = `soak ${minutes} min, 2 instances, PostgreSQL + Redis`;
  const result = [
    {
      figure: `${on}: failed requests of ${total}`,
      unit: '',
      baseline: null,
      ours: figures.failures.length,
      ratio: null,
      target: '= 0',
      pass: figures.failures.length === 0 && total > 0,
      gate: true,
    },
    {
      figure: `${on}: duplicate numbers and notices`,
      unit: '',
      baseline: null,
      ours: duplicates,
      ratio: null,
      target: '= 0',
      pass: duplicates === 0,
      gate: true,
    },
    {
      figure: `${on}: overdue cases urged exactly once (of ${figures.backEntered.length})`,
      unit: '',
      baseline: figures.backEntered.length,
      ours: checks.urgedOnce,
      ratio: null,
      target: '= all',
      pass: checks.urgedOnce === figures.backEntered.length,
      gate: true,
    },
    {
      figure: `${on}: scheduled sweeps after warm-up (vs ticks)`,
      unit: '',
      baseline: checks.ticks,
      ours: checks.runs,
      ratio: checks.ticks ? checks.runs / checks.ticks : null,
      target: 'one per tick',
      pass: checks.runs >= checks.ticks - 2 && checks.runs <= checks.ticks + 1 && checks.distinctRuns === checks.runs,
      gate: true,
    },
  ];
  figures.rss.forEach((samples, s) => {
    const first = samples.filter((x) => x.at >= figures.warmupMs && x.at < figures.warmupMs + figures.windowMs).map((x) => x.mb);
    const last = samples.filter((x) => x.at >= figures.durationMs - figures.windowMs).map((x) => x.mb);
    const [from, to] = [median(first), median(last)];
    const series = samples.map((x) => x.mb.toFixed(0)).join(' ');
    ctx.log(
      `instance ${s + 1} RSS (MB, every ${RSS_EVERY_MS / 1000} s): ${series}; first window ${from.toFixed(0)}, last ${to.toFixed(0)}`,
    );
    result.push({
      figure: `${on}: instance ${s + 1} RSS, last window vs first after warm-up`,
      unit: 'MB',
      baseline: from,
      ours: to,
      ratio: to / from,
      target: `≤ +${RSS_LIMIT * 100} %`,
      pass: to <= from * (1 + RSS_LIMIT),
      gate: true,
    });
  });
  return result;
}

export default async function bench(ctx) {
  const minutes = soakMinutes(ctx);
  const pair = await services(ctx);
  let db;
  const servers = [];
  try {
    db = await prepareBenchDatabase({
      ...pair.env,
      ...redisStoresEnv(),
      AFTER_SALES_SWEEP_CRON: `*/${SWEEP_EVERY_SECONDS} * * * * *`,
    });
    for (let i = 0; i < 2; i++) servers.push(await startBenchServer(db));
    const figures = await soak(ctx, servers, minutes);
    for (const [s, server] of servers.entries()) {
      if (
        !(await fetch(`${server.url}/server/health`).then(
          (r) => r.ok,
          () => false,
        ))
      )
        throw new Error(`instance ${s + 1} is not answering after the soak; its last words:\n${server.output().slice(-3000)}`);
    }
    return rows(ctx, minutes, figures, await audit(db.env, figures));
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    db?.destroy();
    await pair.destroy();
  }
}
