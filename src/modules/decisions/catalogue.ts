/**
 * 决策事项目录 (条例 Art 3 ¶3): the decision organ sets the year's catalogue, which is published after
 * the 同级党委 agrees, and adjusted as needed. Drafts are edited freely; an approved catalogue is
 * frozen; a published one changes only by an adjustment that is itself approved and published.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { queryRows, type DbOrTx, type Tx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { publish as publishItem } from '../disclosure/publications/service.ts';
import {
  decisionCatalogueAdjustments,
  decisionCatalogueItems,
  decisionCatalogues,
} from './schema.ts';

export type CatalogueRow = typeof decisionCatalogues.$inferSelect;
export type ItemRow = typeof decisionCatalogueItems.$inferSelect;
export type AdjustmentRow = typeof decisionCatalogueAdjustments.$inferSelect;
export interface ItemInput {
  title: string;
  content?: string;
  undertakingUnit: string;
  basis?: string;
  plannedTime?: string;
}

export const CATALOGUE_STATUS_LABELS = {
  draft: '草拟中',
  approved: '已经同意，待公布',
  published: '已公布',
} as const;

const audit = (
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  action: string,
  id: string,
  payload: Record<string, unknown>,
) =>
  appendAudit(
    tx,
    {
      actorId: actor.userId,
      orgId: actor.orgId,
      action: `decisionCatalogue.${action}`,
      entityType: 'decisionCatalogue',
      entityId: id,
      payload,
    },
    ctx.clock.now(),
  );

async function loadCatalogue(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<CatalogueRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('决策事项目录');
  const q = db.select().from(decisionCatalogues).where(eq(decisionCatalogues.id, id));
  const [c] = forUpdate ? await q.for('update') : await q;
  if (!c) throw notFound('决策事项目录');
  authorize(actor, 'majorDecision', 'read', c);
  return c;
}

async function forEdit(
  tx: Tx,
  actor: Actor,
  id: string,
  draftOnly: boolean,
): Promise<CatalogueRow> {
  const c = await loadCatalogue(tx, actor, id, true);
  authorize(actor, 'majorDecision', 'catalogue', c);
  if (draftOnly && c.status !== 'draft')
    throw new AppError(
      'ACTION_NOT_ALLOWED',
      `目录${CATALOGUE_STATUS_LABELS[c.status]}，不能直接修改；公布后如需调整，请办理目录调整并公布（条例第三条）`,
    );
  return c;
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
    const [c] = await tx
      .insert(decisionCatalogues)
      .values({
        id: newId(),
        departmentId: actor.departmentId,
        year: input.year,
        title,
        status: 'draft',
        createdBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await audit(tx, ctx, actor, 'create', c.id, { year: c.year, title });
    return c;
  });
}

async function nextSeq(tx: Tx, catalogueId: string): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(max(seq), 0)::int as n from decision_catalogue_items where catalogue_id = ${catalogueId}`,
  );
  return n + 1;
}

const itemValues = (i: ItemInput) => ({
  title: i.title.trim(),
  content: i.content?.trim() ?? '',
  undertakingUnit: i.undertakingUnit.trim(),
  basis: i.basis?.trim() ?? '',
  plannedTime: i.plannedTime?.trim() ?? '',
});

export async function addItem(
  ctx: Ctx,
  actor: Actor,
  catalogueId: string,
  input: ItemInput,
): Promise<ItemRow> {
  return inTx(ctx, async (tx) => {
    const c = await forEdit(tx, actor, catalogueId, true);
    const [row] = await tx
      .insert(decisionCatalogueItems)
      .values({
        id: newId(),
        catalogueId: c.id,
        seq: await nextSeq(tx, c.id),
        ...itemValues(input),
        status: 'listed',
        createdAt: ctx.clock.now(),
      })
      .returning();
    await audit(tx, ctx, actor, 'addItem', c.id, { itemId: row.id, title: row.title });
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
    const c = await forEdit(tx, actor, catalogueId, true);
    const [row] = await tx
      .update(decisionCatalogueItems)
      .set(itemValues(input))
      .where(
        and(eq(decisionCatalogueItems.id, itemId), eq(decisionCatalogueItems.catalogueId, c.id)),
      )
      .returning();
    if (!row) throw notFound('目录事项');
    await audit(tx, ctx, actor, 'updateItem', c.id, { itemId, title: row.title });
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
    const c = await forEdit(tx, actor, catalogueId, true);
    const [row] = await tx
      .delete(decisionCatalogueItems)
      .where(
        and(eq(decisionCatalogueItems.id, itemId), eq(decisionCatalogueItems.catalogueId, c.id)),
      )
      .returning();
    if (!row) throw notFound('目录事项');
    await audit(tx, ctx, actor, 'deleteItem', c.id, { itemId, title: row.title });
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
    const c = await forEdit(tx, actor, catalogueId, true);
    if (input.approvedOn > ctx.clock.today())
      throw new AppError('VALIDATION', '同意日期：不能晚于今天', {
        fields: [{ path: 'approvedOn', message: '不能晚于今天' }],
      });
    const [{ n }] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from decision_catalogue_items where catalogue_id = ${c.id}`,
    );
    if (n === 0) throw new AppError('ACTION_NOT_ALLOWED', '目录中还没有决策事项');
    await tx
      .update(decisionCatalogues)
      .set({
        status: 'approved',
        approvedOn: input.approvedOn,
        approvedBy: input.approvedBy.trim(),
        approvalRef: input.approvalRef?.trim() || null,
      })
      .where(eq(decisionCatalogues.id, c.id));
    await audit(tx, ctx, actor, 'approve', c.id, { ...input, items: n });
  });
}

export const catalogueText = (items: ItemRow[]) =>
  items
    .filter((i) => i.status === 'listed')
    .map(
      (i, k) =>
        `${k + 1}. ${i.title}\n承办单位：${i.undertakingUnit}${i.basis ? `\n决策依据：${i.basis}` : ''}${i.plannedTime ? `\n计划完成时间：${i.plannedTime}` : ''}${i.content ? `\n主要内容：${i.content}` : ''}`,
    )
    .join('\n\n');

/** Publishes an approved catalogue on the portal (主动公开 record). */
export async function publishCatalogue(
  ctx: Ctx,
  actor: Actor,
  catalogueId: string,
  input: { confidentialityReviewer: string },
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const c = await forEdit(tx, actor, catalogueId, false);
    if (c.status !== 'approved')
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        c.status === 'draft'
          ? '决策事项目录须经同级党委同意后向社会公布（条例第三条）；请先登记同意情况'
          : '目录已经公布',
      );
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
      confidentialityReview: {
        reviewer: input.confidentialityReviewer,
        conclusion: 'public',
        on: today,
      },
    });
    await tx
      .update(decisionCatalogues)
      .set({ status: 'published', publishedOn: today, publicationId: pub.id })
      .where(eq(decisionCatalogues.id, c.id));
    await audit(tx, ctx, actor, 'publish', c.id, {
      publicationId: pub.id,
      indexNumber: pub.indexNumber,
    });
  });
}

export interface AdjustInput {
  reason: string;
  approvedOn: string;
  approvedBy: string;
  add: ItemInput[];
  remove: string[];
  confidentialityReviewer: string;
}

/** An in-year adjustment (Art 3 ¶3 "根据实际情况调整"): items added or removed, agreed and published together. */
export async function adjustCatalogue(
  ctx: Ctx,
  actor: Actor,
  catalogueId: string,
  input: AdjustInput,
): Promise<AdjustmentRow> {
  return inTx(ctx, async (tx) => {
    const c = await forEdit(tx, actor, catalogueId, false);
    if (c.status !== 'published')
      throw new AppError('ACTION_NOT_ALLOWED', '目录公布前可直接修改，无需办理调整');
    if (!input.add.length && !input.remove.length)
      throw new AppError('VALIDATION', '调整内容：请至少增加或调出一个事项', {
        fields: [{ path: 'add', message: '请至少增加或调出一个事项' }],
      });
    if (input.approvedOn > ctx.clock.today())
      throw new AppError('VALIDATION', '同意日期：不能晚于今天', {
        fields: [{ path: 'approvedOn', message: '不能晚于今天' }],
      });
    const [{ n }] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from decision_catalogue_adjustments where catalogue_id = ${c.id}`,
    );
    const id = newId();
    const now = ctx.clock.now();
    const changes: Array<{ op: 'add' | 'remove'; itemId: string; title: string }> = [];
    for (const itemId of new Set(input.remove)) {
      const [row] = await tx
        .update(decisionCatalogueItems)
        .set({ status: 'removed', removedByAdjustmentId: id })
        .where(
          and(
            eq(decisionCatalogueItems.id, itemId),
            eq(decisionCatalogueItems.catalogueId, c.id),
            eq(decisionCatalogueItems.status, 'listed'),
          ),
        )
        .returning();
      if (!row)
        throw new AppError('VALIDATION', '调出事项：不在目录中', {
          fields: [{ path: 'remove', message: '不在目录中' }],
        });
      changes.push({ op: 'remove', itemId, title: row.title });
    }
    for (const item of input.add) {
      const [row] = await tx
        .insert(decisionCatalogueItems)
        .values({
          id: newId(),
          catalogueId: c.id,
          seq: await nextSeq(tx, c.id),
          ...itemValues(item),
          status: 'listed',
          addedByAdjustmentId: id,
          createdAt: now,
        })
        .returning();
      changes.push({ op: 'add', itemId: row.id, title: row.title });
    }
    const today = ctx.clock.today();
    const text = changes.map((x) => `${x.op === 'add' ? '增加' : '调出'}：${x.title}`).join('\n');
    const pub = await publishItem(tx, ctx, actor, {
      title: `关于调整${c.title}的公告（第${n + 1}次调整）`,
      category: 'policy',
      topic: 'government',
      keywords: ['重大行政决策', '决策事项目录', '调整'],
      formedOn: input.approvedOn,
      summary: `调整${changes.length}项，经${input.approvedBy.trim()}同意。`,
      body: `调整理由：${input.reason.trim()}\n\n${text}\n\n调整后的目录：\n${catalogueText(await itemsOf(tx, c.id))}`,
      source: { module: 'decisions', entityId: c.id },
      confidentialityReview: {
        reviewer: input.confidentialityReviewer,
        conclusion: 'public',
        on: today,
      },
    });
    const [adj] = await tx
      .insert(decisionCatalogueAdjustments)
      .values({
        id,
        catalogueId: c.id,
        seq: n + 1,
        reason: input.reason.trim(),
        approvedOn: input.approvedOn,
        approvedBy: input.approvedBy.trim(),
        changes,
        publishedOn: today,
        publicationId: pub.id,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    await audit(tx, ctx, actor, 'adjust', c.id, {
      adjustmentId: id,
      changes,
      publicationId: pub.id,
    });
    return adj;
  });
}

export async function itemsOf(db: DbOrTx, catalogueId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(decisionCatalogueItems)
    .where(eq(decisionCatalogueItems.catalogueId, catalogueId))
    .orderBy(asc(decisionCatalogueItems.seq));
}

export async function adjustmentsOf(db: DbOrTx, catalogueId: string): Promise<AdjustmentRow[]> {
  return db
    .select()
    .from(decisionCatalogueAdjustments)
    .where(eq(decisionCatalogueAdjustments.catalogueId, catalogueId))
    .orderBy(asc(decisionCatalogueAdjustments.seq));
}

/** The department's catalogues, newest year first, each with its items and adjustments. */
export async function listCatalogues(ctx: Ctx, actor: Actor) {
  authorize(actor, 'majorDecision', 'list');
  const rows = await ctx.db
    .select()
    .from(decisionCatalogues)
    .where(eq(decisionCatalogues.departmentId, actor.departmentId))
    .orderBy(desc(decisionCatalogues.year));
  return Promise.all(
    rows.map(async (c) => ({
      ...c,
      statusLabel: CATALOGUE_STATUS_LABELS[c.status],
      items: await itemsOf(ctx.db, c.id),
      adjustments: await adjustmentsOf(ctx.db, c.id),
    })),
  );
}
