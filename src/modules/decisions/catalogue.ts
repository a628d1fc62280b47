/**
 * 决策事项目录 (条例第三条第三款): the decision organ sets the year's catalogue, which is published
 * after the 同级党委 agrees, and adjusted as needed (catalogueAdjust.ts). Each use case is an act on the
 * catalogue's case (catalogueProcedure.ts: the engine decides what may happen: drafts are edited
 * freely, an approved catalogue is frozen) recorded with the catalogue's record and its audit event in
 * one transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { queryRows, type Tx } from '../../core/db/client.ts';
import { auditRecorder } from '../../core/audit/recorder.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { openCase, recordAction } from '../../core/cases/service.ts';
import { authorize } from './policy.ts';
import { passedSecrecyReview, publish as publishItem } from '../disclosure/index.ts';
import { decisionsAudit } from './auditLabels.ts';
import { decisionCatalogueItems, decisionCatalogues } from './schema.ts';
import { DECISION_CATALOGUE } from './catalogueProcedure.ts';
import {
  catalogueText,
  itemsOf,
  loadCatalogue,
  type CatalogueRow,
  type ItemInput,
  type ItemRow,
} from './catalogueQueries.ts';

export {
  adjustmentsOf,
  catalogueText,
  itemsOf,
  listCatalogues,
  type AdjustmentRow,
  type CatalogueRow,
  type ItemInput,
  type ItemRow,
} from './catalogueQueries.ts';
export { CATALOGUE_STATUS_LABELS } from './catalogueProcedure.ts';

export const audit = auditRecorder(decisionsAudit);

/** The catalogue, locked, for a change by one who keeps it. */
export async function forChange(tx: Tx, actor: Actor, id: string): Promise<CatalogueRow> {
  const c = await loadCatalogue(tx, actor, id, true);
  authorize(actor, 'majorDecision', 'catalogue', c);
  return c;
}

/** One act on the catalogue's case, dated today, in the caller's transaction (the engine refuses in Chinese). */
export const act = (
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  c: CatalogueRow,
  action: string,
  data: Record<string, unknown> = {},
) => recordAction(ctx, actor, c.caseId, { action, on: ctx.clock.today(), data }, tx);

/** A legal date entered by the user (同意日期) may not lie ahead. */
export function notAfterToday(ctx: Ctx, approvedOn: string): void {
  if (approvedOn > ctx.clock.today())
    throw new AppError('VALIDATION', '同意日期：不能晚于今天', {
      fields: [{ path: 'approvedOn', message: '不能晚于今天' }],
    });
}

export async function createCatalogue(
  ctx: Ctx,
  actor: Actor,
  input: { year: number; title?: string },
): Promise<CatalogueRow> {
  authorize(actor, 'majorDecision', 'catalogue');
  return inTx(ctx, async (tx) => {
    const [dup] = await tx
      .select({ id: decisionCatalogues.id })
      .from(decisionCatalogues)
      .where(
        and(
          eq(decisionCatalogues.departmentId, actor.departmentId),
          eq(decisionCatalogues.year, input.year),
        ),
      );
    if (dup) throw new AppError('CONFLICT', `${input.year}年度决策事项目录已经存在`);
    const title = input.title?.trim() || `${input.year}年度重大行政决策事项目录`;
    const k = await openCase(
      ctx,
      actor,
      {
        procedure: DECISION_CATALOGUE.code,
        title,
        orgId: actor.departmentId,
        first: { action: 'draft', on: ctx.clock.today(), data: { year: input.year } },
      },
      tx,
    );
    const [c] = await tx
      .insert(decisionCatalogues)
      .values({
        id: newId(),
        departmentId: actor.departmentId,
        year: input.year,
        title,
        caseId: k.id,
        createdBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'decisionCatalogue.create',
      { type: 'decisionCatalogue', id: c.id },
      {
        year: c.year,
        title,
      },
    );
    return { ...c, status: 'draft' };
  });
}

export async function nextSeq(tx: Tx, catalogueId: string): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(max(${decisionCatalogueItems.seq}), 0)::int as n from ${decisionCatalogueItems} where ${decisionCatalogueItems.catalogueId} = ${catalogueId}`,
  );
  return n + 1;
}

export const itemValues = (i: ItemInput) => ({
  title: i.title.trim(),
  content: i.content?.trim() ?? '',
  undertakingUnit: i.undertakingUnit.trim(),
  basis: i.basis?.trim() ?? '',
  plannedTime: i.plannedTime?.trim() ?? '',
});

/** An edit of a draft's items, as an act: `hasItems` tells the engine whether any item remains. */
async function editItems(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  c: CatalogueRow,
  op: 'add' | 'update' | 'delete',
  itemId: string,
  remaining: number,
) {
  await act(tx, ctx, actor, c, 'editItems', { op, itemId, hasItems: remaining > 0 });
}

const countItems = async (tx: Tx, catalogueId: string) => (await itemsOf(tx, catalogueId)).length;

export async function addItem(
  ctx: Ctx,
  actor: Actor,
  catalogueId: string,
  input: ItemInput,
): Promise<ItemRow> {
  return inTx(ctx, async (tx) => {
    const c = await forChange(tx, actor, catalogueId);
    const id = newId();
    await editItems(tx, ctx, actor, c, 'add', id, (await countItems(tx, c.id)) + 1);
    const [row] = await tx
      .insert(decisionCatalogueItems)
      .values({
        id,
        catalogueId: c.id,
        seq: await nextSeq(tx, c.id),
        ...itemValues(input),
        status: 'listed',
        createdAt: ctx.clock.now(),
      })
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'decisionCatalogue.addItem',
      { type: 'decisionCatalogue', id: c.id },
      {
        itemId: row.id,
        title: row.title,
      },
    );
    return row;
  });
}

export async function updateItem(
  ctx: Ctx,
  actor: Actor,
  catalogueId: string,
  itemId: string,
  input: ItemInput,
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const c = await forChange(tx, actor, catalogueId);
    await editItems(tx, ctx, actor, c, 'update', itemId, await countItems(tx, c.id));
    const [row] = await tx
      .update(decisionCatalogueItems)
      .set(itemValues(input))
      .where(
        and(eq(decisionCatalogueItems.id, itemId), eq(decisionCatalogueItems.catalogueId, c.id)),
      )
      .returning();
    if (!row) throw notFound('目录事项');
    await audit(
      tx,
      ctx,
      actor,
      'decisionCatalogue.updateItem',
      { type: 'decisionCatalogue', id: c.id },
      { itemId, title: row.title },
    );
  });
}

/** While drafting an item is simply dropped (nothing was published yet). */
export async function deleteDraftItem(
  ctx: Ctx,
  actor: Actor,
  catalogueId: string,
  itemId: string,
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const c = await forChange(tx, actor, catalogueId);
    await editItems(tx, ctx, actor, c, 'delete', itemId, (await countItems(tx, c.id)) - 1);
    const [row] = await tx
      .delete(decisionCatalogueItems)
      .where(
        and(eq(decisionCatalogueItems.id, itemId), eq(decisionCatalogueItems.catalogueId, c.id)),
      )
      .returning();
    if (!row) throw notFound('目录事项');
    await audit(
      tx,
      ctx,
      actor,
      'decisionCatalogue.deleteItem',
      { type: 'decisionCatalogue', id: c.id },
      { itemId, title: row.title },
    );
  });
}

/** Art 3 ¶3: 经同级党委同意 — who agreed, when, and the reference of the approval. */
export async function approveCatalogue(
  ctx: Ctx,
  actor: Actor,
  catalogueId: string,
  input: { approvedOn: string; approvedBy: string; approvalRef?: string },
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const c = await forChange(tx, actor, catalogueId);
    const approvedBy = input.approvedBy.trim();
    const approvalRef = input.approvalRef?.trim() || null;
    await act(tx, ctx, actor, c, 'approve', {
      approvedOn: input.approvedOn,
      approvedBy,
      approvalRef: approvalRef ?? undefined,
    });
    notAfterToday(ctx, input.approvedOn);
    await tx
      .update(decisionCatalogues)
      .set({ approvedOn: input.approvedOn, approvedBy, approvalRef })
      .where(eq(decisionCatalogues.id, c.id));
    await audit(
      tx,
      ctx,
      actor,
      'decisionCatalogue.approve',
      { type: 'decisionCatalogue', id: c.id },
      {
        ...input,
        items: await countItems(tx, c.id),
      },
    );
  });
}

/**
 * Publishes an approved catalogue on the portal (主动公开 record), once its 保密审查 has passed (the
 * reviewer's own act, 条例第十七条); the record names the reviewer's account.
 */
export async function publishCatalogue(ctx: Ctx, actor: Actor, catalogueId: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const c = await forChange(tx, actor, catalogueId);
    await act(tx, ctx, actor, c, 'publish');
    const confidentialityReview = await passedSecrecyReview(tx, c.caseId);
    const items = await itemsOf(tx, c.id);
    const today = ctx.clock.today();
    const pub = await publishItem(tx, ctx, actor, {
      title: c.title,
      category: 'policy',
      topic: 'government',
      keywords: ['重大行政决策', '决策事项目录'],
      formedOn: c.approvedOn!,
      summary: `${c.year}年度重大行政决策事项${items.length}项，经${c.approvedBy}同意。`,
      body: `${catalogueText(items)}\n\n本目录经${c.approvedBy}同意${c.approvalRef ? `（${c.approvalRef}）` : ''}，根据《重大行政决策程序暂行条例》第三条向社会公布，并根据实际情况调整。`,
      source: { module: 'decisions', entityId: c.id },
      confidentialityReview,
    });
    await tx
      .update(decisionCatalogues)
      .set({ publishedOn: today, publicationId: pub.id })
      .where(eq(decisionCatalogues.id, c.id));
    await audit(
      tx,
      ctx,
      actor,
      'decisionCatalogue.publish',
      { type: 'decisionCatalogue', id: c.id },
      {
        publicationId: pub.id,
        indexNumber: pub.indexNumber,
      },
    );
  });
}
