/**
 * Scale data for benchmarks: N open 依申请公开 cases (default 10,000) in one department, spread over its
 * 科室, received over the last 60 working days (so those received more than 20 working days ago are overdue).
 *
 * Mode 'service' opens every case through the real openCase() (disclosureRequest, first act 'receive'),
 * exactly as src/server/demo.ts does. Mode 'bulk' writes the same rows with multi-row INSERTs: cases,
 * case_events, case_steps from the engine's own check()/evaluate() output, and the audit events with
 * their SM3 chain (so `audit verify` still passes). Mode 'auto' (default) starts with the service and
 * switches to bulk for the rest when the projected total would exceed `serviceBudgetMs` (2 min).
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
import { CHANNELS } from '../src/modules/disclosure/outcomes.ts';

export interface ScaleOptions {
  /** Number of cases (default 10,000). */
  n?: number;
  /** The department (default the demo one, 示范市科学技术局). */
  departmentName?: string;
  /** Receive dates spread over this many working days back from today (default 60). */
  workdaysBack?: number;
  mode?: 'auto' | 'service' | 'bulk';
  /** auto: switch to bulk when the service path is projected to take longer than this (default 120 s). */
  serviceBudgetMs?: number;
  /** Concurrent openCase calls in service mode (default 4; the audit chain lock serialises the tail of each). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface ScaleResult { n: number; viaService: number; viaBulk: number; ms: number; overdue: number; divisions: { name: string; cases: number }[] }

// The module's own code lists, so the data stays valid when they change.
const CHANNEL_CODES = CHANNELS.map((c) => c.value);
const APPLICANTS: { type: string; names: string[] }[] = [
  { type: 'naturalPerson', names: ['周某', '孙某', '吴某', '郑某', '王某', '冯某', '陈某', '褚某'] },
  { type: 'business', names: ['某科技有限公司', '某生物医药股份有限公司', '某新材料有限公司', '某软件有限公司'] },
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

interface Plan { orgId: string; divisionName: string; title: string; on: string; data: Record<string, unknown> }

export async function generateScale(ctx: Ctx, opts: ScaleOptions = {}): Promise<ScaleResult> {
  const n = opts.n ?? 10_000;
  const log = opts.log ?? ((l: string) => console.log(l));
  const started = performance.now();
  const [dept] = await ctx.db.select().from(organisations).where(and(eq(organisations.name, opts.departmentName ?? '示范市科学技术局'), eq(organisations.kind, 'department')));
  if (!dept) throw new Error('scale: department not found (load the demo department first)');
  const divisions = await ctx.db.select().from(organisations).where(and(eq(organisations.parentId, dept.id), eq(organisations.kind, 'division'))).orderBy(organisations.name);
  if (divisions.length === 0) throw new Error('scale: the department has no divisions');
  // A staff member of the department acts for the system; any staff user id will do (the demo's 'staff').
  const [staffUser] = await ctx.db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(and(eq(users.departmentId, dept.id), sql`${users.roles} @> array['staff']::text[]`)).limit(1);
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
      data: { channel: CHANNEL_CODES[rnd() % CHANNEL_CODES.length], applicantType: a.type, applicantName: name, content },
    });
    perDivision.set(division.name, (perDivision.get(division.name) ?? 0) + 1);
  }
  const actors = new Map(divisions.map((d) => [d.id, actorFor(d)]));

  const mode = opts.mode ?? 'auto';
  const budget = opts.serviceBudgetMs ?? 120_000;
  let next = 0;
  let viaService = 0;
  if (mode !== 'bulk') {
    const concurrency = Math.max(1, opts.concurrency ?? 4);
    const probe = mode === 'auto' ? Math.min(n, 300) : n;
    const t0 = performance.now();
    let lastLog = t0;
    const worker = async () => {
      while (next < probe) {
        const p = plan[next++];
        await openCase(ctx, actors.get(p.orgId)!, { procedure: 'disclosureRequest', title: p.title, orgId: p.orgId, first: { action: 'receive', on: p.on, data: p.data } });
        viaService++;
        if (performance.now() - lastLog > 5000) {
          lastLog = performance.now();
          log(`  scale: ${viaService} cases via openCase…`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const perCase = (performance.now() - t0) / Math.max(1, viaService);
    const projected = perCase * n;
    log(`  scale: openCase ${perCase.toFixed(2)} ms/case (concurrency ${concurrency}) → ${(projected / 1000).toFixed(0)} s projected for ${n.toLocaleString('en-US')}`);
    if (mode === 'auto' && next < n) {
      if (projected <= budget) {
        // Within budget: carry on through the service for the rest.
        const rest = async () => {
          while (next < n) {
            const p = plan[next++];
            await openCase(ctx, actors.get(p.orgId)!, { procedure: 'disclosureRequest', title: p.title, orgId: p.orgId, first: { action: 'receive', on: p.on, data: p.data } });
            viaService++;
            if (performance.now() - lastLog > 10_000) {
              lastLog = performance.now();
              log(`  scale: ${viaService} cases via openCase…`);
            }
          }
        };
        await Promise.all(Array.from({ length: concurrency }, rest));
      } else {
        log(`  scale: over the ${(budget / 1000).toFixed(0)} s budget; the remaining ${(n - next).toLocaleString('en-US')} cases go in bulk`);
      }
    }
  }
  const viaBulk = n - next;
  if (viaBulk > 0) await bulkInsert(ctx, plan.slice(next), actors);

  const [{ overdue }] = await queryRows<{ overdue: number }>(ctx.db, sql`select count(*)::int as overdue from case_steps where status = 'open' and department_id = ${dept.id} and due_date < ${today}`);
  return {
    n,
    viaService,
    viaBulk,
    ms: performance.now() - started,
    overdue,
    divisions: [...perDivision].map(([name, c]) => ({ name, cases: c })),
  };
}

/**
 * What openCase writes, in batches: the case row (final status), its 'receive' event, the engine's
 * open steps (as syncSteps materialises them) and one chained audit event per case.
 */
async function bulkInsert(ctx: Ctx, plan: Plan[], actors: Map<string, Actor>) {
  const entry = ctx.procedures.get('disclosureRequest');
  const def = entry.def;
  const cal = ctx.calendar.current();
  const today = ctx.clock.today();
  const BATCH = 500;
  const DIVISION_ROLES = new Set(['staff', 'officer']); // as in src/core/cases/steps.ts
  for (let start = 0; start < plan.length; start += BATCH) {
    const part = plan.slice(start, start + BATCH);
    await ctx.db.transaction(async (tx: Tx) => {
      // The same chain lock as appendAudit: the chain stays linear even with writers running concurrently.
      await tx.execute(sql`select pg_advisory_xact_lock(7301002)`);
      const [last] = await tx.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(sql`${auditEvents.seq} desc`).limit(1);
      let seq = last?.seq ?? 0;
      let prevHash = last?.hash ?? GENESIS_HASH;
      const caseRows: (typeof cases.$inferInsert)[] = [];
      const eventRows: (typeof caseEvents.$inferInsert)[] = [];
      const stepRows: (typeof caseSteps.$inferInsert)[] = [];
      const auditRows: (typeof auditEvents.$inferInsert)[] = [];
      for (const p of part) {
        const actor = actors.get(p.orgId)!;
        const now = ctx.clock.now();
        const id = newId();
        const event = { type: 'receive', on: p.on, actorRoles: actor.roles as string[], data: p.data };
        const verdict = check(def, [], event, cal);
        if (!verdict.ok) throw new Error(`scale: engine refused receive on ${p.on}: ${verdict.message}`);
        const state = evaluate(def, [{ ...event, seq: 1 }], cal, today);
        const final = def.statuses.find((s) => s.code === state.status)?.final;
        caseRows.push({ id, module: entry.module, procedure: def.code, title: p.title, departmentId: actor.departmentId, orgId: p.orgId, status: state.status, outcome: state.outcome ?? null, createdBy: actor.userId, createdAt: now, closedOn: final ? p.on : null });
        eventRows.push({ id: newId(), caseId: id, seq: 1, type: event.type, on: event.on, at: now, actorId: actor.userId, actorRoles: event.actorRoles, data: event.data });
        for (const open of state.openSteps) {
          const due = open.due;
          const divisional = open.roles.some((r) => DIVISION_ROLES.has(r)) && p.orgId !== actor.departmentId;
          stepRows.push({
            id: newId(),
            caseId: id,
            step: open.step,
            label: open.label,
            roles: open.roles,
            departmentId: actor.departmentId,
            orgId: divisional ? p.orgId : null,
            status: 'open',
            openedOn: open.openedOn ?? p.on,
            dueDate: due?.date ?? null,
            unit: due?.unit ?? null,
            provisional: due?.provisional ?? false,
            explanation: due?.explanation ?? (open.paused ? '期限暂停计算' : ''),
            legalBasis: due?.legalBasis ?? null,
            overdue: open.overdue,
          });
        }
        const content: AuditContent = {
          seq: ++seq,
          at: now.toISOString(),
          actorId: actor.userId,
          orgId: actor.orgId,
          action: 'case.receive',
          entityType: 'case',
          entityId: id,
          payload: { procedure: def.code, seq: 1, on: event.on, data: event.data, status: state.status, warnings: verdict.warnings },
        };
        const hash = chainHash(prevHash, content);
        auditRows.push({ ...content, at: now, payload: content.payload as Record<string, unknown>, prevHash, hash });
        prevHash = hash;
      }
      await tx.insert(cases).values(caseRows);
      await tx.insert(caseEvents).values(eventRows);
      if (stepRows.length) await tx.insert(caseSteps).values(stepRows);
      await tx.insert(auditEvents).values(auditRows);
    });
  }
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
    const r = await generateScale(ctx, { n: Number(process.argv[2] ?? 10_000), mode: (process.env.BENCH_SCALE_MODE as 'auto' | undefined) ?? 'auto' });
    console.log(JSON.stringify(r));
  } finally {
    await ctx.database.close();
  }
}
