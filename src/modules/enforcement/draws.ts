/**
 * The draw as a record (RULES §8.3 双随机): commit (publish sha256 of a secret nonce) → draw once (the
 * candidates frozen in a snapshot, seed and result stored, the nonce revealed, one inspection per drawn
 * target) → or cancel with a reason (kept on the record). A plan with a draw not cancelled cannot be
 * drawn again, and a drawn draw cannot be drawn again: the outcome cannot be fished for. See draw.ts
 * for the scheme anyone can re-run.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { queryRows, type DbOrTx, type Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { conflicts, draws, inspections, plans, targets } from './schema.ts';
import { eligibleOfficers } from './officers.ts';
import { audit } from './audit.ts';
import { loadPlan, type PlanRow } from './plans.ts';
import {
  canonicalSnapshot,
  drawSeed,
  runDraw,
  sha256,
  verifyDraw,
  type DrawResult,
  type Snapshot,
} from './draw.ts';
import { DRAW_STATUS_LABELS } from './labels.ts';

export type DrawRow = typeof draws.$inferSelect;

export async function loadDraw(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<DrawRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('抽取记录');
  const q = db.select().from(draws).where(eq(draws.id, id));
  const [d] = forUpdate ? await q.for('update') : await q;
  if (!d) throw notFound('抽取记录');
  authorize(actor, 'inspection', 'read', d);
  return d;
}

/** Step 1: the commitment, published before the draw. */
export async function commitDraw(
  ctx: Ctx,
  actor: Actor,
  planId: string,
  tx?: Tx,
): Promise<DrawRow> {
  authorize(actor, 'inspection', 'manage');
  const run = async (t: Tx) => {
    const p = await loadPlan(t, actor, planId, true);
    authorize(actor, 'inspection', 'manage', p);
    if (p.status !== 'published')
      throw new AppError('ACTION_NOT_ALLOWED', '抽查计划经审批并公布后才能抽取');
    const open = await t
      .select()
      .from(draws)
      .where(and(eq(draws.planId, p.id), ne(draws.status, 'cancelled')));
    if (open.some((d) => d.status === 'drawn'))
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        `本计划已于${open.find((d) => d.status === 'drawn')!.drawnAt}完成抽取，不能重复抽取；如抽取有误，应先作废并说明理由`,
      );
    if (open.length)
      throw new AppError('ACTION_NOT_ALLOWED', '本计划已公布承诺值，等待抽取，不能再次生成');
    const [{ n }] = await queryRows<{ n: number }>(
      t,
      sql`select coalesce(max(seq), 0)::int as n from enforcement_draws where plan_id = ${p.id}`,
    );
    const nonce = randomBytes(32).toString('hex');
    const [d] = await t
      .insert(draws)
      .values({
        id: newId(),
        departmentId: p.departmentId,
        planId: p.id,
        seq: n + 1,
        status: 'committed',
        commitment: sha256(nonce),
        nonce,
        committedAt: ctx.clock.now(),
        createdBy: actor.userId,
      })
      .returning();
    await audit(
      t,
      ctx,
      actor,
      'enforcement.draw.commit',
      { type: 'inspectionDraw', id: d.id },
      {
        planId: p.id,
        seq: d.seq,
        commitment: d.commitment,
      },
    );
    return d;
  };
  return tx ? run(tx) : inTx(ctx, run);
}

/** The candidates of a plan as of the draw: targets in scope, eligible officers, conflicts (and last year's inspectors when configured). */
export async function buildSnapshot(db: DbOrTx, p: PlanRow, on: string): Promise<Snapshot> {
  const pool = await db
    .select({ c: targets.creditCode, n: targets.name, k: targets.category, r: targets.risk })
    .from(targets)
    .where(
      p.categories.length
        ? and(eq(targets.departmentId, p.departmentId), inArray(targets.category, p.categories))
        : eq(targets.departmentId, p.departmentId),
    );
  const officerRows = await eligibleOfficers(db, p.departmentId, on);
  const ids = officerRows.map((o) => o.id);
  const pairs = ids.length
    ? await db
        .select({ o: conflicts.officerId, c: conflicts.creditCode })
        .from(conflicts)
        .where(and(eq(conflicts.departmentId, p.departmentId), inArray(conflicts.officerId, ids)))
    : [];
  const conflictPairs: Array<[string, string]> = pairs.map((x) => [x.o, x.c]);
  if (p.excludeLastYear) {
    // 回避 of last year's inspector of the same target (where configured).
    const last = await queryRows<{ c: string; ids: string[] }>(
      db,
      sql`select i.credit_code as c, i.inspector_ids as ids from enforcement_inspections i join enforcement_plans pl on pl.id = i.plan_id where pl.department_id = ${p.departmentId} and pl.year = ${p.year - 1}`,
    );
    const known = new Set(ids);
    const seen = new Set(conflictPairs.map((x) => x.join('|')));
    for (const row of last)
      for (const o of row.ids)
        if (known.has(o) && !seen.has(`${o}|${row.c}`)) {
          seen.add(`${o}|${row.c}`);
          conflictPairs.push([o, row.c]);
        }
  }
  return {
    v: 1,
    plan: p.id,
    ratio: p.ratio,
    quantity: p.quantity,
    perTarget: p.perTarget,
    stratify: p.stratify,
    targets: pool.map((t) => [t.c, t.n, t.k, t.r]),
    inspectors: officerRows.map((o) => [o.id, o.name, o.certificateNo]),
    conflicts: conflictPairs,
  };
}

/** The acts on a draw (the draw page's buttons). */
export const DRAW_ACTS = { execute: '抽取', verify: '复核抽取结果', cancel: '作废' } as const;
export type DrawAct = keyof typeof DRAW_ACTS;

/**
 * Why `act` cannot be done to the draw now, or null: the rule executeDraw, redrawRecord and cancelDraw
 * enforce, and the draw page shows (drawView). `stage`: not an act of the draw's state at all (the page
 * shows no button); otherwise the act is held back and the page says why. `begun`: an inspection of
 * the draw has its result recorded.
 */
export function drawRefusal(
  d: DrawRow,
  act: DrawAct,
  begun = false,
): { reason: string; stage: boolean } | null {
  const stage = (reason: string) => ({ reason, stage: true });
  if (act === 'execute')
    return d.status === 'drawn'
      ? stage(`本次抽取已于${d.drawnAt}完成，不能重复抽取`)
      : d.status === 'cancelled'
        ? stage(`本次抽取已作废（${d.cancelReason}），不能再抽取`)
        : null;
  // Verifiable once it ran: a cancelled draw that had run keeps its data for re-running.
  if (act === 'verify') return d.snapshot ? null : stage('本次抽取尚未进行，没有可复核的数据');
  if (d.status === 'cancelled') return stage('本次抽取已经作废');
  return begun ? { reason: '已有检查对象录入了检查结果，不能作废本次抽取', stage: false } : null;
}

function refuse(r: { reason: string } | null): void {
  if (r) throw new AppError('ACTION_NOT_ALLOWED', r.reason);
}

/** Whether an inspection of the draw has its result recorded (a draw in use is not cancelled). */
export async function inspectionsBegun(db: DbOrTx, drawId: string): Promise<boolean> {
  const begun = await db
    .select({ id: inspections.id })
    .from(inspections)
    .where(and(eq(inspections.drawId, drawId), ne(inspections.status, 'pending')))
    .limit(1);
  return begun.length > 0;
}

/** A draw is on the portal (its commitment first, then its data) once its plan is published. */
export const drawOnPortal = (p: { status: string }) => p.status === 'published';

/** Step 2: the draw itself, once. Fails with nothing changed when there are too few candidates. */
export async function executeDraw(
  ctx: Ctx,
  actor: Actor,
  drawId: string,
  tx?: Tx,
): Promise<DrawRow> {
  authorize(actor, 'inspection', 'manage');
  const run = async (t: Tx) => {
    const d = await loadDraw(t, actor, drawId, true);
    authorize(actor, 'inspection', 'manage', d);
    refuse(drawRefusal(d, 'execute'));
    const [p] = await t.select().from(plans).where(eq(plans.id, d.planId));
    const { snapshot, text } = canonicalSnapshot(await buildSnapshot(t, p, ctx.clock.today()));
    const snapshotHash = sha256(text);
    const drawnAt = ctx.clock.now().toISOString();
    const seed = drawSeed(d.nonce, drawnAt, snapshotHash);
    const result = runDraw(snapshot, seed);
    const [row] = await t
      .update(draws)
      .set({ status: 'drawn', drawnAt, snapshot: text, snapshotHash, seed, result })
      .where(eq(draws.id, d.id))
      .returning();
    const names = new Map(snapshot.targets.map((x) => [x[0], x[1]]));
    const now = ctx.clock.now();
    for (let i = 0; i < result.length; i += 500) {
      await t.insert(inspections).values(
        result.slice(i, i + 500).map((r) => ({
          id: newId(),
          departmentId: d.departmentId,
          drawId: d.id,
          planId: d.planId,
          creditCode: r.c,
          targetName: names.get(r.c) ?? '',
          inspectorIds: r.i,
          status: 'pending' as const,
          createdAt: now,
        })),
      );
    }
    await audit(
      t,
      ctx,
      actor,
      'enforcement.draw.execute',
      { type: 'inspectionDraw', id: d.id },
      {
        planId: d.planId,
        snapshotHash,
        seed,
        drawn: result.length,
      },
    );
    return row;
  };
  return tx ? run(tx) : inTx(ctx, run);
}

/** Cancels a draw with its reason; the record stays. A drawn draw whose inspections have begun cannot be cancelled. */
export async function cancelDraw(
  ctx: Ctx,
  actor: Actor,
  drawId: string,
  reason: string,
): Promise<DrawRow> {
  if (reason.trim().length < 4)
    throw new AppError('VALIDATION', '作废理由：不少于4个字', {
      fields: [{ path: 'reason', message: '不少于4个字' }],
    });
  authorize(actor, 'inspection', 'approve');
  return inTx(ctx, async (tx) => {
    const d = await loadDraw(tx, actor, drawId, true);
    authorize(actor, 'inspection', 'approve', d);
    refuse(drawRefusal(d, 'cancel', await inspectionsBegun(tx, d.id)));
    await tx.delete(inspections).where(eq(inspections.drawId, d.id));
    const [row] = await tx
      .update(draws)
      .set({ status: 'cancelled', cancelReason: reason.trim(), cancelledAt: ctx.clock.now() })
      .where(eq(draws.id, d.id))
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'enforcement.draw.cancel',
      { type: 'inspectionDraw', id: d.id },
      {
        reason: reason.trim(),
        was: d.status,
      },
    );
    return row;
  });
}

/** What may be shown of a draw: the nonce only once drawn (before, only its commitment). */
export function publicDraw(d: DrawRow) {
  return {
    id: d.id,
    planId: d.planId,
    seq: d.seq,
    status: d.status,
    statusLabel: DRAW_STATUS_LABELS[d.status],
    commitment: d.commitment,
    committedAt: d.committedAt.toISOString(),
    // Revealed once the draw has run (a cancelled draw that had run keeps its data for re-running).
    nonce: d.snapshot ? d.nonce : null,
    drawnAt: d.drawnAt,
    snapshotHash: d.snapshotHash,
    seed: d.seed,
    drawn: d.result?.length ?? 0,
    cancelReason: d.cancelReason,
    cancelledAt: d.cancelledAt?.toISOString() ?? null,
  };
}

/** Re-runs a drawn draw from its published data; `same` says whether it reproduces the stored result. */
export function redrawRecord(d: DrawRow): {
  same: boolean;
  result: DrawResult;
  snapshotHash: string;
  seed: string;
} {
  refuse(drawRefusal(d, 'verify'));
  const v = verifyDraw({
    commitment: d.commitment,
    nonce: d.nonce,
    drawnAt: d.drawnAt!,
    snapshot: d.snapshot!,
    snapshotHash: d.snapshotHash!,
    seed: d.seed!,
  });
  return { same: JSON.stringify(v.result) === JSON.stringify(d.result), ...v };
}

/** For the CLI: re-run a draw by id, whatever the department (the data is public once drawn). */
export async function redrawById(db: DbOrTx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('抽取记录');
  const [d] = await db.select().from(draws).where(eq(draws.id, id));
  if (!d) throw notFound('抽取记录');
  return { draw: d, ...redrawRecord(d) };
}

export async function drawsOf(db: DbOrTx, planId: string): Promise<DrawRow[]> {
  return db.select().from(draws).where(eq(draws.planId, planId)).orderBy(asc(draws.seq));
}
