/**
 * 清理 (RULES §2.3 step 11): the legal office opens a campaign (e.g. after a law changed), which lists
 * the documents in force; it records 保留 / 修改 / 废止 / 宣布失效 for each and publishes the result
 * list — 废止 and 宣布失效 take effect then, with the campaign as the deciding act.
 */
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { cleanupCampaigns, cleanupItems, normativeDocuments } from './schema.ts';
import { CLEANUP_DECISION_LABELS, type CleanupDecision } from './labels.ts';
import { endLoaded } from './validity.ts';
import { legalStatusLabel } from './status.ts';
import { loadDocument } from './service.ts';
import { cleanupTotals } from './cleanupTotals.ts';

export { cleanupTotals, type CleanupTotals } from './cleanupTotals.ts';

async function loadCampaign(tx: Tx | Ctx['db'], actor: Actor, id: string, forUpdate = false) {
  const q = tx.select().from(cleanupCampaigns).where(eq(cleanupCampaigns.id, id));
  const [c] = forUpdate ? await q.for('update') : await q;
  if (!c || c.departmentId !== actor.departmentId) throw notFound('清理工作');
  return c;
}

export async function openCampaign(
  ctx: Ctx,
  actor: Actor,
  input: { title: string; basis: string },
) {
  authorize(actor, 'normativeDocument', 'cleanup');
  return inTx(ctx, async (tx) => {
    const id = newId();
    const now = ctx.clock.now();
    await tx.insert(cleanupCampaigns).values({
      id,
      departmentId: actor.departmentId,
      title: input.title.trim(),
      basis: input.basis.trim(),
      openedOn: ctx.clock.today(),
      createdBy: actor.userId,
      createdAt: now,
    });
    const inForce = await tx
      .select({ id: normativeDocuments.id })
      .from(normativeDocuments)
      .where(
        and(
          eq(normativeDocuments.departmentId, actor.departmentId),
          sql`${normativeDocuments.legalStatus} in ('inForce','notYetInForce')`,
        ),
      );
    if (inForce.length)
      await tx
        .insert(cleanupItems)
        .values(inForce.map((d) => ({ id: newId(), campaignId: id, documentId: d.id })));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'document.cleanup.open',
        entityType: 'cleanupCampaign',
        entityId: id,
        payload: { title: input.title, documents: inForce.length },
      },
      now,
    );
    return { id, documents: inForce.length };
  });
}

export async function decide(
  ctx: Ctx,
  actor: Actor,
  campaignId: string,
  documentId: string,
  input: { decision: CleanupDecision; note?: string },
) {
  authorize(actor, 'normativeDocument', 'cleanup');
  if (!(input.decision in CLEANUP_DECISION_LABELS))
    throw new AppError('VALIDATION', '清理意见：取值无效', {
      fields: [{ path: 'decision', message: '取值无效' }],
    });
  await inTx(ctx, async (tx) => {
    const c = await loadCampaign(tx, actor, campaignId, true);
    if (c.publishedOn) throw new AppError('ACTION_NOT_ALLOWED', '清理结果已公布，不能再修改');
    const rows = await tx
      .update(cleanupItems)
      .set({
        decision: input.decision,
        note: input.note?.trim() || null,
        decidedAt: ctx.clock.now(),
      })
      .where(and(eq(cleanupItems.campaignId, c.id), eq(cleanupItems.documentId, documentId)))
      .returning();
    if (!rows.length) throw notFound('清理文件');
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'document.cleanup.decide',
        entityType: 'cleanupCampaign',
        entityId: c.id,
        payload: { documentId, ...input },
      },
      ctx.clock.now(),
    );
  });
}

/** Publishes the result list; 废止 / 宣布失效 decisions take effect today with the campaign as the act. */
export async function publishCampaign(ctx: Ctx, actor: Actor, campaignId: string) {
  authorize(actor, 'normativeDocument', 'cleanup');
  return inTx(ctx, async (tx) => {
    const c = await loadCampaign(tx, actor, campaignId, true);
    if (c.publishedOn) throw new AppError('ACTION_NOT_ALLOWED', '清理结果已经公布');
    const items = await tx.select().from(cleanupItems).where(eq(cleanupItems.campaignId, c.id));
    const open = items.filter((i) => !i.decision).length;
    if (open) throw new AppError('ACTION_NOT_ALLOWED', `还有${open}件文件未提出清理意见`);
    const today = ctx.clock.today();
    for (const i of items) {
      if (i.decision !== 'abolish' && i.decision !== 'declareInvalid') continue;
      const d = await loadDocument(tx, actor, i.documentId, true);
      // A document ended meanwhile (expired, abolished) keeps its earlier ending.
      if (d.legalStatus === 'inForce' || d.legalStatus === 'notYetInForce')
        await endLoaded(
          tx,
          ctx,
          actor,
          d,
          i.decision === 'abolish' ? 'abolished' : 'declaredInvalid',
          { on: today, act: c.title, note: i.note ?? undefined },
        );
    }
    await tx
      .update(cleanupCampaigns)
      .set({ publishedOn: today })
      .where(eq(cleanupCampaigns.id, c.id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'document.cleanup.publish',
        entityType: 'cleanupCampaign',
        entityId: c.id,
        payload: { documents: items.length },
      },
      ctx.clock.now(),
    );
  });
}

/** The department's campaigns, newest first, each with its totals (staff list). */
export async function listCampaigns(ctx: Ctx, actor: Actor) {
  authorize(actor, 'normativeDocument', 'list');
  const campaigns = await ctx.db
    .select()
    .from(cleanupCampaigns)
    .where(eq(cleanupCampaigns.departmentId, actor.departmentId))
    .orderBy(desc(cleanupCampaigns.openedOn), desc(cleanupCampaigns.createdAt));
  const items = campaigns.length
    ? await ctx.db
        .select({ campaignId: cleanupItems.campaignId, decision: cleanupItems.decision })
        .from(cleanupItems)
        .innerJoin(cleanupCampaigns, eq(cleanupCampaigns.id, cleanupItems.campaignId))
        .where(eq(cleanupCampaigns.departmentId, actor.departmentId))
    : [];
  return campaigns.map((c) => ({
    ...c,
    totals: cleanupTotals(items.filter((i) => i.campaignId === c.id)),
  }));
}

/** Published campaigns of a department (the portal's list of 清理结果). */
export async function publishedCampaigns(db: DbOrTx, departmentId: string) {
  return db
    .select()
    .from(cleanupCampaigns)
    .where(
      and(eq(cleanupCampaigns.departmentId, departmentId), isNotNull(cleanupCampaigns.publishedOn)),
    )
    .orderBy(desc(cleanupCampaigns.publishedOn));
}

/** The campaign with its list (title, 文号, decision) and totals, for staff and — once published — the portal. */
export async function campaignList(db: DbOrTx, campaignId: string) {
  const [c] = await db.select().from(cleanupCampaigns).where(eq(cleanupCampaigns.id, campaignId));
  if (!c) return null;
  const items = await db
    .select({
      documentId: cleanupItems.documentId,
      decision: cleanupItems.decision,
      note: cleanupItems.note,
      title: normativeDocuments.title,
      docNumber: normativeDocuments.docNumber,
      publishedOn: normativeDocuments.publishedOn,
      legalStatus: normativeDocuments.legalStatus,
    })
    .from(cleanupItems)
    .innerJoin(normativeDocuments, eq(normativeDocuments.id, cleanupItems.documentId))
    .where(eq(cleanupItems.campaignId, c.id))
    .orderBy(asc(normativeDocuments.publishedOn));
  return {
    campaign: c,
    totals: cleanupTotals(items),
    items: items.map((i) => ({
      ...i,
      legalStatusLabel: legalStatusLabel(i.legalStatus),
      decisionLabel: i.decision ? CLEANUP_DECISION_LABELS[i.decision as CleanupDecision] : '待定',
    })),
  };
}
