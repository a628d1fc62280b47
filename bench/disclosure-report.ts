/**
 * Annual disclosure report benchmark: `npm run bench -- disclosure-report`.
 * Target: one department's table 三 (+ fees, last year's carry-over check) ≤ 500 ms on PostgreSQL with 100,000 requests.
 *
 * A scratch database fazhi_bench_xxgk_<pid> on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test),
 * migrated by boot(); 100,000 requests over 20 departments and 7 years (2019–2025) inserted in bulk with SQL
 * that mirrors the request service's rows (a cases row + a disclosure_requests row, outcome codes of table 三,
 * ~3% still open); analysed. Then the report's computation (computeTables + last year's table + the 勾稽 checks,
 * the code the API runs) for one department and 2024, warm, and the underlying table 三 SQL alone through a
 * raw pg client with the same parameters. The database is dropped at the end (BENCH_KEEP_DB=1 keeps it).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PgDialect } from 'drizzle-orm/pg-core';
import { boot } from '../src/server/boot.ts';
import { fixedClock } from '../src/core/clock.ts';
import { DISCLOSURE_OUTCOMES } from '../src/modules/disclosure/outcomes.ts';
import { table3Sql } from '../src/modules/disclosure/report/counts.ts';
import { checkTable3 } from '../src/modules/disclosure/report/tables.ts';
import { computeTables, EMPTY_MANUAL } from '../src/modules/disclosure/report/service.ts';

const TARGET_MS = 500;
const N = Number(process.env.BENCH_REQUESTS ?? 100_000);
const DEPTS = 20;
const RUNS = 20;

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p90: s[Math.floor(s.length * 0.9)], min: s[0] };
};

export async function run(): Promise<void> {
  const admin = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `fazhi_bench_xxgk_${process.pid}`;
  const adminClient = new pg.Client({ connectionString: admin });
  await adminClient.connect();
  await adminClient.query(`create database "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const ctx = await boot({
    url: url.toString(),
    clock: fixedClock('2025-03-03T02:00:00Z'),
    poolSize: 4,
  });
  const raw = new pg.Client({ connectionString: url.toString() });
  await raw.connect();
  try {
    const depts = Array.from({ length: DEPTS }, () => randomUUID());
    const outcomes = DISCLOSURE_OUTCOMES.map((o) => o.code);
    const columns = [
      'naturalPerson',
      'naturalPerson',
      'naturalPerson',
      'business',
      'research',
      'publicInterest',
      'legalService',
      'other',
    ];
    let t = performance.now();
    // Mirrors receiveRequest + the answer: one cases row per request, linked 1:1; closed ones carry a table 三 outcome.
    await raw.query(
      `with g as (
         select i, gen_random_uuid() as cid, gen_random_uuid() as rid, ($1::uuid[])[(1 + (i::bigint * 7919) % $2)::int] as dept,
                date '2019-01-01' + ((i::bigint * 104729) % 2555)::int as recv,
                ($3::text[])[1 + (i * 31) % array_length($3::text[], 1)] as outcome,
                ($4::text[])[1 + (i * 13) % array_length($4::text[], 1)] as col,
                (i % 33 = 0) as still_open
         from generate_series(1, $5::int) i),
       c as (
         insert into cases (id, module, procedure, title, department_id, org_id, status, outcome, created_by, created_at, closed_on)
         select cid, 'disclosure', 'disclosureRequest', '政府信息公开申请：基准数据' || i, dept, dept,
                case when still_open then 'open' else 'closed' end, case when still_open then null else outcome end, null, now(),
                case when still_open then null else recv + (i % 45) end
         from g returning id)
       insert into disclosure_requests (id, case_id, department_id, tracking_code, applicant_kind, org_type, report_column, name, description, channel, received_on, applicant_key, dedupe_hash, created_at, updated_at)
       select rid, cid, dept, md5(rid::text) || md5(cid::text), case when col = 'naturalPerson' then 'naturalPerson' else 'legalPerson' end,
              nullif(col, 'naturalPerson'), col, '申请人' || i, '基准数据申请内容' || i, 'online', recv, 'naturalPerson:' || (i % 5000), md5(i::text), now(), now()
       from g`,
      [depts, DEPTS, outcomes, columns, N],
    );
    await raw.query('analyze');
    console.log(
      `inserted ${N.toLocaleString()} requests over ${DEPTS} departments in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const dept = depts[3];
    const year = 2024;
    const service = async () => {
      const s = await computeTables(ctx.db, dept, year, EMPTY_MANUAL);
      const prev = await computeTables(ctx.db, dept, year - 1, EMPTY_MANUAL);
      return checkTable3(s.table3, prev.table3.find((r) => r.key === 'carriedOut')!.cells);
    };
    const q = new PgDialect().sqlToQuery(table3Sql(dept, year));
    const sqlOnly = () => raw.query(q.sql, q.params as unknown[]);
    for (let i = 0; i < 3; i++) {
      await service();
      await sqlOnly();
    }
    const svc: number[] = [];
    const sqlT: number[] = [];
    let violations = 0;
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      violations = (await service()).length;
      svc.push(performance.now() - t);
      t = performance.now();
      await sqlOnly();
      sqlT.push(performance.now() - t);
    }
    const total = (await raw.query(q.sql, q.params as unknown[])).rows.reduce(
      (a: number, r: { n: number }) => a + r.n,
      0,
    );
    const a = stats(svc);
    const b = stats(sqlT);
    console.log(
      `department ${dept.slice(0, 8)}…, ${year}: ${total} requests in the year's table, 勾稽 violations: ${violations}`,
    );
    console.log(
      `annual tables (service: ${year} and ${year - 1} tables, fees, 勾稽): median ${a.median.toFixed(1)} ms, p90 ${a.p90.toFixed(1)} ms, min ${a.min.toFixed(1)} ms — target ≤ ${TARGET_MS} ms (${(a.median / TARGET_MS).toFixed(3)} of target)`,
    );
    console.log(
      `table 三 SQL alone (raw pg, one year):                    median ${b.median.toFixed(1)} ms, p90 ${b.p90.toFixed(1)} ms, min ${b.min.toFixed(1)} ms`,
    );
  } finally {
    await raw.end();
    await ctx.database.close();
    if (process.env.BENCH_KEEP_DB !== '1')
      await adminClient.query(`drop database if exists "${name}" with (force)`);
    await adminClient.end();
  }
}
