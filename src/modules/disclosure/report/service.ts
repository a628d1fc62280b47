/**
 * 政府信息公开工作年度报告 (条例 Arts 49–50; 国办公开办函〔2021〕30号): computed tables, staff-entered
 * parts, 勾稽 checks, submission (a deadline case) and publication through 主动公开.
 */
import { and, eq } from 'drizzle-orm';
import { inTx, type Ctx } from '../../../core/context.ts';
import type { Tx } from '../../../core/db/client.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { authorize, can as authorizeQuietly } from '../policy.ts';
import { appendAudit } from '../../../core/audit/chain.ts';
import { openCase, recordAction } from '../../../core/cases/service.ts';
import { cases, caseSteps } from '../../../core/cases/schema.ts';
import { newId } from '../../../core/clock.ts';
import { AppError } from '../../../core/errors.ts';
import { disclosureReports } from './schema.ts';
import { tableTwoRow } from '../../documents/index.ts';
import {
  buildTable3,
  checkTable3,
  checkTable4,
  TABLE2_LAYOUT,
  type Table2Key,
  type Table2Row,
  type Table3Row,
  type Violation,
} from './tables.ts';
import { countTable3, feesCollected } from './counts.ts';
import { tableFour } from '../../litigation/index.ts';

export interface Prose {
  overview: string;
  problems: string;
  other: string;
}
/** Staff-entered figures: the rows of table 二 no module counts yet. (Table 四 is computed; a `table4` stored by older versions is ignored on read.) */
export interface Manual {
  table2: Partial<Record<Table2Key, number[]>>;
}
export interface Snapshot {
  table2: Table2Row[];
  table3: Table3Row[];
  table4: number[];
  fees: { count: number; amount: number };
}

export const EMPTY_PROSE: Prose = { overview: '', problems: '', other: '' };
export const EMPTY_MANUAL: Manual = { table2: {} };

/** The stored `manual` jsonb as today's shape: only table 二 is read (an old typed table 四 stays in the row, unused). */
const manualOf = (stored: unknown): Manual => ({
  table2: ((stored as Partial<Manual> | null | undefined)?.table2 ?? {}) as Manual['table2'],
});

type ReportRow = typeof disclosureReports.$inferSelect;

async function loadReport(
  db: Ctx['db'] | Tx,
  departmentId: string,
  year: number,
): Promise<ReportRow | undefined> {
  const [r] = await db
    .select()
    .from(disclosureReports)
    .where(and(eq(disclosureReports.departmentId, departmentId), eq(disclosureReports.year, year)));
  return r;
}

/**
 * Table 二: a row with a source module is counted from its records (行政规范性文件 from the documents
 * module's records, as at 12月31日 of the year: documents.ts); the rest are staff-entered and marked 人工录入
 * until their modules exist.
 */
async function table2(
  db: Ctx['db'] | Tx,
  departmentId: string,
  year: number,
  manual: Manual,
): Promise<Table2Row[]> {
  // Table 二's 行政规范性文件 row is the documents module's own (现行有效 as at 12月31日, one rule).
  const docs = await tableTwoRow(db, departmentId, year);
  const fromModules: Partial<Record<Table2Key, number[]>> = {
    normativeDocuments: [docs.issued, docs.abolished, docs.inForce],
  };
  return TABLE2_LAYOUT.map((l) => {
    const computed = fromModules[l.key];
    if (computed) return { ...l, values: computed, source: 'module' as const };
    return {
      ...l,
      values: (manual.table2[l.key] ?? [])
        .concat(Array(l.columns.length).fill(0))
        .slice(0, l.columns.length),
      source: 'manual' as const,
    };
  });
}

/** Computes the live tables of a year (what the report would say today). */
export async function computeTables(
  db: Ctx['db'] | Tx,
  departmentId: string,
  year: number,
  manual: Manual,
): Promise<Snapshot> {
  const table3 = buildTable3(await countTable3(db, departmentId, year));
  // Table 四 is counted from the 行政复议 / 行政应诉 cases about disclosure answers (the litigation module).
  return {
    table2: await table2(db, departmentId, year, manual),
    table3,
    table4: await tableFour(db, departmentId, year),
    fees: await feesCollected(db, departmentId, year),
  };
}

/** Last year's 四、结转下年度继续办理: from last year's submitted report when there is one, else computed. */
async function lastYearCarriedOut(
  db: Ctx['db'] | Tx,
  departmentId: string,
  year: number,
): Promise<{ cells: number[]; source: 'report' | 'computed' }> {
  const prev = await loadReport(db, departmentId, year - 1);
  const snap = prev?.snapshot as Snapshot | null | undefined;
  if (snap)
    return { cells: snap.table3.find((r) => r.key === 'carriedOut')!.cells, source: 'report' };
  const t = buildTable3(await countTable3(db, departmentId, year - 1));
  return { cells: t.find((r) => r.key === 'carriedOut')!.cells, source: 'computed' };
}

export function violationsOf(s: Snapshot, lastYear?: number[]): Violation[] {
  return [...checkTable3(s.table3, lastYear), ...checkTable4(s.table4)];
}

export async function reportView(ctx: Ctx, actor: Actor, year: number) {
  authorize(actor, 'disclosureReport', 'read');
  const r = await loadReport(ctx.db, actor.departmentId, year);
  const manual = manualOf(r?.manual);
  const live = await computeTables(ctx.db, actor.departmentId, year, manual);
  const snapshot = (r?.snapshot as Snapshot | null) ?? null;
  const last = await lastYearCarriedOut(ctx.db, actor.departmentId, year);
  const shown = snapshot ?? live;
  const [deadline] = r?.caseId
    ? await ctx.db
        .select()
        .from(caseSteps)
        .where(and(eq(caseSteps.caseId, r.caseId), eq(caseSteps.status, 'open')))
    : [];
  return {
    year,
    exists: !!r,
    caseId: r?.caseId ?? null,
    frozen: !!snapshot,
    prose: (r?.prose as Prose | undefined) ?? EMPTY_PROSE,
    manual,
    tables: shown,
    lastYear: last,
    violations: violationsOf(shown, last.cells),
    deadline: deadline
      ? {
          dueDate: deadline.dueDate,
          explanation: deadline.explanation,
          overdue: !!deadline.dueDate && deadline.dueDate < ctx.clock.today(),
        }
      : null,
    canEdit: !snapshot && can(actor),
    canListRequests: canList(actor),
    status: r?.caseId
      ? ((
          await ctx.db.select({ status: cases.status }).from(cases).where(eq(cases.id, r.caseId))
        )[0]?.status ?? null)
      : null,
  };
}

const can = (actor: Actor) => authorizeQuietly(actor, 'disclosureReport', 'edit');
const canList = (actor: Actor) => authorizeQuietly(actor, 'disclosureRequest', 'list');

/** Creates the year's report (and its deadline case: due 1月31日 of the next year, 条例 Art 49) on first save. */
async function ensureReport(tx: Tx, ctx: Ctx, actor: Actor, year: number): Promise<ReportRow> {
  const existing = await loadReport(tx, actor.departmentId, year);
  if (existing) return existing;
  const c = await openCase(
    ctx,
    actor,
    {
      procedure: 'disclosureAnnualReport',
      title: `${year}年度政府信息公开工作年度报告`,
      orgId: actor.departmentId,
      first: { action: 'open', on: ctx.clock.today(), data: { year, dueOn: `${year + 1}-01-31` } },
    },
    tx,
  );
  const [row] = await tx
    .insert(disclosureReports)
    .values({
      id: newId(),
      departmentId: actor.departmentId,
      year,
      caseId: c.id,
      prose: EMPTY_PROSE,
      manual: EMPTY_MANUAL,
      updatedAt: ctx.clock.now(),
      updatedBy: actor.userId,
    })
    .returning();
  return row;
}

export async function saveDraft(
  ctx: Ctx,
  actor: Actor,
  year: number,
  input: { prose?: Prose; manual?: Manual },
): Promise<void> {
  authorize(actor, 'disclosureReport', 'edit');
  await inTx(ctx, async (tx) => {
    const r = await ensureReport(tx, ctx, actor, year);
    if (r.snapshot) throw new AppError('ACTION_NOT_ALLOWED', '年度报告已报送，不能再修改');
    await tx
      .update(disclosureReports)
      .set({
        prose: input.prose ?? r.prose,
        manual: input.manual ?? r.manual,
        updatedAt: ctx.clock.now(),
        updatedBy: actor.userId,
      })
      .where(eq(disclosureReports.id, r.id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'disclosure.report.save',
        entityType: 'disclosureReport',
        entityId: r.id,
        payload: { year },
      },
      ctx.clock.now(),
    );
  });
}

/** Submits to the 主管部门: refused while a 勾稽 identity fails; freezes the tables. */
export async function submitReport(
  ctx: Ctx,
  actor: Actor,
  year: number,
  input: { on: string; submittedTo?: string },
): Promise<void> {
  authorize(actor, 'disclosureReport', 'edit');
  await inTx(ctx, async (tx) => {
    const r = await ensureReport(tx, ctx, actor, year);
    if (r.snapshot) throw new AppError('ACTION_NOT_ALLOWED', '年度报告已报送');
    const snap = await computeTables(tx, actor.departmentId, year, manualOf(r.manual));
    const last = await lastYearCarriedOut(tx, actor.departmentId, year);
    const v = violationsOf(snap, last.cells);
    if (v.length)
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        `勾稽关系不符，不能报送：${v.map((x) => x.message).join('；')}`,
        { details: { violations: v } },
      );
    await tx
      .update(disclosureReports)
      .set({ snapshot: snap, updatedAt: ctx.clock.now(), updatedBy: actor.userId })
      .where(eq(disclosureReports.id, r.id));
    await recordAction(
      ctx,
      actor,
      r.caseId!,
      { action: 'submit', on: input.on, data: { submittedTo: input.submittedTo ?? '' } },
      tx,
    );
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'disclosure.report.submit',
        entityType: 'disclosureReport',
        entityId: r.id,
        payload: { year, on: input.on },
      },
      ctx.clock.now(),
    );
  });
}

export { loadReport };
