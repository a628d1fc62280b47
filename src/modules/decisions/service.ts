/**
 * 重大行政决策 as cases: starting a decision (in or outside the catalogue), reading, listing, and the
 * one shape of every step's use case (lock the decision → engine check → act → records → evidence
 * and audit, in one transaction).
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { queryRows, type DbOrTx, type Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { loadHistory, openCase, recordAction } from '../../core/cases/service.ts';
import { cases } from '../../core/cases/schema.ts';
import { catalogueStatus } from './catalogueQueries.ts';
import { check, normalizeData, type CaseState } from '../../core/procedure/engine.ts';
import {
  decisionCatalogueItems,
  decisionCatalogues,
  decisionEvidence,
  majorDecisions,
} from './schema.ts';
import { fileAccessOf, type FileAccess } from '../../core/files/service.ts';
import {
  AFTER_DECISION,
  recordEvidence,
  type DecisionRow,
  type EvidenceInput,
} from './evidence.ts';

export type { DecisionRow };

export interface StartInput {
  title: string;
  proposer: string;
  proposerKind: 'leader' | 'department' | 'lowerGov' | 'deputy' | 'public';
  undertakingUnit: string;
  coUnits?: string;
  problem: string;
  reasonsAndBasis: string;
  initialPlan: string;
  necessity: string;
  catalogueItemId?: string | null;
  outsideCatalogueReason?: string | null;
  confidential: boolean;
  confidentialReason?: string | null;
  technical: boolean;
  riskRelevant: boolean;
  concernsMarket: boolean;
  hearingPlanned: boolean;
  partyReportRequired: boolean;
  startApprovedBy?: string | null;
  fileIds?: string[];
}

export const scopeOf = (d: DecisionRow) => ({ departmentId: d.departmentId });

export async function loadDecision(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<DecisionRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('重大行政决策');
  const q = db.select().from(majorDecisions).where(eq(majorDecisions.id, id));
  const [d] = forUpdate ? await q.for('update') : await q;
  if (!d) throw notFound('重大行政决策');
  authorize(actor, 'majorDecision', 'read', scopeOf(d));
  return d;
}

/** A file is readable as evidence (材料) of a decision the actor may read (GET /api/decisions/:id's rule). */
export async function evidenceFileReader(
  db: DbOrTx,
  actor: Actor,
  fileId: string,
): Promise<FileAccess> {
  const rows = await db
    .select({ id: decisionEvidence.decisionId })
    .from(decisionEvidence)
    .where(eq(decisionEvidence.fileId, fileId));
  return fileAccessOf(
    rows.map((r) => r.id),
    (id) => loadDecision(db, actor, id),
  );
}

export async function caseStatus(db: DbOrTx, caseId: string): Promise<string> {
  const [c] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
  return c.status;
}

/** The engine's verdict on an act before module records depend on it (e.g. before a review matter is opened). */
export async function precheck(
  ctx: Ctx,
  tx: Tx,
  actor: Actor,
  d: DecisionRow,
  action: string,
  on: string,
  data: Record<string, unknown>,
): Promise<void> {
  const def = ctx.procedures.get('majorDecision').def;
  const history = await loadHistory(tx, d.caseId);
  const verdict = check(
    def,
    history,
    { type: action, on, actorRoles: actor.roles, data: normalizeData(def, action, data) },
    ctx.calendar.current(),
  );
  if (!verdict.ok)
    throw new AppError('ACTION_NOT_ALLOWED', verdict.message, {
      details: { reason: verdict.code },
    });
}

/** A use case on one decision: its own transaction (or the caller's), the decision locked, the actor allowed to act. */
export async function withDecision<T>(
  ctx: Ctx,
  actor: Actor,
  id: string,
  fn: (tx: Tx, d: DecisionRow) => Promise<T>,
  outerTx?: Tx,
): Promise<T> {
  const run = async (tx: Tx) => {
    const d = await loadDecision(tx, actor, id, true);
    authorize(actor, 'majorDecision', 'act', scopeOf(d));
    return fn(tx, d);
  };
  return outerTx ? run(outerTx) : inTx(ctx, run);
}

export interface StepResult {
  state: CaseState;
  caseEventSeq: number;
}

/**
 * One step of a decision, in one transaction: the decision row locked, the act recorded on its case
 * (the engine checks it), the module's own records (`records`), then the evidence and the audit.
 */
export async function step(
  ctx: Ctx,
  actor: Actor,
  id: string,
  act: {
    action: string;
    on?: string;
    data: Record<string, unknown> | ((d: DecisionRow, tx: Tx) => Promise<Record<string, unknown>>);
  },
  evidence: ((d: DecisionRow, r: StepResult) => EvidenceInput | null) | EvidenceInput | null,
  records?: (tx: Tx, d: DecisionRow, r: StepResult) => Promise<void>,
  outerTx?: Tx,
): Promise<DecisionRow> {
  return withDecision(
    ctx,
    actor,
    id,
    async (tx, d) => {
      const on = act.on ?? ctx.clock.today();
      const data = typeof act.data === 'function' ? await act.data(d, tx) : act.data;
      const state = await recordAction(ctx, actor, d.caseId, { action: act.action, on, data }, tx);
      const [{ seq }] = await queryRows<{ seq: number }>(
        tx,
        sql`select max(seq)::int as seq from case_events where case_id = ${d.caseId}`,
      );
      const r = { state, caseEventSeq: seq };
      if (records) await records(tx, d, r);
      const ev = typeof evidence === 'function' ? evidence(d, r) : evidence;
      await recordEvidence(
        tx,
        ctx,
        actor,
        d,
        {
          kind: act.action,
          title: ev?.title ?? '',
          ...ev,
          caseEventSeq: seq,
          afterDecision: AFTER_DECISION.includes(state.status),
        },
        { action: act.action, payload: { on, status: state.status } },
      );
      const [fresh] = await tx.select().from(majorDecisions).where(eq(majorDecisions.id, d.id));
      return fresh;
    },
    outerTx,
  );
}

/** 决策启动 (Arts 10–11): in the year's catalogue, or outside it with a recorded reason. */
export async function startDecision(
  ctx: Ctx,
  actor: Actor,
  input: StartInput,
  revisionOf?: DecisionRow,
  outerTx?: Tx,
): Promise<DecisionRow> {
  authorize(actor, 'majorDecision', 'start');
  const run = async (tx: Tx) => {
    const today = ctx.clock.today();
    let inCatalogue = false;
    if (input.catalogueItemId) {
      const [item] = await tx
        .select({
          status: decisionCatalogueItems.status,
          catStatus: catalogueStatus,
          departmentId: decisionCatalogues.departmentId,
        })
        .from(decisionCatalogueItems)
        .innerJoin(
          decisionCatalogues,
          eq(decisionCatalogues.id, decisionCatalogueItems.catalogueId),
        )
        .where(eq(decisionCatalogueItems.id, input.catalogueItemId));
      if (!item || item.departmentId !== actor.departmentId)
        throw new AppError('VALIDATION', '目录事项：不存在', {
          fields: [{ path: 'catalogueItemId', message: '不存在' }],
        });
      if (item.status !== 'listed')
        throw new AppError('VALIDATION', '目录事项：已经调整出目录，请按目录外事项启动并说明理由', {
          fields: [{ path: 'catalogueItemId', message: '已调出目录' }],
        });
      if (item.catStatus !== 'published')
        throw new AppError(
          'ACTION_NOT_ALLOWED',
          '决策事项目录尚未经同意并公布（条例第三条）；目录公布前启动的，请按目录外事项说明理由',
        );
      inCatalogue = true;
    }
    const { fileIds, catalogueItemId: _item, ...fields } = input;
    const data = { ...fields, inCatalogue, revisionOf: revisionOf?.id };
    const c = await openCase(
      ctx,
      actor,
      {
        procedure: 'majorDecision',
        title: input.title,
        orgId: actor.orgId,
        first: { action: 'start', on: today, data },
      },
      tx,
    );
    const now = ctx.clock.now();
    const [d] = await tx
      .insert(majorDecisions)
      .values({
        id: newId(),
        caseId: c.id,
        departmentId: c.departmentId,
        year: Number(today.slice(0, 4)),
        title: input.title.trim(),
        catalogueItemId: input.catalogueItemId ?? null,
        outsideCatalogueReason: inCatalogue ? null : (input.outsideCatalogueReason?.trim() ?? null),
        proposer: input.proposer,
        undertakingUnit: input.undertakingUnit,
        problem: input.problem,
        basis: input.reasonsAndBasis,
        initialPlan: input.initialPlan,
        confidential: input.confidential,
        technical: input.technical,
        riskRelevant: input.riskRelevant,
        concernsMarket: input.concernsMarket,
        hearingPlanned: input.hearingPlanned,
        partyReportRequired: input.partyReportRequired,
        revisionOf: revisionOf?.id ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const body = [
      `拟解决的主要问题：${input.problem}`,
      `建议理由和依据：${input.reasonsAndBasis}`,
      `初步方案：${input.initialPlan}`,
      `必要性、可行性：${input.necessity}`,
    ].join('\n');
    await recordEvidence(
      tx,
      ctx,
      actor,
      d,
      {
        kind: 'start',
        title: '决策事项建议及启动',
        body,
        fileIds,
        caseEventSeq: 1,
        afterDecision: false,
      },
      {
        action: 'start',
        payload: { title: d.title, caseId: c.id, inCatalogue, revisionOf: revisionOf?.id ?? null },
      },
    );
    return d;
  };
  return outerTx ? run(outerTx) : inTx(ctx, run);
}

export interface ListFilter {
  year?: number;
  decidedIn?: number;
  status?: string;
  done?: string;
  published?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listDecisions(ctx: Ctx, actor: Actor, f: ListFilter) {
  authorize(actor, 'majorDecision', 'list');
  const conds: SQL[] = [eq(majorDecisions.departmentId, actor.departmentId)];
  if (f.year) conds.push(eq(majorDecisions.year, f.year));
  if (f.decidedIn)
    conds.push(
      sql`${majorDecisions.decidedOn} between ${`${f.decidedIn}-01-01`}::date and ${`${f.decidedIn}-12-31`}::date`,
    );
  if (f.status) conds.push(eq(cases.status, f.status));
  if (f.published !== undefined)
    conds.push(
      f.published
        ? sql`${majorDecisions.publishedOn} is not null`
        : sql`${majorDecisions.publishedOn} is null`,
    );
  // A statutory step done (the facts link here): decisions whose case records that act.
  if (f.done)
    conds.push(
      sql`exists (select 1 from case_events e where e.case_id = ${majorDecisions.caseId} and e.type = ${f.done})`,
    );
  if (f.q)
    conds.push(sql`${majorDecisions.title} ilike ${'%' + f.q.replace(/[%_\\]/g, '\\$&') + '%'}`);
  const where = and(...conds);
  const rows = await ctx.db
    .select({ d: majorDecisions, status: cases.status })
    .from(majorDecisions)
    .innerJoin(cases, eq(cases.id, majorDecisions.caseId))
    .where(where)
    .orderBy(desc(majorDecisions.createdAt), desc(majorDecisions.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(majorDecisions)
    .innerJoin(cases, eq(cases.id, majorDecisions.caseId))
    .where(where);
  return { total: n, rows };
}
