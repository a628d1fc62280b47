/**
 * An in-year adjustment of a published 决策事项目录 (条例第三条第三款 "根据实际情况调整"): items added or
 * removed, agreed by the 同级党委 and published in its own right — two acts on the catalogue's case
 * (approveAdjustment, publishAdjustment; catalogueProcedure.ts). Between them the adjustment is reviewed
 * for secrets by the account the drafter names (《政府信息公开条例》第十七条), so the agreed changes wait
 * in the approval's act and are written with the publication, its record and its audit event in one
 * transaction.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { loadHistory } from '../../core/cases/service.ts';
import { passedSecrecyReview, publish as publishItem } from '../disclosure/index.ts';
import { decisionCatalogueAdjustments, decisionCatalogueItems } from './schema.ts';
import { act, audit, forChange, itemValues, nextSeq, notAfterToday } from './catalogue.ts';
import { catalogueText, itemsOf, type AdjustmentRow, type ItemInput } from './catalogueQueries.ts';

export interface AdjustInput {
  reason: string;
  approvedOn: string;
  approvedBy: string;
  add: ItemInput[];
  remove: string[];
}

/** The adjustment as agreed, kept in its approval act until it is published. */
interface Agreed extends AdjustInput {
  adjustmentId: string;
}

/** Records that the 同级党委 agreed an adjustment (what it adds and removes); published after its 保密审查. */
export async function approveAdjustment(
  ctx: Ctx,
  actor: Actor,
  catalogueId: string,
  input: AdjustInput,
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const c = await forChange(tx, actor, catalogueId);
    const agreed: Agreed = {
      adjustmentId: newId(),
      reason: input.reason.trim(),
      approvedOn: input.approvedOn,
      approvedBy: input.approvedBy.trim(),
      add: input.add,
      remove: [...new Set(input.remove)],
    };
    await act(tx, ctx, actor, c, 'approveAdjustment', { ...agreed });
    if (!input.add.length && !input.remove.length)
      throw new AppError('VALIDATION', '调整内容：请至少增加或调出一个事项', {
        fields: [{ path: 'add', message: '请至少增加或调出一个事项' }],
      });
    notAfterToday(ctx, input.approvedOn);
    const listed = agreed.remove.length
      ? await tx
          .select({ id: decisionCatalogueItems.id })
          .from(decisionCatalogueItems)
          .where(
            and(
              inArray(decisionCatalogueItems.id, agreed.remove),
              eq(decisionCatalogueItems.catalogueId, c.id),
              eq(decisionCatalogueItems.status, 'listed'),
            ),
          )
      : [];
    if (listed.length !== agreed.remove.length)
      throw new AppError('VALIDATION', '调出事项：不在目录中', {
        fields: [{ path: 'remove', message: '不在目录中' }],
      });
    await audit(
      tx,
      ctx,
      actor,
      'decisionCatalogue.approveAdjustment',
      { type: 'decisionCatalogue', id: c.id },
      { adjustmentId: agreed.adjustmentId, add: agreed.add.length, remove: agreed.remove.length },
    );
  });
}

/**
 * Publishes the agreed adjustment once its 保密审查 has passed: the items change, the adjustment is
 * recorded with its 主动公开 record (naming the reviewer's account).
 */
export async function publishAdjustment(
  ctx: Ctx,
  actor: Actor,
  catalogueId: string,
): Promise<AdjustmentRow> {
  return inTx(ctx, async (tx) => {
    const c = await forChange(tx, actor, catalogueId);
    const approval = (await loadHistory(tx, c.caseId)).findLast(
      (e) => e.type === 'approveAdjustment',
    );
    if (!approval)
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        '目录调整须经同级党委同意后向社会公布（条例第三条）；请先登记同意情况',
      );
    const agreed = approval.data as unknown as Agreed;
    const id = agreed.adjustmentId;
    const confidentialityReview = await passedSecrecyReview(tx, c.caseId);
    const [{ n }] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${decisionCatalogueAdjustments} where ${decisionCatalogueAdjustments.catalogueId} = ${c.id}`,
    );
    const now = ctx.clock.now();
    const changes: Array<{ op: 'add' | 'remove'; itemId: string; title: string }> = [];
    for (const itemId of agreed.remove) {
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
    for (const item of agreed.add) {
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
      formedOn: agreed.approvedOn,
      summary: `调整${changes.length}项，经${agreed.approvedBy}同意。`,
      body: `调整理由：${agreed.reason}\n\n${text}\n\n调整后的目录：\n${catalogueText(await itemsOf(tx, c.id))}`,
      source: { module: 'decisions', entityId: c.id },
      confidentialityReview,
    });
    await act(tx, ctx, actor, c, 'publishAdjustment', { adjustmentId: id, publicationId: pub.id });
    const [adj] = await tx
      .insert(decisionCatalogueAdjustments)
      .values({
        id,
        catalogueId: c.id,
        seq: n + 1,
        reason: agreed.reason,
        approvedOn: agreed.approvedOn,
        approvedBy: agreed.approvedBy,
        changes,
        publishedOn: today,
        publicationId: pub.id,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'decisionCatalogue.adjust',
      { type: 'decisionCatalogue', id: c.id },
      {
        adjustmentId: id,
        changes,
        publicationId: pub.id,
      },
    );
    return adj;
  });
}
