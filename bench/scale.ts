/**
 * Scale data for benchmarks: N open 依申请公开 cases (default 10,000) in one department, spread over its
 * 科室, received over the last 60 working days (so those received more than 20 working days ago are overdue).
 * Every case is opened through the real openCase() (disclosureRequest, first act 'receive'), as
 * src/server/demo.ts does, so steps and the audit chain are exactly what users produce.
 *
 * Not a benchmark of its own; used by bench/worklist.ts. Standalone:
 *   DATABASE_URL=postgres://… npx tsx bench/scale.ts [N]   (loads the demo department first if the DB is empty)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../src/core/context.ts';
import { queryRows, type Tx } from '../src/core/db/client.ts';
import type { Actor } from '../src/core/auth/actor.ts';
import { newId } from '../src/core/clock.ts';
import { organisations } from '../src/core/orgs/schema.ts';
import { users } from '../src/core/auth/schema.ts';
import { cases, caseEvents, caseSteps } from '../src/core/cases/schema.ts';
import { auditEvents } from '../src/core/audit/schema.ts';
import { GENESIS_HASH, chainHash, type AuditContent } from '../src/core/audit/canonical.ts';
import { openCase } from '../src/core/cases/service.ts';
import { check, evaluate } from '../src/core/procedure/engine.ts';
import { CHANNELS, DISCLOSURE_OUTCOMES } from '../src/modules/disclosure/outcomes.ts';

export interface ScaleOptions {
  /** Number of cases (default 10,000). */
  n?: number;
  /** The department (default the demo one, 示范市科学技术局). */
  departmentName?: string;
  /** Receive dates spread over this many working days back from today (default 60). */
  workdaysBack?: number;
  /** Concurrent openCase calls (default 4; the audit chain lock serialises the tail of each). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface ScaleResult {
  n: number;
  ms: number;
  overdue: number;
  divisions: { name: string; cases: number }[];
}

// The module's own code lists, so the data stays valid when they change.
const CHANNEL_CODES = CHANNELS.map((c) => c.value);
const APPLICANTS: { type: string; names: string[] }[] = [
  {
    type: 'naturalPerson',
    names: ['周某', '孙某', '吴某', '郑某', '王某', '冯某', '陈某', '褚某'],
  },
  {
    type: 'business',
    names: ['某科技有限公司', '某生物医药股份有限公司', '某新材料有限公司', '某软件有限公司'],
  },
  { type: 'research', names: ['某大学科研院', '某研究所', '某重点实验室'] },
];
const SUBJECTS = [
  '申请公开2024年度市级科技计划项目立项清单及资助金额',
  '申请公开本人申报的高新技术企业认定材料的评审意见',
  '申请公开市重点实验室绩效评估办法及评估结果',
  '申请公开科技型中小企业评价入库名单',
  '申请公开科技成果转化专项资金使用情况',
  '申请公开科研诚信案件调查处理结果',
  '申请公开创新平台认定的评审专家名单',
  '申请公开技术合同登记统计数据',
];

/** Deterministic pseudo-random sequence (the data set is the same on every run). */
function rng(seed = 20250303) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
}

interface Plan {
  orgId: string;
  divisionName: string;
  title: string;
  on: string;
  data: Record<string, unknown>;
}

export async function generateScale(ctx: Ctx, opts: ScaleOptions = {}): Promise<ScaleResult> {
  const n = opts.n ?? 10_000;
  const log = opts.log ?? ((l: string) => console.log(l));
  const started = performance.now();
  const [dept] = await ctx.db
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.name, opts.departmentName ?? '示范市科学技术局'),
        eq(organisations.kind, 'department'),
      ),
    );
  if (!dept) throw new Error('scale: department not found (load the demo department first)');
  const divisions = await ctx.db
    .select()
    .from(organisations)
    .where(and(eq(organisations.parentId, dept.id), eq(organisations.kind, 'division')))
    .orderBy(organisations.name);
  if (divisions.length === 0) throw new Error('scale: the department has no divisions');
  // A staff member of the department acts for the system; any staff user id will do (the demo's 'staff').
  const [staffUser] = await ctx.db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.departmentId, dept.id), sql`${users.roles} @> array['staff']::text[]`))
    .limit(1);
  const actorFor = (org: { id: string; name: string }): Actor => ({
    userId: staffUser?.id ?? newId(),
    username: staffUser?.username ?? 'bench',
    displayName: staffUser?.displayName ?? 'bench',
    orgId: org.id,
    orgName: org.name,
    departmentId: dept.id,
    roles: ['staff'],
    mustChangePassword: false,
  });

  // The plan: divisions weighted (the 科室 facing the public get more requests), dates spread evenly.
  const weights = divisions.map((_, i) => (i % 3 === 0 ? 3 : i % 3 === 1 ? 2 : 1));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const rnd = rng();
  const cal = ctx.calendar.current();
  const today = ctx.clock.today();
  const back = opts.workdaysBack ?? 60;
  const dates = Array.from({ length: back }, (_, k) => cal.addWorkdays(today, -k));
  const plan: Plan[] = [];
  const perDivision = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    let pick = rnd() % wsum;
    let d = 0;
    while (pick >= weights[d]) pick -= weights[d++];
    const division = divisions[d];
    const a = APPLICANTS[rnd() % APPLICANTS.length];
    const name = a.names[rnd() % a.names.length];
    const content = `${SUBJECTS[rnd() % SUBJECTS.length]}（第${i + 1}号）`;
    plan.push({
      orgId: division.id,
      divisionName: division.name,
      title: `${name}：${content}`,
      on: dates[i % back],
      data: {
        channel: CHANNEL_CODES[rnd() % CHANNEL_CODES.length],
        applicantType: a.type,
        applicantName: name,
        content,
      },
    });
    perDivision.set(division.name, (perDivision.get(division.name) ?? 0) + 1);
  }
  const actors = new Map(divisions.map((d) => [d.id, actorFor(d)]));

  // Every case goes through the real openCase(), as a user's would (≈ 2–5 ms each).
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  let next = 0;
  let lastLog = performance.now();
  const worker = async () => {
    while (next < n) {
      const p = plan[next++];
      await openCase(ctx, actors.get(p.orgId)!, {
        procedure: 'disclosureRequest',
        title: p.title,
        orgId: p.orgId,
        first: { action: 'receive', on: p.on, data: p.data },
      });
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(`  scale: ${next} cases via openCase…`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  const [{ overdue }] = await queryRows<{ overdue: number }>(
    ctx.db,
    sql`select count(*)::int as overdue from case_steps where status = 'open' and department_id = ${dept.id} and due_date < ${today}`,
  );
  return {
    n,
    ms: performance.now() - started,
    overdue,
    divisions: [...perDivision].map(([name, c]) => ({ name, cases: c })),
  };
}

// Standalone: fill the database named by DATABASE_URL.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { boot } = await import('../src/server/boot.ts');
  const { loadDemo } = await import('../src/server/demo.ts');
  const { systemClock } = await import('../src/core/clock.ts');
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required');
    process.exit(1);
  }
  const ctx = await boot({ url, clock: systemClock, poolSize: 8 });
  try {
    await loadDemo(ctx);
    const r = await generateScale(ctx, { n: Number(process.argv[2] ?? 10_000) });
    console.log(JSON.stringify(r));
  } finally {
    await ctx.database.close();
  }
}

/**
 * Bulk scale data for benchmarks that read a department's year (e.g. the annual report): `n`
 * 依申请公开 requests with the rows the request service and the engine leave — a `cases` row, a
 * `disclosure_requests` row, the `receive` (and `answer`) events and the `answer` step (done on
 * time, done late, or open and overdue) — received evenly between `from` and `to`. One SQL
 * statement (generate_series); deterministic. No audit rows: nothing reads them here.
 */
export async function insertRequestsBulk(
  client: import('pg').ClientBase,
  o: { departmentId: string; orgId: string; n: number; from: string; to: string },
): Promise<void> {
  await client.query(
    `with g as (
       select i, gen_random_uuid() as cid, ($4::date + ((i::bigint * 7919) % ($5::date - $4::date + 1))::int) as recv,
              ($6::text[])[1 + (i * 31) % array_length($6::text[], 1)] as outcome, (i % 7 <> 0) as closed, (i % 11 = 0) as late
       from generate_series(1, $3::int) i),
     d as (select g.*, recv + 28 as due, case when closed then recv + case when late then 35 else 10 + (i % 15) end end as answered from g),
     c as (
       insert into cases (id, module, procedure, title, department_id, org_id, status, outcome, created_by, created_at, closed_on)
       select cid, 'disclosure', 'disclosureRequest', '政府信息公开申请：基准数据' || i, $1, $2, case when closed then 'closed' else 'open' end,
              case when closed then outcome end, null, now(), answered from d returning id),
     r as (
       insert into disclosure_requests (id, case_id, department_id, tracking_code, applicant_kind, report_column, name, description, channel, received_on, applicant_key, dedupe_hash, created_at, updated_at)
       select gen_random_uuid(), cid, $1, md5(cid::text) || md5(i::text), 'naturalPerson', 'naturalPerson', '申请人' || i, '基准数据申请内容' || i, 'online', recv, 'naturalPerson:' || (i % 5000), md5(cid::text), now(), now() from d returning id),
     e as (
       insert into case_events (id, case_id, seq, type, on_date, at, actor_id, actor_roles, data)
       select gen_random_uuid(), cid, 1, 'receive', recv, now(), null::uuid, array['staff'], '{}'::jsonb from d
       union all
       select gen_random_uuid(), cid, 2, 'answer', answered, now(), null::uuid, array['staff'], jsonb_build_object('outcome', outcome) from d where closed returning id)
     insert into case_steps (id, case_id, step, label, roles, department_id, org_id, status, due_date, unit, explanation, overdue, opened_on, done_on)
     select gen_random_uuid(), cid, 'answer', '答复申请人', array['staff'], $1, $1, case when closed then 'done' else 'open' end, due, 'workday', '基准数据', false, recv, answered from d`,
    [o.departmentId, o.orgId, o.n, o.from, o.to, DISCLOSURE_OUTCOMES.map((x) => x.code)],
  );
}

/** Bulk 主动公开 items of one department published evenly between `from` and `to` (≈ 1 in 12 late). */
export async function insertPublicationsBulk(
  client: import('pg').ClientBase,
  o: { departmentId: string; n: number; from: string; to: string; categories: string[] },
): Promise<void> {
  await client.query(
    `with g as (select i, gen_random_uuid() as id, ($3::date + ((i::bigint * 104729) % ($4::date - $3::date + 1))::int) as pub from generate_series(1, $2::int) i)
     insert into publications (id, index_number, department_id, publisher_name, title, category, topic, keywords, formed_on, published_on, published_at, due_on, late, summary, body, confidentiality_review, status, search)
     select id, 'BENCH/' || id, $1, '基准部门', '基准公开信息' || i, ($5::text[])[1 + i % array_length($5::text[], 1)], 'science', array['基准'], pub - case when i % 12 = 0 then 40 else 5 end,
            pub, now(), pub - case when i % 12 = 0 then 12 else -20 end, i % 12 = 0, '', '基准正文', '{"reviewer":"基准","conclusion":"public"}'::jsonb, 'published', to_tsvector('simple', '基准 公开 信息')
     from g`,
    [o.departmentId, o.n, o.from, o.to, o.categories],
  );
}
