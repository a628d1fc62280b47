/**
 * 决策公布 (条例 Art 32): the adopted text as a 主动公开 record with the adoption of opinions explained
 * and a 解读, once the decision's 保密审查 has passed (the reviewer's act, disclosure's secrecy review); a published major adjustment replaces its predecessor (Art 37). One transaction with its evidence.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAction } from '../../core/cases/service.ts';
import { passedSecrecyReview, publish as publishItem } from '../disclosure/index.ts';
import { majorDecisions } from './schema.ts';
import { recordEvidence } from './evidence.ts';
import { precheck, step, withDecision } from './service.ts';

export interface PublishInput {
  adoptedText: string;
  channel?: string;
  adoptionExplanation: string;
  interpretation: string;
  interpretationForm?: string;
  keywords?: string;
  fileIds?: string[];
}

/**
 * The text published is the one the meeting adopted (Art 32), confirmed by whoever publishes it:
 * never a draft still marked as the 征求意见稿 (issue 13 item 8).
 */
export function adoptedTextIssue(text: string): string | undefined {
  if (!text.trim()) return '请填写决策文本（通过稿）';
  if (/征求意见稿/.test(text))
    return '公布的应当是集体讨论决定通过的文本，不能是征求意见稿；请删去“征求意见稿”等标注并核对为通过的版本';
  return undefined;
}

/** The adopted text of a published decision (from its publish act); earlier publications kept the draft there. */
export function adoptedTextOf(
  history: Array<{ type: string; data?: Record<string, unknown> }>,
  draftText: string,
): string {
  const v = history.findLast((e) => e.type === 'publish')?.data?.adoptedText;
  return typeof v === 'string' && v.trim() ? v : draftText;
}

/** 决策公布 (Art 32) as a 主动公开 record, with the opinion adoption explained and a 解读; a major adjustment then replaces its predecessor. */
export async function publishDecision(ctx: Ctx, actor: Actor, id: string, input: PublishInput) {
  if (input.interpretation.trim().length < 20)
    throw new AppError('VALIDATION', '解读：应当与决策同步发布，内容不少于20字', {
      fields: [{ path: 'interpretation', message: '不少于20字' }],
    });
  const textIssue = adoptedTextIssue(input.adoptedText ?? '');
  if (textIssue)
    throw new AppError('VALIDATION', `决策文本（通过稿）：${textIssue}`, {
      fields: [{ path: 'adoptedText', message: textIssue }],
    });
  const adoptedText = input.adoptedText.trim();
  let pub = { id: '', indexNumber: '' };
  const channel = input.channel || '门户网站重大行政决策栏目';
  return withDecision(ctx, actor, id, async (tx, dec) => {
    const today = ctx.clock.today();
    await precheck(ctx, tx, actor, dec, 'publish', today, {
      adoptedText,
      channel,
      adoptionExplanation: input.adoptionExplanation,
    });
    // The 保密审查 is the named reviewer's own act before this (条例第十七条); the item records it.
    const confidentialityReview = await passedSecrecyReview(tx, dec.caseId);
    pub = await publishItem(tx, ctx, actor, {
      title: dec.title,
      category: 'policy',
      topic: 'science',
      keywords: (input.keywords ?? '重大行政决策').split(/[\s,，、;；]+/).filter(Boolean),
      formedOn: dec.decidedOn ?? today,
      summary: `重大行政决策，${dec.decidedOn ?? today}经集体讨论决定。`,
      body: `${adoptedText}\n\n公众意见、专家论证意见的采纳情况\n${input.adoptionExplanation.trim()}\n\n政策解读\n${input.interpretation.trim()}`,
      source: { module: 'decisions', entityId: dec.id },
      attachmentIds: input.fileIds,
      confidentialityReview,
    });
    const d = await step(
      ctx,
      actor,
      id,
      {
        action: 'publish',
        data: {
          adoptedText,
          channel,
          adoptionExplanation: input.adoptionExplanation,
          interpretationForm: input.interpretationForm,
          publicationId: pub.id,
          indexNumber: pub.indexNumber,
        },
      },
      {
        kind: 'publish',
        title: `决策公布及解读（索引号${pub.indexNumber}）`,
        body: `决策文本（通过稿）：\n${adoptedText}\n\n${input.adoptionExplanation.trim()}\n\n解读：${input.interpretation.trim()}`,
        fileIds: input.fileIds,
      },
      async (t, row) => {
        await t
          .update(majorDecisions)
          .set({
            publishedOn: today,
            publicationId: pub.id,
            interpretation: input.interpretation.trim(),
            adoptionExplanation: input.adoptionExplanation.trim(),
            updatedAt: ctx.clock.now(),
          })
          .where(eq(majorDecisions.id, row.id));
        if (row.revisionOf) {
          const [old] = await t
            .select()
            .from(majorDecisions)
            .where(eq(majorDecisions.id, row.revisionOf));
          await recordAction(
            ctx,
            actor,
            old.caseId,
            {
              action: 'revisionResult',
              on: today,
              data: { outcome: 'superseded', revisionId: row.id },
            },
            t,
          );
          await recordEvidence(
            t,
            ctx,
            actor,
            old,
            {
              kind: 'revisionResult',
              title: '经重大调整的决策已公布，原决策被替代',
              body: `调整后的决策：${row.title}（索引号${pub.indexNumber}）`,
              afterDecision: true,
            },
            { action: 'revisionResult', payload: { outcome: 'superseded', revisionId: row.id } },
          );
        }
      },
      tx,
    );
    return d;
  });
}
