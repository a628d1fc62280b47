/**
 * 我的待办 benchmark: `npm run bench -- worklist`.
 * Target: GET /api/worklist p99 ≤ 50 ms on PostgreSQL with 10,000 open cases at 32 concurrent connections.
 *
 * 1. a scratch database fazhi_bench_<pid> on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test),
 *    migrated by boot(), with the demo department (loadDemo) and 10,000 open cases (bench/scale.ts), analysed;
 * 2. a staff user of 高新技术科 with a known password (createUser, no forced change);
 * 3. the real app (boot + buildApp, logger off, pool 32) in its own process, signed in through POST /api/auth/login;
 * 4. a closed-loop load generator in another process: 32 keep-alive clients, 2 s warm-up, then ~10 s measured;
 * 5. the same for bench/baseline-server.ts: bare Fastify + pg running the identical SQL (captured from
 *    Drizzle's own query for this user) with identical parameters;
 * then both results and the ratios; the scratch database is dropped at the end.
 *
 * Knobs (env): BENCH_CASES (10000), BENCH_CONCURRENCY (32), BENCH_DURATION_MS (10000), BENCH_WARMUP_MS (2000),
 * BENCH_SCALE_MODE (auto | service | bulk), BENCH_KEEP_DB=1 (do not drop the database),
 * BENCH_SERVER_NODE_ARGS (node flags for both server processes, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof').
 */
import type { ChildProcess } from 'node:child_process';
import { child, cpuSeconds, env, stopChild } from './proc.ts';
import { loadgen, type LoadConfig, type LoadResult } from './loadgen.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const THIS = fileURLToPath(import.meta.url);
const TARGET_P99_MS = 50;

// ───────────────────────────── the Fazhi server (child process) ─────────────────────────────

async function serveFazhi(url: string, poolSize: number) {
  const { boot } = await import('../src/server/boot.ts');
  const { buildApp } = await import('../src/server/app.ts');
  const { systemClock } = await import('../src/core/clock.ts');
  const ctx = await boot({ url, clock: systemClock, poolSize });
  const app = await buildApp({ ctx, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const stop = async () => {
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  console.log(`FAZHI_BENCH_READY ${(app.server.address() as { port: number }).port}`);
}

// ───────────────────────────── orchestration (the benchmark) ─────────────────────────────

/** Busy CPU seconds of the whole machine (all processes, incl. PostgreSQL), from /proc/stat. */
function machineBusySeconds(): number {
  const [, ...f] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const v = f.map(Number);
  return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / 100;
}

/** CPU seconds of all PostgreSQL server processes (postmaster and backends) on this machine. */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      if (f.slice(f.indexOf('(') + 1, f.lastIndexOf(')')) !== 'postgres') continue;
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
      total += (Number(rest[11]) + Number(rest[12])) / 100;
    } catch {
      /* gone */
    }
  }
  return total;
}

async function load(
  label: string,
  url: string,
  headers: Record<string, string>,
  serverPid: number,
): Promise<Measured> {
  const cfg: LoadConfig = {
    url,
    headers,
    concurrency: env('BENCH_CONCURRENCY', 32),
    warmupMs: env('BENCH_WARMUP_MS', 2000),
    durationMs: Math.min(env('BENCH_DURATION_MS', 10_000), 60_000),
    maxRequests: 1_000_000,
    timeoutMs: 10_000,
  };
  const s0 = cpuSeconds(serverPid);
  const m0 = machineBusySeconds();
  const p0 = postgresCpuSeconds();
  const t0 = performance.now();
  const { proc, match } = await child(
    [THIS, '--loadgen'],
    { BENCH_LOAD: JSON.stringify(cfg) },
    /LOADGEN_RESULT (\{.*\})\n/,
    cfg.warmupMs + cfg.durationMs + 60_000,
  );
  await stopChild(proc);
  const wall = (performance.now() - t0) / 1000;
  const r = JSON.parse(match[1]) as LoadResult;
  // Server / machine CPU over warm-up + measurement (+ the load generator's start-up, a few hundred ms).
  // Backends that exited during the run (none: the pools stay open) would be missed by the PostgreSQL figure.
  return {
    ...r,
    serverCpu: (cpuSeconds(serverPid) - s0) / wall,
    postgresCpu: (postgresCpuSeconds() - p0) / wall,
    machineCpu: (machineBusySeconds() - m0) / wall,
  };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const pc = (x: number) => `${(x * 100).toFixed(0)}%`;
type Measured = LoadResult & { serverCpu: number; postgresCpu: number; machineCpu: number };
function report(label: string, r: Measured) {
  console.log(
    `${label.padEnd(9)} ${r.requests} req in ${r.seconds.toFixed(1)} s = ${r.rps.toFixed(0)} req/s | p50 ${ms(r.p50)}  p90 ${ms(r.p90)}  p99 ${ms(r.p99)}  max ${ms(r.max)}  mean ${ms(r.mean)} | ${(r.bytesPerResponse / 1024).toFixed(1)} KiB/resp | errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ''} | CPU: server ${pc(r.serverCpu)}, postgres ${pc(r.postgresCpu)}, load gen ${pc(r.clientCpu)}, other ${pc(Math.max(0, r.machineCpu - r.serverCpu - r.postgresCpu - r.clientCpu))}, machine ${pc(r.machineCpu)} of ${os.cpus().length * 100}%`,
  );
  const perReq = (x: number) => ((x * r.seconds * 1000) / r.requests).toFixed(2);
  console.log(
    `${''.padEnd(9)} per request: server ${perReq(r.serverCpu)} ms CPU, postgres ${perReq(r.postgresCpu)} ms CPU (approx., incl. warm-up share)`,
  );
}

export async function run(): Promise<void> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { eq, sql } = await import('drizzle-orm');
  const { boot } = await import('../src/server/boot.ts');
  const { loadDemo } = await import('../src/server/demo.ts');
  const { systemClock } = await import('../src/core/clock.ts');
  const { createUser } = await import('../src/core/users/service.ts');
  const { organisations } = await import('../src/core/orgs/schema.ts');
  const { worklist } = await import('../src/core/cases/worklist.ts');
  const { generateScale } = await import('./scale.ts');

  const admin = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dbName = `fazhi_bench_${process.pid}`;
  const dbUrl = (() => {
    const u = new URL(admin);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();
  const adminQuery = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      return await c.query(q);
    } finally {
      await c.end();
    }
  };
  const N = env('BENCH_CASES', 10_000);
  const POOL = Math.max(32, env('BENCH_CONCURRENCY', 32));
  const children: ChildProcess[] = [];
  // e.g. BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile both servers.
  const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const pgVersion = (await adminQuery('show server_version')).rows[0].server_version;
  console.log(
    `worklist benchmark: ${process.version}, ${os.cpus().length} cores, PostgreSQL ${pgVersion}; load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; scratch database ${dbName}`,
  );
  await adminQuery(`create database "${dbName}"`);
  try {
    // ── data ──
    let t = performance.now();
    const ctx = await boot({ url: dbUrl, clock: systemClock, poolSize: 8 });
    let actor: import('../src/core/auth/actor.ts').Actor;
    let captured: { text: string; params: unknown[] }[];
    const password = 'Bench-2025-worklist';
    try {
      await loadDemo(ctx);
      console.log(`migrated + demo department: ${((performance.now() - t) / 1000).toFixed(1)} s`);
      const s = await generateScale(ctx, { n: N, log: (l) => console.log(l) });
      console.log(
        `scale data: ${s.n.toLocaleString('en-US')} open cases (via openCase) in ${(s.ms / 1000).toFixed(1)} s; ${s.overdue} overdue; ${s.divisions.map((d) => `${d.name} ${d.cases}`).join(', ')}`,
      );
      const [division] = await ctx.db
        .select()
        .from(organisations)
        .where(eq(organisations.name, '高新技术科'));
      const { id } = await createUser(ctx, null, {
        username: 'benchstaff',
        displayName: '压测员（高新技术科）',
        orgId: division.id,
        roles: ['staff'],
        password,
        mustChangePassword: false,
      });
      actor = {
        userId: id,
        username: 'benchstaff',
        displayName: '压测员（高新技术科）',
        orgId: division.id,
        orgName: division.name,
        departmentId: division.parentId!,
        roles: ['staff'],
        mustChangePassword: false,
      };
      t = performance.now();
      await ctx.db.execute(sql`vacuum analyze`);
      console.log(`vacuum analyze: ${((performance.now() - t) / 1000).toFixed(1)} s`);

      // The worklist SQL exactly as Drizzle sends it for this user: run worklist() over a logging connection.
      const logged: { text: string; params: unknown[] }[] = [];
      const pool = new pg.Pool({ connectionString: dbUrl, max: 1 });
      try {
        const db = drizzle(pool, {
          logger: {
            logQuery: (text: string, params: unknown[]) => void logged.push({ text, params }),
          },
        });
        const direct = await worklist({ ...ctx, db: db as unknown as typeof ctx.db }, actor);
        // worklist() runs two statements: the counts and the page.
        captured = logged.filter((q) => /from "case_steps"/.test(q.text));
        if (captured.length === 0) throw new Error('worklist queries not captured');
        console.log(
          `worklist for ${actor.username}: ${direct.items.length} items of ${direct.total} (first page)`,
        );
        for (const q of captured) {
          const plan = await pool.query(`explain (analyze, buffers) ${q.text}`, q.params);
          const lines = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']);
          console.log(`worklist query plan:\n    ${lines.join('\n    ')}`);
        }
      } finally {
        await pool.end();
      }
    } finally {
      await ctx.database.close();
    }

    // ── Fazhi ──
    const fz = await child(
      [THIS, '--serve'],
      { BENCH_DATABASE_URL: dbUrl, BENCH_POOL: String(POOL) },
      /FAZHI_BENCH_READY (\d+)/,
      60_000,
      serverNodeArgs,
    );
    children.push(fz.proc);
    const base = `http://127.0.0.1:${fz.match[1]}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'benchstaff', password }),
    });
    if (login.status !== 200)
      throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const sid = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('fazhi_sid='))!
      .split(';')[0];
    const check = await fetch(`${base}/api/worklist`, { headers: { cookie: sid } });
    const body = (await check.json()) as { items: unknown[] };
    if (check.status !== 200) throw new Error(`GET /api/worklist: ${check.status}`);
    console.log(
      `\nFazhi server pid ${fz.proc.pid}: GET /api/worklist → ${check.status}, ${body.items.length} items; load: ${env('BENCH_CONCURRENCY', 32)} keep-alive clients, ${env('BENCH_WARMUP_MS', 2000)} ms warm-up, ${env('BENCH_DURATION_MS', 10_000)} ms measured`,
    );
    const fazhi = await load('fazhi', `${base}/api/worklist`, { cookie: sid }, fz.proc.pid!);
    await stopChild(fz.proc);

    // ── baseline ──
    const bl = await child(
      [path.join(path.dirname(THIS), 'baseline-server.ts')],
      { BENCH_BASELINE: JSON.stringify({ url: dbUrl, poolSize: POOL, queries: captured }) },
      /BASELINE_READY (\d+)/,
      60_000,
      serverNodeArgs,
    );
    children.push(bl.proc);
    const blUrl = `http://127.0.0.1:${bl.match[1]}/api/worklist`;
    const blBody = (await (await fetch(blUrl)).json()) as { items: unknown[] };
    console.log(`baseline server pid ${bl.proc.pid}: ${blBody.items.length} items`);
    const baseline = await load('baseline', blUrl, {}, bl.proc.pid!);
    await stopChild(bl.proc);

    console.log('\nresults (GET /api/worklist):');
    report('fazhi', fazhi);
    report('baseline', baseline);
    console.log(
      `\nfazhi p99 / target 50 ms     = ${(fazhi.p99 / TARGET_P99_MS).toFixed(2)}${fazhi.p99 <= TARGET_P99_MS ? ' (within target)' : ' (over target)'}`,
    );
    console.log(`fazhi p99 / baseline p99     = ${(fazhi.p99 / baseline.p99).toFixed(2)}`);
    console.log(`fazhi p50 / baseline p50     = ${(fazhi.p50 / baseline.p50).toFixed(2)}`);
    console.log(`fazhi req/s / baseline req/s = ${(fazhi.rps / baseline.rps).toFixed(2)}`);
    console.log(`baseline p99 / target 50 ms  = ${(baseline.p99 / TARGET_P99_MS).toFixed(2)}`);
  } finally {
    for (const c of children) await stopChild(c);
    if (process.env.BENCH_KEEP_DB === '1') console.log(`kept database ${dbName} (${dbUrl})`);
    else await adminQuery(`drop database if exists "${dbName}" with (force)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === THIS) {
  if (process.argv.includes('--loadgen')) {
    const r = await loadgen(JSON.parse(process.env.BENCH_LOAD!) as LoadConfig);
    console.log(`LOADGEN_RESULT ${JSON.stringify(r)}`);
  } else if (process.argv.includes('--serve')) {
    await serveFazhi(process.env.BENCH_DATABASE_URL!, Number(process.env.BENCH_POOL ?? 32));
  } else {
    await run();
  }
}
