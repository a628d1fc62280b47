/**
 * 年度行政执法统计: each 行政执法机关 publishes the previous year's overall enforcement data by 1月31日
 * (国办发〔2018〕118号 as local rules word it, RULES §8 [V-loc]; the day is the penalty setting
 * `statisticsDueDay`). From 1月1日 the sweep opens the year's case for every department that keeps an
 * officer registry, so the step and its clock stand in the legal office's 我的待办; publishing freezes the
 * figures of the 行政执法 facts (enforcement and penalties, the same numbers as the annual report, each
 * with its records) and shows them on the portal (/zftj).
 */
import { and, asc, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { systemActor, type Actor } from '../../core/auth/actor.ts';
import { openCase, recordAction } from '../../core/cases/service.ts';
import type { SweepTask } from '../../core/cases/sweep.ts';
import type { FactProvider } from '../../core/facts.ts';
import { getSetting, scopedSetting } from '../../core/settings/service.ts';
import type { ProcedureDef } from '../../core/procedure/engine.ts';
import { enforcementStatistics } from './schema.ts';
import { departmentsWithOfficers } from '../enforcement/index.ts';
import { authorize, can } from './policy.ts';
import { penaltySettings } from './labels.ts';
import { audit } from './audit.ts';

const ROLES = ['legalOfficer', 'leader'];

export const ENFORCEMENT_STATISTICS: ProcedureDef = {
  code: 'enforcementStatistics',
  label: '年度行政执法统计公开',
  statuses: [
    { code: 'new', label: '新建' },
    { code: 'due', label: '待公开' },
    { code: 'published', label: '已公开', final: true },
  ],
  initialStatus: 'new',
  roleLabels: { legalOfficer: '法制审核人员', leader: '局领导' },
  steps: [
    {
      code: 'publishStatistics',
      label: '公开上年度行政执法统计',
      roles: ROLES,
      open: { status: 'due' },
      clock: 'publish',
    },
  ],
  actions: [
    {
      code: 'open',
      label: '开始编制年度行政执法统计',
      roles: ROLES,
      statuses: ['new'],
      fields: [
        { name: 'year', label: '统计年度', type: 'text', required: true },
        { name: 'dueOn', label: '公开期限', type: 'date', required: true },
      ],
      effects: [{ status: 'due' }],
    },
    {
      code: 'publish',
      label: '公开年度行政执法统计',
      roles: ROLES,
      statuses: ['due'],
      fields: [],
      effects: [{ status: 'published', outcome: 'published' }],
    },
  ],
  clocks: [
    {
      code: 'publish',
      label: '年度行政执法统计公开期限',
      unit: 'day',
      dueField: 'dueOn',
      legalBasis: '国办发〔2018〕118号：每年1月31日前公开本机关上年度行政执法总体情况有关数据',
      start: [{ action: 'open' }],
      stop: ['publish'],
    },
  ],
  outcomes: [{ code: 'published', label: '已公开' }],
};
export const STATISTICS_MODULE_ACTIONS = ['open', 'publish'];

/** The modules whose facts make up the 行政执法 statistics. */
const SOURCES = new Set(['enforcement', 'penalties']);

export interface Figure {
  key: string;
  label: string;
  value: number;
  unit: string;
  method: string;
  records: { path: string; query: Record<string, string | number | boolean> };
}

type Row = typeof enforcementStatistics.$inferSelect;

async function dueOf(
  db: DbOrTx,
  departmentId: string,
  year: number,
  nowMs: number,
): Promise<string> {
  const s = await getSetting(db, scopedSetting(penaltySettings, departmentId), nowMs);
  return `${year + 1}-${s.statisticsDueDay}`;
}

/** The year's row and case, opened once (by the sweep from 1月1日, or by the first publication). */
async function ensureYear(
  tx: Tx,
  ctx: Ctx,
  departmentId: string,
  year: number,
  on = ctx.clock.today(),
): Promise<Row> {
  const [row] = await tx
    .select()
    .from(enforcementStatistics)
    .where(
      and(
        eq(enforcementStatistics.departmentId, departmentId),
        eq(enforcementStatistics.year, year),
      ),
    );
  if (row) return row;
  const dueOn = await dueOf(tx, departmentId, year, ctx.clock.now().getTime());
  const actor = systemActor({ departmentId, roles: ['legalOfficer'] });
  const c = await openCase(
    ctx,
    actor,
    {
      procedure: 'enforcementStatistics',
      title: `${year}年度行政执法统计公开`,
      orgId: departmentId,
      first: { action: 'open', on, data: { year: String(year), dueOn } },
    },
    tx,
  );
  const [created] = await tx
    .insert(enforcementStatistics)
    .values({ id: newId(), departmentId, year, caseId: c.id, dueOn, createdAt: ctx.clock.now() })
    .returning();
  return created;
}

/** From 1月1日: last year's case for every department with an officer registry (idempotent). */
export const statisticsSweep: SweepTask = async (tx, ctx) => {
  const year = Number(ctx.clock.today().slice(0, 4)) - 1;
  const opened = new Set(
    (
      await tx
        .select({ id: enforcementStatistics.departmentId })
        .from(enforcementStatistics)
        .where(eq(enforcementStatistics.year, year))
    ).map((s) => s.id),
  );
  const depts = (await departmentsWithOfficers(tx)).filter((id) => !opened.has(id));
  for (const id of depts) await ensureYear(tx, ctx, id, year);
  return { 'penalties.statisticsOpened': depts.length };
};

async function liveFigures(
  ctx: Ctx,
  providers: FactProvider[],
  departmentId: string,
  year: number,
): Promise<Figure[]> {
  const lists = await Promise.all(
    providers.filter((p) => SOURCES.has(p.module)).map((p) => p.facts(ctx, departmentId, year)),
  );
  return lists.flat().map((f) => ({
    key: f.key,
    label: f.label,
    value: f.value,
    unit: f.unit,
    method: f.method,
    records: { path: f.records.path, query: f.records.query },
  }));
}

const assertEnded = (ctx: Ctx, year: number) => {
  if (year >= Number(ctx.clock.today().slice(0, 4)))
    throw new AppError('VALIDATION', `统计年度：${year}年度尚未结束，次年方可公开`, {
      fields: [{ path: 'year', message: '年度尚未结束' }],
    });
};

async function yearOfRecord(db: DbOrTx, departmentId: string, id: string): Promise<number> {
  const [row] = await db
    .select({ year: enforcementStatistics.year })
    .from(enforcementStatistics)
    .where(
      and(eq(enforcementStatistics.id, id), eq(enforcementStatistics.departmentId, departmentId)),
    );
  if (!row) throw notFound('年度行政执法统计');
  return row.year;
}

/** The year's statistics for the staff page: frozen when published, computed from the records otherwise. */
export async function statisticsView(
  ctx: Ctx,
  actor: Actor,
  providers: FactProvider[],
  ref: number | string,
) {
  authorize(actor, 'penaltyCase', 'list');
  const year = typeof ref === 'number' ? ref : await yearOfRecord(ctx.db, actor.departmentId, ref);
  const [row] = await ctx.db
    .select()
    .from(enforcementStatistics)
    .where(
      and(
        eq(enforcementStatistics.departmentId, actor.departmentId),
        eq(enforcementStatistics.year, year),
      ),
    );
  const figures = row?.figures
    ? (row.figures as Figure[])
    : await liveFigures(ctx, providers, actor.departmentId, year);
  const dueOn =
    row?.dueOn ?? (await dueOf(ctx.db, actor.departmentId, year, ctx.clock.now().getTime()));
  const ended = year < Number(ctx.clock.today().slice(0, 4));
  return {
    year,
    figures,
    dueOn,
    caseId: row?.caseId ?? null,
    publishedOn: row?.publishedOn ?? null,
    late: !!row?.publishedOn && row.publishedOn > dueOn,
    mayPublish: ended && !row?.publishedOn && can(actor, 'penaltyCase', 'configure'),
  };
}

/**
 * 公开: freezes the figures, closes the step (late when after the due day) and audits, in one transaction.
 * `on` is today except for the demo's history.
 */
export async function publishStatistics(
  ctx: Ctx,
  actor: Actor,
  providers: FactProvider[],
  year: number,
  on = ctx.clock.today(),
) {
  authorize(actor, 'penaltyCase', 'configure');
  assertEnded(ctx, year);
  const figures = await liveFigures(ctx, providers, actor.departmentId, year);
  return inTx(ctx, async (tx) => {
    const row = await ensureYear(tx, ctx, actor.departmentId, year, on);
    if (row.publishedOn)
      throw new AppError('CONFLICT', `${year}年度行政执法统计已于${row.publishedOn}公开`);
    const today = on;
    await recordAction(ctx, actor, row.caseId, { action: 'publish', on: today, data: {} }, tx);
    await tx
      .update(enforcementStatistics)
      .set({ figures, publishedOn: today, publishedBy: actor.userId })
      .where(eq(enforcementStatistics.id, row.id));
    await audit(
      tx,
      ctx,
      actor,
      'penalty.statisticsPublish',
      { type: 'enforcementStatistics', id: row.id },
      { year, figures: figures.length, late: today > row.dueOn },
    );
    return { year, publishedOn: today, late: today > row.dueOn };
  });
}

/** The published years of a department, newest first (portal). */
export async function publishedStatistics(db: DbOrTx, departmentId: string): Promise<Row[]> {
  const rows = await db
    .select()
    .from(enforcementStatistics)
    .where(eq(enforcementStatistics.departmentId, departmentId))
    .orderBy(asc(enforcementStatistics.year));
  return rows.filter((r) => r.publishedOn).reverse();
}

export async function publishedYear(db: DbOrTx, departmentId: string, year: number): Promise<Row> {
  const [row] = await db
    .select()
    .from(enforcementStatistics)
    .where(
      and(
        eq(enforcementStatistics.departmentId, departmentId),
        eq(enforcementStatistics.year, year),
      ),
    );
  if (!row?.publishedOn) throw notFound('年度行政执法统计');
  return row;
}
