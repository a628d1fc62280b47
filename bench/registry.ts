/**
 * 规范性文件库 benchmark: `npm run bench -- registry`.
 * Target: portal registry search p99 ≤ 30 ms and ≥ 70% of a bare Fastify + pg server's throughput, on
 * PostgreSQL with 100,000 published documents at 32 concurrent connections.
 *
 * 1. a scratch database fazhi_bench_reg_<pid> on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test),
 *    migrated by boot(), the demo department, BENCH_DOCS (100000) generated documents (bench/registry-data.ts), analysed;
 * 2. the real app in its own process (bench/worklist.ts --serve); GET /gfxwj (server-rendered HTML) with a
 *    2-character query (科技) and a 4-character query (成果转化), both with the status filter 有效;
 * 3. bare Fastify + pg (this file, --baseline) running the same two statements (page + capped count, compiled
 *    from src/modules/documents/registry.ts) and answering JSON;
 * 4. the closed-loop load generator of bench/worklist.ts in a separate process (32 keep-alive clients).
 * Knobs: BENCH_DOCS, BENCH_CONCURRENCY (32), BENCH_DURATION_MS (10000), BENCH_WARMUP_MS (2000), BENCH_KEEP_DB=1,
 * BENCH_REG_DB=<name> (reuse a database kept by an earlier run: no generation, not dropped),
 * BENCH_SERVER_NODE_ARGS (node flags for both servers, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof').
 */
import type { ChildProcess } from 'node:child_process';
import { child, cpuSeconds, env, stopChild } from './proc.ts';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const THIS = fileURLToPath(import.meta.url);
const WORKLIST = path.join(path.dirname(THIS), 'worklist.ts');
const TARGET_P99 = 30;

interface Query {
  text: string;
  params: unknown[];
}
interface LoadResult {
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  bytesPerResponse: number;
}

async function load(
  url: string,
  durationMs = env('BENCH_DURATION_MS', 10_000),
): Promise<LoadResult> {
  const cfg = {
    url,
    headers: {},
    concurrency: env('BENCH_CONCURRENCY', 32),
    warmupMs: env('BENCH_WARMUP_MS', 2000),
    durationMs,
    maxRequests: 1_000_000,
    timeoutMs: 10_000,
  };
  const { proc, match } = await child(
    [WORKLIST, '--loadgen'],
    { BENCH_LOAD: JSON.stringify(cfg) },
    /LOADGEN_RESULT (\{.*\})\n/,
    cfg.warmupMs + cfg.durationMs + 60_000,
  );
  await stopChild(proc);
  return JSON.parse(match[1]) as LoadResult;
}

const f1 = (x: number) => x.toFixed(1);
const line = (label: string, r: LoadResult) =>
  `${label.padEnd(22)} ${r.rps.toFixed(0).padStart(6)} req/s | p50 ${f1(r.p50)} ms  p90 ${f1(r.p90)} ms  p99 ${f1(r.p99)} ms  max ${f1(r.max)} ms | ${(r.bytesPerResponse / 1024).toFixed(1)} KiB | errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ''}`;

/** The bare baseline: Fastify + pg, the same two statements per query, JSON out. */
async function baseline(opts: { url: string; poolSize: number; routes: Record<string, Query[]> }) {
  const { default: Fastify } = await import('fastify');
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize });
  const app = Fastify({ logger: false });
  for (const [route, [page, count]] of Object.entries(opts.routes)) {
    app.get(route, async () => {
      const items = await pool.query(page.text, page.params);
      const total = await pool.query(count.text, count.params);
      return { total: total.rows[0].n, items: items.rows };
    });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.on(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => pool.end())
        .then(() => process.exit(0)),
  );
  console.log(`BASELINE_READY ${(app.server.address() as { port: number }).port}`);
}

export async function run(): Promise<void> {
  const { default: pg } = await import('pg');
  const { PgDialect } = await import('drizzle-orm/pg-core');
  const { boot } = await import('../src/server/boot.ts');
  const { loadDemo } = await import('../src/server/demo.ts');
  const { systemClock } = await import('../src/core/clock.ts');
  const { registryQueries } = await import('../src/modules/documents/registry.ts');
  const { generateDocuments, insertDocuments } = await import('./registry-data.ts');
  const admin = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const reuse = process.env.BENCH_REG_DB;
  if (reuse && !/^fazhi_bench_reg_\d+$/.test(reuse))
    throw new Error('BENCH_REG_DB: a database kept by an earlier run (fazhi_bench_reg_<pid>)');
  const dbName = reuse ?? `fazhi_bench_reg_${process.pid}`;
  const u = new URL(admin);
  u.pathname = `/${dbName}`;
  const dbUrl = u.toString();
  const adminQuery = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      return await c.query(q);
    } finally {
      await c.end();
    }
  };
  const N = env('BENCH_DOCS', 100_000);
  const POOL = Math.max(32, env('BENCH_CONCURRENCY', 32));
  const children: ChildProcess[] = [];
  const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  console.log(
    `registry benchmark: ${process.version}, ${os.cpus().length} cores, PostgreSQL ${(await adminQuery('show server_version')).rows[0].server_version}; scratch database ${dbName}`,
  );
  if (!reuse) await adminQuery(`create database "${dbName}"`);
  try {
    const ctx = await boot({ url: dbUrl, clock: systemClock, poolSize: 4 });
    try {
      await loadDemo(ctx);
    } finally {
      await ctx.database.close();
    }
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    const queries: Record<string, { label: string; portal: string; sql: Query[] }> = {};
    try {
      const {
        rows: [org],
      } = await client.query(
        `select d.id as dept, v.id as division from organisations d join organisations v on v.parent_id = d.id where d.kind = 'department' and v.name = '高新技术科'`,
      );
      let t = performance.now();
      const today = new Date().toISOString().slice(0, 10);
      if (!reuse) {
        const n = await insertDocuments(
          client,
          generateDocuments(N, { today }),
          { departmentId: org.dept, draftingOrgId: org.division, now: new Date() },
          console.log,
        );
        console.log(
          `generated and inserted ${n.toLocaleString('en-US')} published documents in ${((performance.now() - t) / 1000).toFixed(1)} s`,
        );
        t = performance.now();
        await client.query('vacuum analyze');
        console.log(`vacuum analyze: ${((performance.now() - t) / 1000).toFixed(1)} s`);
      } else
        console.log(
          `reusing ${dbName}: ${(await client.query('select count(*)::int as n from normative_documents where published_on is not null')).rows[0].n} published documents`,
        );
      const dialect = new PgDialect();
      for (const [key, q, label] of [
        ['q2', '科技', '2 字「科技」+ 有效'],
        ['q4', '成果转化', '4 字「成果转化」+ 有效'],
      ] as const) {
        const { page, count } = registryQueries({
          departmentId: org.dept,
          q,
          status: 'inForce',
          page: 1,
          pageSize: 20,
        });
        const compiled = [page, count].map((s) => {
          const c = dialect.sqlToQuery(s);
          return { text: c.sql, params: c.params };
        });
        queries[key] = {
          label,
          portal: `/gfxwj?q=${encodeURIComponent(q)}&status=inForce`,
          sql: compiled,
        };
        for (const c of compiled) {
          const plan = await client.query(`explain (analyze, buffers) ${c.text}`, c.params);
          console.log(
            `plan (${label}):\n    ${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n    ')}`,
          );
        }
      }
    } finally {
      await client.end();
    }

    // Both servers run side by side and are loaded in turn, ABBA (fazhi, bare, bare, fazhi per query), so
    // that a machine shared with other work disturbs both alike. Both run as deployed: NODE_ENV=production
    // (React's development build checks every element; the bare server has no React).
    const fz = await child(
      [WORKLIST, '--serve'],
      { BENCH_DATABASE_URL: dbUrl, BENCH_POOL: String(POOL), NODE_ENV: 'production' },
      /FAZHI_BENCH_READY (\d+)/,
      60_000,
      serverNodeArgs,
    );
    children.push(fz.proc);
    const bl = await child(
      [THIS, '--baseline'],
      {
        BENCH_BASELINE: JSON.stringify({
          url: dbUrl,
          poolSize: POOL,
          routes: Object.fromEntries(Object.entries(queries).map(([k, q]) => [`/${k}`, q.sql])),
        }),
        NODE_ENV: 'production',
      },
      /BASELINE_READY (\d+)/,
      60_000,
      serverNodeArgs,
    );
    children.push(bl.proc);
    const fzBase = `http://127.0.0.1:${fz.match[1]}`;
    const urls = (key: string) => ({
      fazhi: fzBase + queries[key].portal,
      baseline: `http://127.0.0.1:${bl.match[1]}/${key}`,
    });
    const pids = { fazhi: fz.proc.pid!, baseline: bl.proc.pid! };
    // Server CPU per request (user + system, from /proc) depends much less on what else the machine runs than req/s does.
    const measured = async (server: 'fazhi' | 'baseline', url: string) => {
      const c0 = cpuSeconds(pids[server]);
      const r = await load(url);
      return {
        r,
        cpuMs:
          ((cpuSeconds(pids[server]) - c0) * 1000) /
          (r.requests * (1 + env('BENCH_WARMUP_MS', 2000) / env('BENCH_DURATION_MS', 10_000))),
      };
    };
    // Both servers get the same unrecorded run first, so no measured run pays for the JIT's first compilations.
    for (const server of ['fazhi', 'baseline'] as const)
      await load(urls(Object.keys(queries)[0])[server], 3000);
    const results: Array<{
      key: string;
      server: 'fazhi' | 'baseline';
      r: LoadResult;
      cpuMs: number;
      loadavg: number;
    }> = [];
    for (const [key, q] of Object.entries(queries)) {
      const probe = await fetch(urls(key).fazhi);
      const html = await probe.text();
      console.log(
        `fazhi ${q.portal} → ${probe.status}, ${/共找到([^件]+)件/.exec(html)?.[1] ?? '?'} 件`,
      );
      for (const server of ['fazhi', 'baseline', 'baseline', 'fazhi'] as const)
        results.push({
          key,
          server,
          loadavg: os.loadavg()[0],
          ...(await measured(server, urls(key)[server])),
        });
    }
    await stopChild(fz.proc);
    await stopChild(bl.proc);

    console.log(
      `\nresults (${env('BENCH_CONCURRENCY', 32)} connections; fazhi = GET /gfxwj HTML page, baseline = same SQL as JSON; 1-min load average before each run):`,
    );
    for (const x of results)
      console.log(
        `${line(`${x.server} ${x.key}`, x.r)} | server CPU ${x.cpuMs.toFixed(2)} ms/req | load ${x.loadavg.toFixed(1)}`,
      );
    const sum = (xs: LoadResult[]) => ({
      rps: xs.reduce((a, r) => a + r.requests, 0) / xs.reduce((a, r) => a + r.seconds, 0),
      p99: Math.max(...xs.map((r) => r.p99)),
      p50: xs.map((r) => r.p50).sort((a, b) => a - b)[0],
    });
    // Little's law for a closed loop: mean latency = connections / throughput, so p99 ≤ target needs at least this.
    console.log(
      `note: with ${env('BENCH_CONCURRENCY', 32)} closed-loop connections a p99 of ${TARGET_P99} ms needs ≥ ${Math.ceil(env('BENCH_CONCURRENCY', 32) / (TARGET_P99 / 1000))} req/s (mean latency = connections / throughput)`,
    );
    for (const key of Object.keys(queries)) {
      const of = (server: string) => results.filter((x) => x.key === key && x.server === server);
      const fzr = sum(of('fazhi').map((x) => x.r));
      const blr = sum(of('baseline').map((x) => x.r));
      const cpu = (server: string) =>
        (of(server).reduce((a, x) => a + x.cpuMs, 0) / of(server).length).toFixed(2);
      console.log(
        `${queries[key].label}: server CPU per request: fazhi ${cpu('fazhi')} ms, baseline ${cpu('baseline')} ms`,
      );
      console.log(
        `${queries[key].label}: fazhi ${fzr.rps.toFixed(0)} req/s, p99 ${f1(fzr.p99)} ms (worst run) / target ${TARGET_P99} ms = ${(fzr.p99 / TARGET_P99).toFixed(2)}${fzr.p99 <= TARGET_P99 ? ' (within)' : ' (over)'}; baseline ${blr.rps.toFixed(0)} req/s, p99 ${f1(blr.p99)} ms; throughput ${((100 * fzr.rps) / blr.rps).toFixed(0)}% of baseline (target ≥ 70%)`,
      );
    }
  } finally {
    for (const c of children) await stopChild(c);
    if (reuse || process.env.BENCH_KEEP_DB === '1') console.log(`kept database ${dbName}`);
    else await adminQuery(`drop database if exists "${dbName}" with (force)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === THIS) {
  if (process.argv.includes('--baseline')) await baseline(JSON.parse(process.env.BENCH_BASELINE!));
  else await run();
}
