/**
 * 决策档案 export benchmark: `npm run bench -- archive`.
 * Target: the streamed .zip of a decision with 1,000 evidence files and 5,000 recorded acts in ≤ 5 s, with
 * peak memory that does not grow with the number of files (each file is read from the database only when
 * the zip reaches it).
 *
 * 1. a scratch database fazhi_bench_arc_<pid> on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test),
 *    migrated by boot(), the demo department (its decision made through the real services, src/modules/decisions/testkit.ts);
 * 2. BENCH_ACTS (5000) 执行情况报告 acts appended to that decision's case, each with its audit event on the SM3 chain
 *    (written in bulk, hashes computed as appendAudit does; the chain is verified afterwards);
 * 3. evidence files of BENCH_FILE_KB (64) KiB of incompressible bytes added through the decisions service (addEvidence),
 *    up to 250, 500 and 1,000 files; after each stage the archive is exported in a fresh process
 *    (streamArchive → a counting, hashing sink) which reports the time, its RSS before the export and the peak during it.
 * Knobs: BENCH_ACTS, BENCH_FILE_KB, BENCH_STAGES (250,500,1000), BENCH_KEEP_DB=1.
 */
import path from 'node:path';
import os from 'node:os';
import { createHash, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { child, env, scratchDatabase, stopChild } from './proc.ts';

const THIS = fileURLToPath(import.meta.url);
const TARGET_MS = 5000;

interface ExportResult {
  files: number;
  acts: number;
  ms: number;
  bytes: number;
  entries: number;
  rssBeforeMb: number;
  peakMb: number;
  liveBeforeMb: number;
  liveAfterMb: number;
}

/** Child: boot, export once to a sink, report. */
async function exportOnce(): Promise<void> {
  const { boot } = await import('../src/server/boot.ts');
  const { systemClock } = await import('../src/core/clock.ts');
  const { streamArchive } = await import('../src/modules/decisions/archive.ts');
  const ctx = await boot({ url: process.env.BENCH_DATABASE_URL!, clock: systemClock, poolSize: 4 });
  const actor = JSON.parse(process.env.BENCH_ACTOR!);
  const id = process.env.BENCH_DECISION!;
  // Live memory (JS heap + Buffers) after a full GC, before and after: what the export keeps, not its garbage.
  const live = () => {
    global.gc?.();
    const m = process.memoryUsage();
    return (m.heapUsed + m.external) / 2 ** 20;
  };
  const liveBefore = live();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t = performance.now();
  const { stream, data } = await streamArchive(ctx, actor, id);
  let bytes = 0;
  const hash = createHash('sha256');
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _e, cb) {
        bytes += chunk.length;
        hash.update(chunk);
        cb();
      },
    }),
  );
  const ms = performance.now() - t;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const liveAfter = live();
  const r: ExportResult = {
    liveBeforeMb: liveBefore,
    liveAfterMb: liveAfter,
    files: data.completeness.files,
    acts: data.completeness.events,
    ms,
    bytes,
    entries: 3 + data.evidence.length,
    rssBeforeMb: rssBefore / 2 ** 20,
    peakMb: peak / 2 ** 20,
  };
  console.log(`ARCHIVE_RESULT ${JSON.stringify(r)}`);
  await ctx.database.close();
}

/** Appends `n` 执行情况报告 acts to the case with their audit events, hashed on the chain as appendAudit does. */
async function appendActs(
  ctx: import('../src/core/context.ts').Ctx,
  caseId: string,
  actorId: string,
  orgId: string,
  n: number,
): Promise<void> {
  const { sql } = await import('drizzle-orm');
  const { queryRows } = await import('../src/core/db/client.ts');
  const { newId } = await import('../src/core/clock.ts');
  const { caseEvents } = await import('../src/core/cases/schema.ts');
  const { auditEvents } = await import('../src/core/audit/schema.ts');
  const { GENESIS_HASH, chainHash } = await import('../src/core/audit/canonical.ts');
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7301002)`);
    const [last] = await queryRows<{ seq: number; hash: string }>(
      tx,
      sql`select seq::int, hash from audit_events order by seq desc limit 1`,
    );
    const [{ s }] = await queryRows<{ s: number; on: string }>(
      tx,
      sql`select max(seq)::int as s from case_events where case_id = ${caseId}`,
    );
    let prev = last?.hash ?? GENESIS_HASH;
    let auditSeq = last?.seq ?? 0;
    const on = ctx.clock.today();
    for (let i = 0; i < n; i += 500) {
      const events = [];
      const audits = [];
      for (let k = i; k < Math.min(n, i + 500); k++) {
        const seq = s + k + 1;
        const data = {
          unit: '高新技术科',
          progress: `第${k + 1}期执行情况：按计划推进，已兑付创新券${k + 1}批。`,
          majorChange: false,
        };
        const at = new Date();
        events.push({
          id: newId(),
          caseId,
          seq,
          type: 'executionReport',
          on,
          at,
          actorId,
          actorRoles: ['staff'],
          data,
        });
        const content = {
          seq: ++auditSeq,
          at: at.toISOString(),
          actorId,
          orgId,
          action: 'case.executionReport',
          entityType: 'case',
          entityId: caseId,
          payload: { procedure: 'majorDecision', seq, on, data, status: 'implementing' },
        };
        const hash = chainHash(prev, content);
        audits.push({ ...content, at, prevHash: prev, hash });
        prev = hash;
      }
      await tx.insert(caseEvents).values(events);
      await tx.insert(auditEvents).values(audits);
    }
  });
}

export async function run(): Promise<void> {
  const { eq, sql } = await import('drizzle-orm');
  const { boot } = await import('../src/server/boot.ts');
  const { loadDemo } = await import('../src/server/demo.ts');
  const { systemClock } = await import('../src/core/clock.ts');
  const { queryRows } = await import('../src/core/db/client.ts');
  const { storeFile } = await import('../src/core/files/service.ts');
  const { verifyChain } = await import('../src/core/audit/chain.ts');
  const { majorDecisions } = await import('../src/modules/decisions/schema.ts');
  const { addEvidence } = await import('../src/modules/decisions/workflow.ts');
  const ACTS = env('BENCH_ACTS', 5000);
  const KB = env('BENCH_FILE_KB', 64);
  const stages = (process.env.BENCH_STAGES ?? '250,500,1000').split(',').map(Number);
  const db = await scratchDatabase(`fazhi_bench_arc_${process.pid}`);
  console.log(
    `archive benchmark: ${process.version}, ${os.cpus().length} cores; load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; scratch database ${db.name}`,
  );
  try {
    let t = performance.now();
    const ctx = await boot({ url: db.url, clock: systemClock, poolSize: 4 });
    await loadDemo(ctx);
    const [d] = await ctx.db
      .select()
      .from(majorDecisions)
      .where(eq(majorDecisions.title, '示范市科技创新券实施方案'));
    const [who] = await queryRows<{
      id: string;
      org_id: string;
      department_id: string;
      display_name: string;
    }>(
      ctx.db,
      sql`select id, org_id, department_id, display_name from users where username = 'staff'`,
    );
    const actor = {
      userId: who.id,
      username: 'staff',
      displayName: who.display_name,
      orgId: who.org_id,
      orgName: '高新技术科',
      departmentId: who.department_id,
      roles: ['staff'],
      mustChangePassword: false,
    } as import('../src/core/auth/actor.ts').Actor;
    console.log(
      `migrated + demo department (the decision made through the services): ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    t = performance.now();
    await appendActs(ctx, d.caseId, actor.userId, actor.orgId, ACTS);
    console.log(
      `${ACTS} acts with their audit events: ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const results: ExportResult[] = [];
    let files = 0;
    for (const target of stages) {
      t = performance.now();
      while (files < target) {
        const batch = Math.min(20, target - files);
        const stored = await ctx.db.transaction(async (tx) => {
          const out = [];
          for (let i = 0; i < batch; i++)
            out.push(
              await storeFile(tx, ctx, actor, {
                name: `执行情况附件${files + i + 1}.pdf`,
                mime: 'application/pdf',
                content: randomBytes(KB * 1024),
              }),
            );
          return out;
        });
        await addEvidence(ctx, actor, d.id, {
          kind: 'executionReport',
          title: `执行情况材料（第${files / 20 + 1}批）`,
          fileIds: stored.map((s) => s.id),
          note: '执行情况材料归档',
        });
        files += batch;
      }
      console.log(
        `evidence files: ${files} (${KB} KiB each) in ${((performance.now() - t) / 1000).toFixed(1)} s; exporting in a fresh process…`,
      );
      const { proc, match } = await child(
        [THIS, '--export'],
        { BENCH_DATABASE_URL: db.url, BENCH_DECISION: d.id, BENCH_ACTOR: JSON.stringify(actor) },
        /ARCHIVE_RESULT (\{.*\})\n/,
        300_000,
        ['--expose-gc'],
      );
      await stopChild(proc);
      const r = JSON.parse(match[1]) as ExportResult;
      results.push(r);
      console.log(
        `  ${r.files} files, ${r.acts} acts: ${(r.ms / 1000).toFixed(2)} s, ${(r.bytes / 2 ** 20).toFixed(1)} MiB zip (${r.entries} entries); RSS ${r.rssBeforeMb.toFixed(0)} MB before, peak ${r.peakMb.toFixed(0)} MB (+${(r.peakMb - r.rssBeforeMb).toFixed(0)} MB); live heap+buffers after GC ${r.liveBeforeMb.toFixed(0)} → ${r.liveAfterMb.toFixed(0)} MB`,
      );
    }
    const chain = await verifyChain(ctx.db);
    console.log(`\naudit chain: ${chain.message}`);
    console.log('\nfiles   acts   time      ratio to 5 s   zip MiB   peak RSS   peak − before');
    for (const r of results)
      console.log(
        `${String(r.files).padStart(5)}  ${String(r.acts).padStart(5)}  ${(r.ms / 1000).toFixed(2).padStart(6)} s   ${(r.ms / TARGET_MS).toFixed(2).padStart(8)}     ${(r.bytes / 2 ** 20).toFixed(1).padStart(7)}   ${r.peakMb.toFixed(0).padStart(5)} MB   ${(r.peakMb - r.rssBeforeMb).toFixed(0).padStart(6)} MB`,
      );
    const first = results[0];
    const last = results.at(-1)!;
    console.log(
      `memory growth from ${first.files} to ${last.files} files: ${(last.peakMb - last.rssBeforeMb - (first.peakMb - first.rssBeforeMb)).toFixed(0)} MB of peak over the pre-export RSS (zip grew ${((last.bytes - first.bytes) / 2 ** 20).toFixed(0)} MiB)`,
    );
    await ctx.database.close();
  } finally {
    if (process.env.BENCH_KEEP_DB === '1') console.log(`kept database ${db.name}`);
    else await db.drop();
  }
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === THIS &&
  process.argv.includes('--export')
) {
  exportOnce().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
