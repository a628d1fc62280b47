/**
 * 12345 tickets benchmark: `npm run bench -- tickets`.
 * Targets: 10,000 tickets in one batch through POST /ingest/12345/tickets ≤ 10 s with memory flat;
 * the on-time / satisfaction facts over 1,000,000 tickets on PostgreSQL ≤ 500 ms.
 *
 * 1. a scratch database on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test), migrated by boot(),
 *    the demo department, an API token; the real app (buildApp) answering the push in-process (inject);
 * 2. 1,000,000 tickets generated with generate_series (types, channels, replies, lateness and 回访 spread
 *    over the year), analysed; hotlineCounts (the facts' one query pair) timed, median of 5 after a warm-up.
 * Knobs (env): BENCH_TICKETS (10000), BENCH_ROWS (1000000), BENCH_KEEP_DB=1.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../src/core/context.ts';
import { fixedClock } from '../src/core/clock.ts';
import { queryRows } from '../src/core/db/client.ts';
import { boot } from '../src/server/boot.ts';
import { buildApp } from '../src/server/app.ts';
import { loadDemo } from '../src/server/demo.ts';
import { scratchPostgres } from '../src/server/testing.ts';
import { systemActor } from '../src/core/auth/actor.ts';
import { createToken } from '../src/modules/hotline/tokens.ts';
import { hotlineCounts } from '../src/modules/hotline/facts.ts';
import { IMPORT_PATH } from '../src/modules/hotline/routes.ts';

const IMPORT_TARGET_S = 10;
const FACTS_TARGET_MS = 500;
const NOW = '2025-12-15T02:00:00.000Z';
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

function batch(n: number, prefix: string) {
  const kinds = ['consult', 'help', 'suggest', 'complain', 'report'];
  const channels = ['phone', 'web', 'app', 'wechat'];
  return Array.from({ length: n }, (_, i) => ({
    ticketNo: `${prefix}${String(i).padStart(6, '0')}`,
    channel: channels[i % 4],
    receivedAt: `2025-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}T09:30:00+08:00`,
    kind: kinds[i % 5],
    content: `关于科技项目资金拨付进度的诉求，编号${i}，请尽快核实办理。`,
    location: '示范市高新区',
    citizen: { name: '市民', phone: `138${String(i).padStart(8, '0')}`, idNumber: null },
  }));
}

export async function run(): Promise<void> {
  process.env.TEST_DATABASE_URL ??=
    process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const n = Number(process.env.BENCH_TICKETS ?? 10_000);
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const scratch = await scratchPostgres();
  let ctx: Ctx | undefined;
  try {
    ctx = await boot({ url: scratch.url, clock: fixedClock(NOW), poolSize: 4 });
    await loadDemo(ctx);
    const [dept] = await queryRows<{ id: string }>(
      ctx.db,
      sql`select id from organisations where kind = 'department' limit 1`,
    );
    const admin = systemActor({ departmentId: dept.id, roles: ['sysAdmin'] });
    const { token } = await createToken(ctx, admin, 'bench');
    const app = await buildApp({ ctx });

    // ── 1. one batch through the endpoint ──
    const payload = JSON.stringify({ tickets: batch(n, 'BENCH') });
    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const probe = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 50);
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: IMPORT_PATH,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload,
    });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(probe);
    const body = res.json() as { created: number; errors: unknown[] };
    if (res.statusCode !== 200)
      throw new Error(`import failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    const t1 = performance.now();
    const again = (
      await app.inject({
        method: 'POST',
        url: IMPORT_PATH,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload,
      })
    ).json() as { created: number; duplicates: unknown[] };
    const againS = (performance.now() - t1) / 1000;
    console.log(
      `import: ${n} tickets (${(payload.length / 1024 / 1024).toFixed(1)} MB JSON) → created ${body.created}, errors ${body.errors.length} in ${seconds.toFixed(2)} s; ratio to target ${(seconds / IMPORT_TARGET_S).toFixed(2)} (target ≤ ${IMPORT_TARGET_S} s)`,
    );
    console.log(
      `        ${(n / seconds).toFixed(0)} tickets/s; re-import of the same batch: created ${again.created}, duplicates ${again.duplicates.length} in ${againS.toFixed(2)} s`,
    );
    console.log(
      `memory: rss ${mb(before.rss)} → peak ${mb(peakRss)} (+${mb(peakRss - before.rss)}); heap ${mb(before.heapUsed)} → peak ${mb(peakHeap)} (+${mb(peakHeap - before.heapUsed)}); written in chunks of 500, one transaction each`,
    );
    await app.close();

    // ── 2. facts over 1,000,000 tickets ──
    const g0 = performance.now();
    await ctx.db.execute(
      sql.raw(`
      insert into hotline_tickets (id, case_id, department_id, org_id, source, ticket_no, channel, received_at, received_on, kind, title, content, due_on, tracking_code, replied_on, late, satisfaction, created_at)
      select gen_random_uuid(), gen_random_uuid(), '${dept.id}', '${dept.id}', 'platform', 'G' || i, (array['phone','web','app','wechat'])[1 + i % 4],
             d::timestamptz, d, (array['consult','help','suggest','complain','report'])[1 + i % 5], '工单' || i, '诉求内容', d + 10, md5(i::text),
             case when i % 10 < 9 then d + 5 end, i % 10 = 3, case when i % 10 < 8 then (array['satisfied','basic','unsatisfied'])[1 + i % 3] end, now()
      from generate_series(1, ${rows}) i, lateral (select date '2025-01-01' + (i % 365) as d) x`),
    );
    await ctx.db.execute(sql`analyze hotline_tickets`);
    const genS = (performance.now() - g0) / 1000;
    const [{ total }] = await queryRows<{ total: number }>(
      ctx.db,
      sql`select count(*)::int as total from hotline_tickets`,
    );
    console.log(
      `\nfacts: ${total} tickets in the table (${rows} generated in ${genS.toFixed(1)} s)`,
    );
    await hotlineCounts(ctx.db, dept.id, 2025);
    const times: number[] = [];
    let counts;
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      counts = await hotlineCounts(ctx.db, dept.id, 2025);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const median = times[2];
    console.log(
      `       hotlineCounts(2025): total ${counts!.total}, replied ${counts!.replied}, on time ${counts!.onTime} (${((counts!.onTime / counts!.replied) * 100).toFixed(1)}%), visited ${counts!.visited}, satisfied ${counts!.satisfied} (${((counts!.satisfied / counts!.visited) * 100).toFixed(1)}%)`,
    );
    console.log(
      `       median ${median.toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)}); ratio to target ${(median / FACTS_TARGET_MS).toFixed(2)} (target ≤ ${FACTS_TARGET_MS} ms)`,
    );
  } finally {
    await ctx?.database.close();
    if (process.env.BENCH_KEEP_DB !== '1') await scratch.drop();
  }
}
