/**
 * 法治政府建设年度报告 assembly benchmark: `npm run bench -- annual-report`.
 * Target: assembling one department-year (every fact provider + the timeliness facts + the draft) ≤ 2 s
 * with 50,000 records of the department across modules on PostgreSQL; printed at 10k / 50k / 100k to
 * show the cost grows linearly with the records.
 *
 * A scratch database fazhi_bench_ar_<pid> on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test),
 * migrated by boot() and loaded with the demo department (loadDemo). At each level the department's
 * records are topped up in bulk — 依申请公开 requests with their case, events and answer step (bench/scale.ts),
 * 主动公开 items (bench/scale.ts), published 行政规范性文件 with their dated events (bench/registry-data.ts),
 * 学法 sessions — spread over 2024-07 … 2026-01 (most in the report year 2025), then analysed. Measured, warm:
 * the assembly as generateReport runs it (gatherFacts over src/server/modules.ts factProviders + assemble),
 * median of 5, and each provider alone. The database is dropped at the end (BENCH_KEEP_DB=1 keeps it).
 */
import pg from 'pg';
import { boot } from '../src/server/boot.ts';
import { loadDemo } from '../src/server/demo.ts';
import { fixedClock } from '../src/core/clock.ts';
import { factProviders } from '../src/server/modules.ts';
import { getOrg } from '../src/core/orgs/service.ts';
import { getSetting } from '../src/core/settings/service.ts';
import { gatherFacts, timelinessFacts } from '../src/modules/reports/facts.ts';
import { assemble } from '../src/modules/reports/assemble.ts';
import { reportTemplateSetting } from '../src/modules/reports/template.ts';
import { insertPublicationsBulk, insertRequestsBulk } from './scale.ts';
import { generateDocuments, insertDocuments } from './registry-data.ts';

const TARGET_MS = 2000;
const LEVELS = (process.env.BENCH_LEVELS ?? '10000,50000,100000').split(',').map(Number);
const YEAR = 2025;
const RUNS = 5;
// Shares of the records per module (the rest are 学法 sessions).
const MIX = { requests: 0.45, publications: 0.35, documents: 0.19 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<void> {
  const admin = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `fazhi_bench_ar_${process.pid}`;
  const adminClient = new pg.Client({ connectionString: admin });
  await adminClient.connect();
  await adminClient.query(`create database "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const ctx = await boot({
    url: url.toString(),
    clock: fixedClock('2026-02-16T02:00:00Z'),
    poolSize: 8,
  });
  const raw = new pg.Client({ connectionString: url.toString() });
  await raw.connect();
  try {
    await loadDemo(ctx);
    const {
      rows: [dept],
    } = await raw.query<{ id: string; division: string }>(
      `select d.id, (select v.id from organisations v where v.parent_id = d.id order by v.name limit 1) as division from organisations d where d.name = '示范市科学技术局'`,
    );
    const template = await getSetting(ctx.db, reportTemplateSetting, Date.now());
    const department = (await getOrg(ctx.db, dept.id)).name;
    const categories = ['policy', 'projects', 'finance', 'plan', 'other'];
    let records = 0;
    let docSeed = 1;
    const results: Array<{ n: number; ms: number; facts: number; providers: string }> = [];
    for (const level of LEVELS) {
      const add = level - records;
      if (add <= 0) continue;
      let t = performance.now();
      const span = { from: '2024-07-01', to: '2026-01-31' };
      await insertRequestsBulk(raw, {
        departmentId: dept.id,
        orgId: dept.division,
        n: Math.round(add * MIX.requests),
        ...span,
      });
      await insertPublicationsBulk(raw, {
        departmentId: dept.id,
        n: Math.round(add * MIX.publications),
        ...span,
        categories,
      });
      const docs = Math.round(add * MIX.documents);
      await insertDocuments(
        raw,
        generateDocuments(docs, { seed: docSeed++, today: '2026-02-16', prefix: `科规${docSeed}` }),
        { departmentId: dept.id, draftingOrgId: dept.division, now: new Date() },
      );
      const study =
        add - Math.round(add * MIX.requests) - Math.round(add * MIX.publications) - docs;
      await raw.query(
        `insert into study_sessions (id, department_id, held_on, kind, topic, speaker, duration_minutes, attendees, led_by_head, created_at)
         select gen_random_uuid(), $1, date '2024-07-01' + (i * 13) % 580, (array['centralGroup','preMeeting','lecture','training'])[1 + i % 4], '基准学法' || i, '', 30 + i % 90, 10 + i % 40, i % 9 = 0, now()
         from generate_series(1, $2::int) i`,
        [dept.id, study],
      );
      await raw.query('analyze');
      records = level;
      console.log(
        `${records.toLocaleString('en-US')} records of the department (requests, publications, documents, study sessions) loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );

      const assembleOnce = async () => {
        const facts = await gatherFacts(ctx, factProviders, dept.id, YEAR);
        const doc = assemble({ year: YEAR, department, template, facts: facts.figures });
        return { facts: facts.figures.length, parts: doc.parts.length };
      };
      await assembleOnce(); // warm: plans, settings cache
      const times: number[] = [];
      let facts = 0;
      for (let i = 0; i < RUNS; i++) {
        t = performance.now();
        facts = (await assembleOnce()).facts;
        times.push(performance.now() - t);
      }
      // Each provider alone (sequential), to show where the time goes.
      const each: string[] = [];
      for (const p of [
        ...factProviders,
        {
          module: 'reports.timeliness',
          facts: (c: typeof ctx, d: string, y: number) => timelinessFacts(c, c.db, d, y),
        },
      ]) {
        t = performance.now();
        await p.facts(ctx, dept.id, YEAR);
        each.push(`${p.module} ${(performance.now() - t).toFixed(0)} ms`);
      }
      const ms = median(times);
      results.push({ n: records, ms, facts, providers: each.join(', ') });
      console.log(
        `  assembly: median ${ms.toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}), ${facts} facts — ${(ms / (records / 1000)).toFixed(1)} ms per 1,000 records`,
      );
      console.log(`  providers alone: ${each.join(', ')}`);
    }
    console.log('\nrecords      assembly   ms/1k records   vs target (≤ 2 s at 50k)');
    for (const r of results)
      console.log(
        `${r.n.toLocaleString('en-US').padStart(8)}  ${r.ms.toFixed(0).padStart(8)} ms  ${(r.ms / (r.n / 1000)).toFixed(1).padStart(12)}   ${r.n === 50_000 ? `${(r.ms / TARGET_MS).toFixed(3)} of target` : ''}`,
      );
    for (let i = 1; i < results.length; i++) {
      const a = results[i - 1];
      const b = results[i];
      console.log(
        `growth ${a.n.toLocaleString('en-US')} → ${b.n.toLocaleString('en-US')}: records ×${(b.n / a.n).toFixed(1)}, time ×${(b.ms / a.ms).toFixed(2)} (linear would be ×${(b.n / a.n).toFixed(1)} at most)`,
      );
    }
  } finally {
    await raw.end();
    await ctx.database.close();
    if (process.env.BENCH_KEEP_DB !== '1')
      await adminClient.query(`drop database if exists "${name}" with (force)`);
    await adminClient.end();
  }
}
